import type { HoDatabase } from '../db/database';
import type { StatusUpdate } from '../messaging/webhook';

/**
 * WhatsApp's later word on an invoice message that went out, true when the message changed (to be
 * told to its branch).
 * - Delivered, then read: kept beside the status, which stays sent, so the desk shows that the
 *   customer has the bill on their phone, or has opened it.
 * - Failed (the number has no WhatsApp, the customer blocked the business, …): the message turns
 *   failed with WhatsApp's reason, so the desk sees it and can send it again, by SMS or email if
 *   need be.
 * Statuses come in any order (messaging/sender.ts): a status only moves a message forward, a
 * failure after a delivery is of a second device of the customer and changes nothing, and a
 * delivery after a failure wins, since the message did arrive.
 */
export async function applyInvoiceDelivery(db: HoDatabase, clock: () => number, update: StatusUpdate): Promise<boolean> {
  if (update.status === 'sent') return false;
  const changed = await db.write((sql) =>
    update.status === 'failed'
      ? sql<{ id: string }>(
          `UPDATE ho_inv_messages SET status = 'failed', failure = ?, updated_at = ?
           WHERE provider_message_id = ? AND channel = 'whatsapp' AND status = 'sent' AND delivery IS NULL RETURNING id`,
          [(update.failure ?? 'whatsapp: not delivered').slice(0, 500), clock(), update.providerMessageId],
        )
      : sql<{ id: string }>(
          `UPDATE ho_inv_messages SET status = 'sent', delivery = ?, failure = NULL, updated_at = ?
           WHERE provider_message_id = ? AND channel = 'whatsapp' AND status IN ('sent', 'failed')
             AND (delivery IS NULL OR (delivery = 'delivered' AND ? = 'read')) RETURNING id`,
          [update.status, clock(), update.providerMessageId, update.status],
        ),
  );
  return changed.length > 0;
}
