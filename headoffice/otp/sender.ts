import { randomUUID } from 'node:crypto';
import { OTP_TTL_MS } from '../../shared/otp/model';
import { randomToken } from '../crypto';
import type { HoDatabase } from '../db/database';
import type { MessageSender } from '../messaging/sender';
import { serialLoop, type SerialLoop } from '../messaging/serial-loop';
import { appendHeadofficeEvent } from '../sync/origin';
import { codeHash, newCode, tokenHash } from './keys';
import { claimQueuedSends, finishSend, findApplication, hasWork, unannouncedCodes, type Application, type QueuedSend } from './store';

/** Customer-page links of an application work until this long after its last send. */
export const LINK_TTL_MS = 24 * 60 * 60_000;

export interface OtpSenderOptions {
  db: HoDatabase;
  clock: () => number;
  key: Buffer;
  messenger: MessageSender;
  /** The customer page for a token: `<public base URL>/customer?p=<token>`. */
  customerUrl(token: string): string;
  /** How often queued sends are looked for without a kick; 0 for never (tests kick). */
  pollMs: number;
  log(error: unknown): void;
}

export type OtpSender = SerialLoop;

/**
 * Makes the sends queued in the outbox. Each run claims queued sends, makes and sends the code
 * and the link outside any transaction, records the result in one transaction, then appends
 * otp.sent for every recorded code not yet announced. A crash after the network call and before
 * the record sends again with a new code (the customer may get two; the later one counts); a
 * crash after the record and before otp.sent is announced by the next run. Runs never overlap.
 */
export function startOtpSender(options: OtpSenderOptions): OtpSender {
  return serialLoop(() => runOnce(options), options.pollMs, options.log);
}

async function runOnce(options: OtpSenderOptions): Promise<void> {
  // A read first: most polls find nothing, and need not wait for the single writer.
  const claimed = (await hasWork(options.db.read)) ? await options.db.write((sql) => claimQueuedSends(sql, Date.now())) : [];
  for (const send of claimed) {
    try {
      await sendOne(options, send);
    } catch (error) {
      // Left claimed: taken again when the lease ends; the other sends go on.
      options.log(error);
    }
  }
  for (const code of await unannouncedCodes(options.db.read)) {
    await appendHeadofficeEvent(
      options.db,
      code.branchCode,
      {
        type: 'otp.sent',
        payload: {
          applicationId: code.applicationId,
          sendNumber: code.sendNumber,
          sentAt: code.sentAt,
          expiresAt: code.expiresAt,
          delivery: code.delivery,
          ...(code.failure ? { failure: code.failure } : {}),
          requestedBy: code.requestedBy,
        },
        username: code.requestedBy,
      },
      options.clock(),
    );
  }
}

interface Outgoing {
  kind: 'otp-code' | 'otp-link';
  providerMessageId: string | null;
  failure: string | null;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

async function sendOne(options: OtpSenderOptions, send: QueuedSend): Promise<void> {
  const application = await findApplication(options.db.read, send.applicationId);
  if (!application || application.status !== 'Waiting Confirmation') {
    await options.db.write((sql) => finishSend(sql, send.id, 'skipped', options.clock()));
    return;
  }
  const code = newCode();
  const token = randomToken(32);
  const sentAt = options.clock();
  const outgoing: Outgoing[] = [];
  try {
    const sent = await options.messenger.sendOtpCode(application.phone1, code, OTP_TTL_MS / 1000);
    outgoing.push({ kind: 'otp-code', providerMessageId: sent.providerMessageId, failure: null });
  } catch (error) {
    outgoing.push({ kind: 'otp-code', providerMessageId: null, failure: describe(error) });
  }
  const codeSent = outgoing[0]!.failure === null;
  // A link without its code helps nobody: it goes only when the code went.
  if (codeSent) {
    const text = `Buka tautan ini untuk memasukkan kode OTP persetujuan pembukaan rekening Anda: ${options.customerUrl(token)}`;
    try {
      const sent = await options.messenger.sendText(application.phone1, text);
      outgoing.push({ kind: 'otp-link', providerMessageId: sent.providerMessageId, failure: null });
    } catch (error) {
      outgoing.push({ kind: 'otp-link', providerMessageId: null, failure: describe(error) });
    }
  }
  await recordSend(options, send, application, { codeHash: codeHash(options.key, application.id, code), tokenHash: tokenHash(token), sentAt, codeSent, outgoing });
}

/**
 * One transaction: the code's keyed hash (never the code), the link's token hash, the messages.
 * A code that went out supersedes every earlier one; a code that failed to go out is born
 * superseded, so the customer's previous code still counts until it expires.
 */
async function recordSend(
  options: OtpSenderOptions,
  send: QueuedSend,
  application: Application,
  made: { codeHash: string; tokenHash: string; sentAt: number; codeSent: boolean; outgoing: Outgoing[] },
): Promise<void> {
  const channel = options.messenger.channel;
  await options.db.write(async (sql) => {
    const [last] = await sql<{ n: unknown }>(`SELECT COALESCE(MAX(send_number), 0) AS n FROM ho_otp_codes WHERE application_id = ?`, [application.id]);
    const sendNumber = Number(last?.n ?? 0) + 1;
    if (made.codeSent) await sql(`UPDATE ho_otp_codes SET superseded = 1 WHERE application_id = ? AND superseded = 0`, [application.id]);
    await sql(
      `INSERT INTO ho_otp_codes (application_id, send_number, outbox_id, code_hash, token_hash, sent_at, expires_at, superseded, delivery, failure, requested_by, announced)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      [
        application.id,
        sendNumber,
        send.id,
        made.codeHash,
        made.tokenHash,
        made.sentAt,
        made.sentAt + OTP_TTL_MS,
        made.codeSent ? 0 : 1,
        made.codeSent ? 'sent' : 'failed',
        made.outgoing[0]!.failure,
        send.requestedBy,
      ],
    );
    if (made.codeSent) {
      await sql(`UPDATE ho_otp_applications SET link_expires_at = ?, updated_at = ? WHERE id = ?`, [made.sentAt + LINK_TTL_MS, made.sentAt, application.id]);
    }
    for (const m of made.outgoing) {
      await sql(
        `INSERT INTO ho_messages (id, application_id, send_number, channel, recipient, kind, provider_message_id, status, failure, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [randomUUID(), application.id, sendNumber, channel, application.phone1, m.kind, m.providerMessageId, m.failure ? 'failed' : 'sent', m.failure, made.sentAt, made.sentAt],
      );
    }
    await finishSend(sql, send.id, 'sent', made.sentAt);
  });
}
