import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HeadofficeContext } from '../context';

export const INVOICE_MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;

const invoiceMessageRow = z.object({
  id: z.string(),
  branch: z.string(),
  /** The invoice's number, customer, VA and amount; null only if the invoice row is missing. */
  invoiceNumber: z.string().nullable(),
  customer: z.string().nullable(),
  va: z.string().nullable(),
  amount: z.number().nullable(),
  channel: z.enum(['email', 'whatsapp', 'sms']),
  kind: z.enum(['notice', 'reminder', 'cancel']),
  /** 'H-3', 'H', 'H+7' for a reminder; null otherwise. */
  reminder: z.string().nullable(),
  recipient: z.string(),
  status: z.enum(INVOICE_MESSAGE_STATUSES),
  /** The provider's id of the message (WhatsApp's wamid, the mail server's Message-ID), to trace it with them. */
  providerMessageId: z.string().nullable(),
  /** What WhatsApp said since it went out; null until then, and for email and SMS. */
  delivery: z.enum(['delivered', 'read']).nullable(),
  failure: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** What the development recorder kept (email subject, text, attachment name); null for a real provider. */
  subject: z.string().nullable(),
  body: z.string().nullable(),
  attachmentName: z.string().nullable(),
});

interface Row {
  id: string;
  branch_code: string;
  number: string | null;
  customer_name: string | null;
  va: string | null;
  amount: number | string | null;
  channel: 'email' | 'whatsapp' | 'sms';
  kind: 'notice' | 'reminder' | 'cancel';
  reminder: string | null;
  recipient: string;
  status: (typeof INVOICE_MESSAGE_STATUSES)[number];
  provider_message_id: string | null;
  delivery: 'delivered' | 'read' | null;
  failure: string | null;
  created_at: number | string;
  updated_at: number | string;
  subject: string | null;
  body: string | null;
  attachment_name: string | null;
}

const query = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  status: z.enum(INVOICE_MESSAGE_STATUSES).optional(),
});

/**
 * The invoice notices head office queued and sent (email, WhatsApp, SMS), newest first, with what
 * the development recorders kept of each: email and SMS in ho_dev_notices, WhatsApp text in
 * ho_dev_messages. Registered by the messages page's plugin, behind its admin token.
 */
export function invoiceMessagesApi(app: FastifyInstance, ctx: HeadofficeContext, requireAdmin: (request: FastifyRequest) => Promise<void>): void {
  app.get<{ Querystring: z.infer<typeof query> }>(
    '/admin/api/invoice-messages',
    { preHandler: requireAdmin, schema: { querystring: query, response: { 200: z.object({ messages: z.array(invoiceMessageRow) }) } } },
    async (request) => {
      const { limit, status } = request.query;
      const rows = await ctx.db.read<Row>(
        `SELECT m.id, m.branch_code, i.number, i.customer_name, i.va, i.amount, m.channel, m.kind, m.reminder, m.recipient,
                m.status, m.provider_message_id, m.delivery, m.failure, m.created_at, m.updated_at,
                n.subject, COALESCE(n.body, d.body) AS body, n.attachment_name
         FROM ho_inv_messages m
         LEFT JOIN ho_invoices i ON i.id = m.invoice_id
         LEFT JOIN ho_dev_notices n ON n.provider_message_id = m.provider_message_id
         LEFT JOIN ho_dev_messages d ON d.provider_message_id = m.provider_message_id
         ${status ? 'WHERE m.status = ?' : ''}
         ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
        [...(status ? [status] : []), limit ?? 200],
      );
      return {
        messages: rows.map((r) => ({
          id: r.id,
          branch: r.branch_code,
          invoiceNumber: r.number,
          customer: r.customer_name,
          va: r.va,
          amount: r.amount === null ? null : Number(r.amount),
          channel: r.channel,
          kind: r.kind,
          reminder: r.reminder,
          recipient: r.recipient,
          status: r.status,
          providerMessageId: r.provider_message_id,
          delivery: r.delivery,
          failure: r.failure,
          createdAt: Number(r.created_at),
          updatedAt: Number(r.updated_at),
          subject: r.subject,
          body: r.body,
          attachmentName: r.attachment_name,
        })),
      };
    },
  );
}
