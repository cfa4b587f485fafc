import type { FastifyInstance } from 'fastify';
import { hmacSignatureMatches, sameDigest, sha256 } from '../crypto';
import type { DeliveryStatus } from './sender';

export interface StatusUpdate {
  providerMessageId: string;
  status: Extract<DeliveryStatus, 'sent' | 'delivered' | 'read' | 'failed'>;
  failure: string | null;
}

export interface WebhookOptions {
  /** The Meta app secret (SERAMBI_WA_APP_SECRET): every POST is signed with it. */
  appSecret: string | null;
  /** The token typed into the Meta dashboard (SERAMBI_WA_VERIFY_TOKEN) for the GET handshake. */
  verifyToken: string | null;
  onStatus(update: StatusUpdate): Promise<void>;
}

/**
 * `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the exact bytes of the body under the
 * app secret. Compared in constant time; a missing secret refuses everything.
 */
export function signatureMatches(appSecret: string | null, raw: Buffer, header: string | undefined): boolean {
  // Meta always writes the prefix; the bare hex the bank webhooks may send is not Meta's
  return /^sha256=[0-9a-f]{64}$/i.test(header ?? '') && hmacSignatureMatches(appSecret, raw, header);
}

interface WebhookBody {
  entry?: { changes?: { value?: { statuses?: { id?: unknown; status?: unknown; errors?: { code?: unknown; title?: unknown; message?: unknown }[] }[] } }[] }[];
}

const KNOWN = new Set(['sent', 'delivered', 'read', 'failed']);

/** The message statuses of a Cloud API webhook; inbound messages and other fields are ignored. */
export function statusUpdates(body: WebhookBody): StatusUpdate[] {
  const updates: StatusUpdate[] = [];
  for (const entry of Array.isArray(body.entry) ? body.entry : []) {
    for (const change of Array.isArray(entry.changes) ? entry.changes : []) {
      for (const s of Array.isArray(change.value?.statuses) ? change.value.statuses : []) {
        if (typeof s.id !== 'string' || typeof s.status !== 'string' || !KNOWN.has(s.status)) continue;
        const error = s.errors?.[0];
        const failure = s.status === 'failed' && error ? `${String(error.code ?? '')} ${String(error.title ?? error.message ?? '')}`.trim().slice(0, 500) : null;
        updates.push({ providerMessageId: s.id, status: s.status as StatusUpdate['status'], failure });
      }
    }
  }
  return updates;
}

/**
 * WhatsApp's delivery webhook. Its own plugin, because the signature is over the raw bytes: here
 * every body is kept as a Buffer instead of being parsed as JSON, and parsed only once it is
 * known to come from Meta.
 */
export async function whatsAppWebhook(app: FastifyInstance, options: WebhookOptions): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get<{ Querystring: Record<string, string | undefined> }>('/webhooks/whatsapp', async (request, reply) => {
    const q = request.query;
    const token = q['hub.verify_token'] ?? '';
    const ok = q['hub.mode'] === 'subscribe' && options.verifyToken !== null && sameDigest(sha256(options.verifyToken), sha256(token));
    if (!ok) return reply.code(403).type('text/plain; charset=utf-8').send('forbidden');
    return reply.type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(q['hub.challenge'] ?? '');
  });

  app.post('/webhooks/whatsapp', { bodyLimit: 1024 * 1024 }, async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (!signatureMatches(options.appSecret, raw, request.headers['x-hub-signature-256'] as string | undefined)) {
      return reply.code(401).send({ error: { code: 'bad_signature' } });
    }
    let body: WebhookBody;
    try {
      body = JSON.parse(raw.toString('utf8')) as WebhookBody;
    } catch {
      return reply.code(400).send({ error: { code: 'bad_request' } });
    }
    // A failure here answers 500 and Meta retries the delivery; updates are idempotent.
    for (const update of statusUpdates(body)) await options.onStatus(update);
    return { ok: true };
  });
}
