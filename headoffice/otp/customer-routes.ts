import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { maskPhone } from '../../shared/domain/phone';
import { customerInfo, customerSubmit, validateResponse } from '../../shared/otp/protocol';
import type { HeadofficeContext } from '../context';
import { SyncFailure } from '../devices/devices';
import { checkCode } from './check';
import { checkFailure, otpResponses } from './desk-routes';
import { tokenHash } from './keys';
import { RateLimiter } from './rate-limit';
import { applicationByToken, type Application } from './store';

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const FILES: Record<string, [string, string]> = {
  '/customer': ['customer.html', 'text/html; charset=utf-8'],
  '/customer/customer.js': ['customer.js', 'text/javascript; charset=utf-8'],
  '/customer/customer.css': ['customer.css', 'text/css; charset=utf-8'],
};

// No inline script or style, nothing from elsewhere, never framed. The token is in the page's
// address, so no Referer leaves the page and nothing is cached.
const HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
};

const WINDOW_MS = 10 * 60_000;
/** Code submissions per window, per IP and per phone number; the page itself may load more often. */
export const CUSTOMER_TRIES = 10;
const PAGE_LOADS = 60;

const status = (a: Application) => (a.status === 'Waiting Confirmation' ? 'waiting' : a.status === 'In Progress' ? 'confirmed' : 'closed');

/**
 * The customer's self-service page (`/customer?p=<token>`, the address in the second WhatsApp
 * message) and its API. The token opens one application until 24 h after its last send; the
 * code typed here counts against the same five wrong attempts as the CS desk.
 */
export async function customerRoutes(app: FastifyInstance, { ctx, key }: { ctx: HeadofficeContext; key: Buffer }): Promise<void> {
  const limits = {
    submitsPerIp: new RateLimiter(CUSTOMER_TRIES, WINDOW_MS, ctx.clock),
    submitsPerPhone: new RateLimiter(CUSTOMER_TRIES, WINDOW_MS, ctx.clock),
    loadsPerIp: new RateLimiter(PAGE_LOADS, WINDOW_MS, ctx.clock),
  };
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(HEADERS);
  });

  for (const [path, [file, type]] of Object.entries(FILES)) {
    app.get(path, async (_request, reply) => reply.type(type).send(await readFile(`${PAGE_DIR}${file}`)));
  }

  const limited = (reply: FastifyReply, retryAfterMs: number) =>
    reply
      .code(429)
      .header('retry-after', String(Math.ceil(retryAfterMs / 1000)))
      .send({ error: { code: 'rate_limited', retryAfterMs } });

  /** The application of a live link, or unknown: a wrong, made-up or expired token look alike. */
  const openLink = async (token: string) => {
    const application = await applicationByToken(ctx.db.read, tokenHash(token));
    if (!application || application.linkExpiresAt === null || application.linkExpiresAt <= ctx.clock()) throw new SyncFailure('unknown_application', 404);
    return application;
  };

  app.get<{ Querystring: { p: string } }>(
    '/customer/api/info',
    { schema: { querystring: z.object({ p: z.string().min(20).max(100) }), response: otpResponses(customerInfo) } },
    async (request, reply) => {
      const load = limits.loadsPerIp.take(request.ip);
      if (!load.ok) return limited(reply, load.retryAfterMs);
      const application = await openLink(request.query.p);
      return { maskedPhone: maskPhone(application.phone1), customerName: application.customerName, status: status(application) };
    },
  );

  app.post<{ Body: z.infer<typeof customerSubmit> }>(
    '/customer/api/otp',
    { schema: { body: customerSubmit, response: otpResponses(validateResponse) } },
    async (request, reply) => {
      // The IP is counted before the link is looked up, so guessing links costs tries too.
      const byIp = limits.submitsPerIp.take(request.ip);
      if (!byIp.ok) return limited(reply, byIp.retryAfterMs);
      const application = await openLink(request.body.token);
      const byPhone = limits.submitsPerPhone.take(application.phone1);
      if (!byPhone.ok) return limited(reply, byPhone.retryAfterMs);
      const outcome = await checkCode(ctx.db, key, ctx.clock(), { applicationId: application.id, code: request.body.code, via: 'customer', by: null });
      if (!outcome.ok) throw checkFailure(outcome);
      return { result: outcome.result };
    },
  );
}
