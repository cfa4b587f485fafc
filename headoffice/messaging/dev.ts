import { randomUUID } from 'node:crypto';
import type { HoDatabase } from '../db/database';
import type { MessageSender } from './sender';

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
  };
}
