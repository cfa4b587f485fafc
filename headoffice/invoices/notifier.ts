import { INVOICE_CHUNK, type InvoiceMessageEvent } from '../../shared/events/invoices';
import { localDayKey } from '../../shared/domain/time';
import { formatVaForReading, invoiceNotice, type NoticeInvoice } from '../../shared/invoices/notice';
import { remindersDue, type ReminderSchedule } from '../../shared/invoices/reminders';
import type { HoDatabase, Sql } from '../db/database';
import type { EmailSender } from '../messaging/email';
import type { MessageSender } from '../messaging/sender';
import { serialLoop, type SerialLoop } from '../messaging/serial-loop';
import type { SmsSender } from '../messaging/sms';
import { appendHeadofficeEventIn } from '../sync/origin';
import { queueMessages, type HoInvoice } from './events';
import { invoicePdf, invoicePdfFileName } from './invoice-pdf';

// Head office's sender of invoice messages. Each run:
// 1. queues the reminders that have come due (per batch schedule, shared/invoices/reminders.ts);
// 2. claims queued messages (a claim lapses after CLAIM_MS, so a crash mid-send is retried), sends
//    each outside any transaction and records sent or failed with the provider's reason; the first
//    notice or reminder that goes out makes the invoice sent;
// 3. tells each branch what changed, as invoices.messages events, in the transaction that marks
//    the change told, so every change reaches the desk once.
// Runs never overlap. A message may go twice if head office stops between the send and its record:
// a second notice is a nuisance, a lost one is a bill unpaid.

export interface InvoiceChannels {
  email: EmailSender;
  whatsapp: MessageSender;
  sms: SmsSender;
}

export interface InvoiceNotifierOptions {
  db: HoDatabase;
  clock: () => number;
  channels: InvoiceChannels;
  /** who bills, as the customer reads it */
  issuer: string;
  /** how often it runs without a kick; 0 for never (tests kick) */
  pollMs: number;
  /** how often a poll looks for reminders come due (a kick always does); default 10 minutes */
  remindEveryMs?: number;
  log(error: unknown): void;
}

export type InvoiceNotifier = SerialLoop;

const CLAIM_MS = 5 * 60_000;
const BATCH = 200;

export function startInvoiceNotifier(options: InvoiceNotifierOptions): InvoiceNotifier {
  // a kick looks for reminders every time; a poll only every remindEveryMs, as it scans every sent invoice
  let remindedAt = -Infinity;
  return serialLoop(
    async (kicked) => {
      const now = options.clock();
      const remind = kicked || now - remindedAt >= (options.remindEveryMs ?? 10 * 60_000);
      if (remind) remindedAt = now;
      await runOnce(options, remind);
    },
    options.pollMs,
    options.log,
  );
}

export async function runOnce(options: InvoiceNotifierOptions, reminders = true): Promise<void> {
  if (reminders) await options.db.write((sql) => queueReminders(sql, options.clock()));
  for (;;) {
    const claimed = await options.db.write((sql) => claim(sql, options.clock()));
    for (const message of claimed) {
      try {
        await sendOne(options, message);
      } catch (error) {
        // left claimed: taken again when the claim lapses; the others go on
        options.log(error);
      }
    }
    await options.db.write((sql) => announce(sql, options.clock()));
    if (claimed.length < BATCH) break;
  }
}

interface ReminderRow {
  id: string;
  due_date: string;
  first_sent_on: string | null;
  reminders_sent: string;
  reminders: string;
  channels: string;
}

/** Queues each sent invoice's reminder that has come due, on its batch's channels. */
async function queueReminders(sql: Sql, now: number): Promise<void> {
  const rows = await sql<ReminderRow>(
    `SELECT i.id, i.due_date, i.first_sent_on, i.reminders_sent, b.reminders, b.channels
     FROM ho_invoices i JOIN ho_inv_batches b ON b.id = i.batch_id WHERE i.status = 'sent'`,
  );
  for (const row of rows) {
    const schedule = JSON.parse(row.reminders) as ReminderSchedule;
    const sent = JSON.parse(row.reminders_sent) as string[];
    const due = remindersDue(schedule, { status: 'sent', dueDate: row.due_date, remindersSent: sent, firstSentOn: row.first_sent_on }, now);
    if (due.length === 0) continue;
    const [invoice] = await sql<HoInvoice>(`SELECT * FROM ho_invoices WHERE id = ?`, [row.id]);
    const channels = JSON.parse(row.channels) as ('email' | 'whatsapp' | 'sms')[];
    await queueMessages(sql, due.flatMap((reminder) => channels.map((channel) => ({ invoice: invoice!, channel, kind: 'reminder' as const, reminder }))), null, now);
    await sql(`UPDATE ho_invoices SET reminders_sent = ? WHERE id = ?`, [JSON.stringify([...sent, ...due]), row.id]);
  }
}

interface MessageRow {
  id: string;
  invoice_id: string;
  channel: 'email' | 'whatsapp' | 'sms';
  kind: 'notice' | 'reminder' | 'cancel';
  reminder: string | null;
  recipient: string;
}

