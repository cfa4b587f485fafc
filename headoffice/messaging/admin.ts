import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HeadofficeContext } from '../context';
import { sameDigest, sha256 } from '../crypto';
import { SyncFailure } from '../devices/devices';
import { invoiceMessagesApi } from './invoice-messages-admin';
import { DELIVERY_STATUSES } from './sender';

const messageRow = z.object({
  id: z.string(),
  channel: z.enum(['whatsapp', 'dev']),
  to: z.string(),
  kind: z.enum(['otp-code', 'otp-link']),
  /** What the development recorder kept (the code, or the link text); null for a real provider. */
  body: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  failure: z.string().nullable(),
  applicationId: z.string().nullable(),
  sendNumber: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

interface Row {
  id: string;
  channel: 'whatsapp' | 'dev';
  recipient: string;
  kind: 'otp-code' | 'otp-link';
  body: string | null;
  status: (typeof DELIVERY_STATUSES)[number];
  failure: string | null;
  application_id: string | null;
  send_number: number | null;
  created_at: number;
  updated_at: number;
}

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * The messages head office sent, newest first, for head office IT: the OTP messages and the invoice
 * notices. With the development recorders this is where a demo reads the code and the notices that
 * "went" to the customer. The page is public like the admin page; the lists come from the
 * admin-token APIs.
 */
export async function messagesAdmin(app: FastifyInstance, { ctx }: { ctx: HeadofficeContext }): Promise<void> {
  const requireAdmin = async (request: FastifyRequest) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!ctx.adminTokenHash || !token || !sameDigest(ctx.adminTokenHash, sha256(token))) throw new SyncFailure('unauthorized', 401);
  };

  app.get<{ Querystring: { limit?: number } }>(
    '/admin/api/messages',
    {
      preHandler: requireAdmin,
      schema: { querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() }), response: { 200: z.object({ messages: z.array(messageRow) }) } },
    },
    async (request) => {
      const rows = await ctx.db.read<Row>(
        `SELECT m.id, m.channel, m.recipient, m.kind, d.body, m.status, m.failure, m.application_id, m.send_number, m.created_at, m.updated_at
         FROM ho_messages m LEFT JOIN ho_dev_messages d ON d.provider_message_id = m.provider_message_id
         ORDER BY m.created_at DESC, m.kind LIMIT ?`,
        [request.query.limit ?? 200],
      );
      return {
        messages: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          to: r.recipient,
          kind: r.kind,
          body: r.body,
          status: r.status,
          failure: r.failure,
          applicationId: r.application_id,
          sendNumber: r.send_number === null ? null : Number(r.send_number),
          createdAt: Number(r.created_at),
          updatedAt: Number(r.updated_at),
        })),
      };
    },
  );

  invoiceMessagesApi(app, ctx, requireAdmin);

  const files: Record<string, [string, string]> = {
    '/admin/messages': ['messages.html', 'text/html; charset=utf-8'],
    '/admin/messages.js': ['messages.js', 'text/javascript; charset=utf-8'],
    '/admin/messages.css': ['messages.css', 'text/css; charset=utf-8'],
  };
  for (const [path, [file, type]] of Object.entries(files)) {
    app.get(path, async (_request, reply) =>
      reply.type(type).header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').send(await readFile(`${PAGE_DIR}${file}`)),
    );
  }
}
