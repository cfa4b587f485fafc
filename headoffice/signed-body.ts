import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hmacSignatureMatches } from './crypto';

// Signed webhooks from banks (the mutation feed, the VA payment callback): the signature covers the
// exact bytes of the body, so their plugin keeps the body raw and parses it only once it holds.

/** For the plugin of a signed webhook: every body stays the raw bytes. */
export function keepRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

/**
 * The body's JSON once the signature in `header` holds under `secret`; otherwise the answer is sent
 * (503 with `notConfigured` when there is no secret, 401 for a bad signature, 400 for a body that is
 * not JSON) and the result is undefined.
 */
export function signedJson(request: FastifyRequest, reply: FastifyReply, secret: string | null, header: string, notConfigured: string): { json: unknown } | undefined {
  if (!secret) {
    void reply.code(503).send({ error: { code: notConfigured } });
    return undefined;
  }
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (!hmacSignatureMatches(secret, raw, request.headers[header] as string | undefined)) {
    void reply.code(401).send({ error: { code: 'bad_signature' } });
    return undefined;
  }
  try {
    return { json: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    void reply.code(400).send({ error: { code: 'bad_request', message: 'body is not JSON' } });
    return undefined;
  }
}
