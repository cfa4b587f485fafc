import type { HoDatabase } from '../db/database';
import { supersedesStatus, type DeliveryStatus } from '../messaging/sender';
import type { StatusUpdate } from '../messaging/webhook';
import { appendHeadofficeEvent } from '../sync/origin';

interface MessageRecord {
  application_id: string | null;
  send_number: unknown;
  kind: 'otp-code' | 'otp-link';
  status: DeliveryStatus;
  branch_code: string | null;
}

/**
 * A delivery status from the provider's webhook. The code message's status is news for the AO
 * (was the code delivered, or should it be resent?), so it travels to the branch as
 * otp.deliveryUpdated, whose effect updates the message row in the event's transaction; the
 * link message's status is only kept here. A status that would move backwards is ignored.
 */
export async function applyDeliveryStatus(db: HoDatabase, clock: () => number, update: StatusUpdate): Promise<void> {
  const [message] = await db.read<MessageRecord>(
    `SELECT m.application_id, m.send_number, m.kind, m.status, a.branch_code
     FROM ho_messages m LEFT JOIN ho_otp_applications a ON a.id = m.application_id WHERE m.provider_message_id = ?`,
    [update.providerMessageId],
  );
  if (!message || !supersedesStatus(update.status, message.status)) return;
  const now = clock();
  if (update.failure) {
    await db.write((sql) => sql(`UPDATE ho_messages SET failure = ? WHERE provider_message_id = ?`, [update.failure, update.providerMessageId]));
  }
  if (message.kind === 'otp-code' && message.application_id && message.branch_code) {
    // Refused (and so not stored) when another webhook already moved the status past this one.
    await appendHeadofficeEvent(
      db,
      message.branch_code,
      { type: 'otp.deliveryUpdated', payload: { applicationId: message.application_id, sendNumber: Number(message.send_number), delivery: update.status }, username: null },
      now,
    );
    return;
  }
  await db.write(async (sql) => {
    const [current] = await sql<{ status: DeliveryStatus }>(`SELECT status FROM ho_messages WHERE provider_message_id = ?`, [update.providerMessageId]);
    if (current && supersedesStatus(update.status, current.status)) {
      await sql(`UPDATE ho_messages SET status = ?, updated_at = ? WHERE provider_message_id = ?`, [update.status, now, update.providerMessageId]);
    }
  });
}
