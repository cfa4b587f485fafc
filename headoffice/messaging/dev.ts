import { randomUUID } from 'node:crypto';
import type { HoDatabase } from '../db/database';
import type { EmailSender } from './email';
import type { MessageSender } from './sender';
import type { SmsSender } from './sms';

/**
 * The development provider: every message is written to `ho_dev_messages` instead of being sent,
 * code included, because showing what was sent is what a recorder is for. It is the default when
 * no WhatsApp account is configured, so a demo works offline; the admin page lists the messages
 * at /admin/messages, and tests read the last code sent to a number (otp/testing.ts).
 */
export function devRecorder(db: HoDatabase, clock: () => number): MessageSender {
  const record = async (to: string, kind: 'otp-code' | 'text', body: string) => {
    const providerMessageId = `dev.${randomUUID()}`;
    await db.write((sql) =>
      sql(`INSERT INTO ho_dev_messages (provider_message_id, recipient, kind, body, recorded_at) VALUES (?, ?, ?, ?, ?)`, [
        providerMessageId,
        to,
        kind,
        body,
        clock(),
      ]),
    );
    return { providerMessageId };
  };
  return {
    channel: 'dev',
    sendOtpCode: (to, code) => record(to, 'otp-code', code),
    sendText: (to, body) => record(to, 'text', body),
    sendNotice: (to, notice) => record(to, 'text', notice.text),
  };
}

interface DevNotice {
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  attachmentName: string | null;
  attachmentBytes: number | null;
}

async function recordNotice(db: HoDatabase, clock: () => number, notice: DevNotice): Promise<{ providerMessageId: string }> {
  const providerMessageId = `dev.${notice.channel}.${randomUUID()}`;
  await db.write((sql) =>
    sql(
      `INSERT INTO ho_dev_notices (provider_message_id, channel, recipient, subject, body, attachment_name, attachment_bytes, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [providerMessageId, notice.channel, notice.recipient, notice.subject, notice.body, notice.attachmentName, notice.attachmentBytes, clock()],
    ),
  );
  return { providerMessageId };
}

/**
 * Invoice emails written to `ho_dev_notices` instead of being sent, when no SMTP relay is set.
 * Attachments are kept by name and size only: the invoice PDF is made again from the invoice.
 */
export function devEmail(db: HoDatabase, clock: () => number): EmailSender {
  return {
    channel: 'dev',
    send: (message) => {
      const attachments = message.attachments ?? [];
      return recordNotice(db, clock, {
        channel: 'email',
        recipient: message.to,
        subject: message.subject,
        body: message.text,
        attachmentName: attachments.length > 0 ? attachments.map((a) => a.filename).join(', ') : null,
        attachmentBytes: attachments.length > 0 ? attachments.reduce((sum, a) => sum + a.content.length, 0) : null,
      });
    },
  };
}

/** Invoice SMS written to `ho_dev_notices` instead of being sent, when no SMS gateway is set. */
export function devSms(db: HoDatabase, clock: () => number): SmsSender {
  return {
    channel: 'dev',
    send: (to, body) => recordNotice(db, clock, { channel: 'sms', recipient: to, subject: null, body, attachmentName: null, attachmentBytes: null }),
  };
}