async function claim(sql: Sql, now: number): Promise<MessageRow[]> {
  const rows = await sql<MessageRow>(
    `SELECT id, invoice_id, channel, kind, reminder, recipient FROM ho_inv_messages
     WHERE status = 'queued' OR (status = 'sending' AND claimed_until < ?) ORDER BY created_at, id LIMIT ${BATCH}`,
    [now],
  );
  for (const row of rows) await sql(`UPDATE ho_inv_messages SET status = 'sending', claimed_until = ? WHERE id = ?`, [now + CLAIM_MS, row.id]);
  return rows;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

function noticeInvoice(row: HoInvoice): NoticeInvoice {
  return {
    number: row.number,
    customerName: row.customer_name,
    amount: Number(row.amount),
    dueDate: row.due_date,
    va: row.va,
    description: row.description,
    module: row.module,
    fields: JSON.parse(row.fields) as Record<string, string>,
  };
}

async function sendOne(options: InvoiceNotifierOptions, message: MessageRow): Promise<void> {
  const [row] = await options.db.read<HoInvoice>(`SELECT * FROM ho_invoices WHERE id = ?`, [message.invoice_id]);
  let outcome: { providerMessageId: string | null; failure: string | null };
  // paid or withdrawn since it was queued: a notice now would ask for money not owed
  const stale = !row || (message.kind !== 'cancel' && row.status !== 'unsent' && row.status !== 'sent');
  if (stale) {
    outcome = { providerMessageId: null, failure: `invoice ${row?.status ?? 'unknown'}` };
  } else {
    const invoice = noticeInvoice(row);
    const notice = invoiceNotice(message.kind, invoice, { issuer: options.issuer, ...(message.reminder ? { reminder: message.reminder } : {}) });
    try {
      let sent: { providerMessageId: string };
      if (message.channel === 'email') {
        const attachments =
          message.kind === 'cancel'
            ? []
            : [{ filename: invoicePdfFileName(invoice.number), content: await invoicePdf(invoice, { issuer: options.issuer, createdAt: options.clock() }), contentType: 'application/pdf' }];
        sent = await options.channels.email.send({ to: message.recipient, subject: notice.subject, text: notice.text, attachments });
      } else if (message.channel === 'whatsapp') {
        sent = await options.channels.whatsapp.sendNotice(message.recipient, { text: notice.text, params: [invoice.customerName, notice.subject, formatVaForReading(invoice.va)] });
      } else {
        sent = await options.channels.sms.send(message.recipient, notice.sms);
      }
      outcome = { providerMessageId: sent.providerMessageId, failure: null };
    } catch (error) {
      outcome = { providerMessageId: null, failure: describe(error) };
    }
  }
  const now = options.clock();
  await options.db.write(async (sql) => {
    await sql(`UPDATE ho_inv_messages SET status = ?, provider_message_id = ?, failure = ?, updated_at = ?, claimed_until = NULL WHERE id = ?`, [
      outcome.failure ? 'failed' : 'sent',
      outcome.providerMessageId,
      outcome.failure,
      now,
      message.id,
    ]);
    if (!outcome.failure && message.kind !== 'cancel') {
      await sql(`UPDATE ho_invoices SET status = 'sent', first_sent_on = ? WHERE id = ? AND status = 'unsent'`, [localDayKey(now, 'WIB'), message.invoice_id]);
    }
  });
}

interface UntoldRow {
  id: string;
  invoice_id: string;
  branch_code: string;
  channel: InvoiceMessageEvent['channel'];
  kind: InvoiceMessageEvent['kind'];
  reminder: string | null;
  recipient: string;
  status: 'queued' | 'sent' | 'failed';
  delivery: 'delivered' | 'read' | null;
  failure: string | null;
  updated_at: unknown;
}

/** What a branch is told of a message, as its `announced` keeps it: the status, and WhatsApp's delivery. */
const TOLD = `status || coalesce('/' || delivery, '')`;

/** Tells each branch the changes of its messages not told yet, in chunks. */
async function announce(sql: Sql, now: number): Promise<void> {
  const rows = await sql<UntoldRow>(
    `SELECT id, invoice_id, branch_code, channel, kind, reminder, recipient, status, delivery, failure, updated_at FROM ho_inv_messages
     WHERE status IN ('queued', 'sent', 'failed') AND (announced IS NULL OR announced <> ${TOLD}) ORDER BY branch_code, created_at, id`,
  );
  const byBranch = new Map<string, UntoldRow[]>();
  for (const row of rows) byBranch.set(row.branch_code, [...(byBranch.get(row.branch_code) ?? []), row]);
  for (const [branch, messages] of byBranch) {
    for (let c = 0; c * INVOICE_CHUNK < messages.length; c += 1) {
      const chunk = messages.slice(c * INVOICE_CHUNK, (c + 1) * INVOICE_CHUNK);
      const payload = {
        messages: chunk.map((m) => ({
          id: m.id,
          invoiceId: m.invoice_id,
          channel: m.channel,
          kind: m.kind,
          reminder: m.reminder,
          recipient: m.recipient.slice(0, 254),
          status: m.status,
          ...(m.delivery ? { delivery: m.delivery } : {}),
          failure: m.failure,
          at: Number(m.updated_at),
        })),
      };
      const appended = await appendHeadofficeEventIn(sql, branch, { type: 'invoices.messages', payload, username: null }, now);
      if (!appended.ok) throw new Error(`invoices.messages refused: ${appended.verdict.reason}`);
    }
    for (let c = 0; c < messages.length; c += 500) {
      const ids = messages.slice(c, c + 500).map((m) => m.id);
      // same transaction as the read: the status told is the status now
      await sql(`UPDATE ho_inv_messages SET announced = ${TOLD} WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    }
  }
}
