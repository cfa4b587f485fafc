// How head office reaches a customer. One interface, two real implementations: the WhatsApp
// Business Cloud API (whatsapp.ts) and a development recorder (dev.ts) that keeps what it would
// have sent, so a demo works with no network and no WhatsApp account.

export type Channel = 'whatsapp' | 'dev';

export interface SentMessage {
  /** The provider's id for the message (WhatsApp's `wamid.…`): delivery webhooks name it. */
  providerMessageId: string;
}

export interface MessageSender {
  readonly channel: Channel;
  /** The one-time code, in an authentication template with a copy-code button. */
  sendOtpCode(to: string, code: string, ttlSeconds: number): Promise<SentMessage>;
  sendText(to: string, body: string): Promise<SentMessage>;
  /**
   * An invoice notice, reminder or cancellation: the approved invoice template with `params` as its
   * body parameters where one is configured (a business-initiated message must be a template), else
   * `text` as it stands.
   */
  sendNotice(to: string, notice: { text: string; params: readonly string[] }): Promise<SentMessage>;
}

/** The provider refused the message or could not be reached; the message is recorded as failed. */
export class MessagingFailure extends Error {}

export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * Status webhooks arrive in any order (a `delivered` may follow a `read`, a `failed` may follow a
 * `delivered` on a second device of the customer): a status only replaces a lower one. A
 * delivery after a failure wins, since the message did arrive.
 */
const RANK: Record<DeliveryStatus, number> = { queued: 0, sent: 1, failed: 2, delivered: 3, read: 4 };
export const supersedesStatus = (next: DeliveryStatus, current: DeliveryStatus): boolean => RANK[next] > RANK[current];
