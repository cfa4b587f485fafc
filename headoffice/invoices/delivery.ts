import type { HoDatabase } from '../db/database';
import type { StatusUpdate } from '../messaging/webhook';

/**
 * WhatsApp's later word on an invoice message. A failure after the API took it (the number has no
 * WhatsApp, the customer blocked the business, …) makes the message failed with WhatsApp's reason,
 * so the desk sees it and can send it again, by SMS or email if need be. Delivered and read change
 * nothing the desk keeps. True when a message changed, to be told to its branch.
 */
export async function applyInvoiceDelivery(db: HoDatabase, clock: () => number, update: StatusUpdate): Promise<boolean> {
  if (update.status !== 'failed') return false;
  const changed = await db.write((sql) =>
    sql<{ id: string }>(
      `UPDATE ho_inv_messages SET status = 'failed', failure = ?, updated_at = ? WHERE provider_message_id = ? AND channel = 'whatsapp' AND status = 'sent' RETURNING id`,
      [(update.failure ?? 'whatsapp: not delivered').slice(0, 500), clock(), update.providerMessageId],
    ),
  );
  return changed.length > 0;
}
