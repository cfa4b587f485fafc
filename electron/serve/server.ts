import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ApiErrorBody, ErrorCode } from '../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import type { CoreClient } from '../core/client';

export const SESSION_COOKIE = 'serambi_session';

const STATUS: Record<ErrorCode, number> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  account_locked: 423,
  session_locked: 423,
  unavailable: 503,
  internal: 500,
};


export interface ServeAppOptions {
  core: CoreClient;
  rendererDir: string;
  logger?: boolean;
}

function sameOrigin(request: FastifyRequest): boolean {
  // Browsers send Origin on every POST; a page of another site is refused before the core sees it.
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${request.protocol}://${request.headers.host}`) return false;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function sendError(reply: FastifyReply, error: ApiErrorBody) {
  return reply.code(STATUS[error.code]).send({ ok: false, error });
}

/** Serve mode: the branch app for a browser. The API is `POST /api/<method>` with a JSON body. */
/** File-carrying methods and the largest file each accepts, in MB. */
const LARGE_BODY_METHODS: ReadonlyArray<readonly [string, number]> = [
  ['complaints.attach', 10],
  ['verification.attach', 10],
  ['payments.expectBulk', 8],
  ['statement.preview', 50],
  ['statement.import', 50],
  // MAX_INVOICE_FILE_BYTES: the core refuses a larger sheet with its own message
  ['invoices.preview', 21],
  ['invoices.import', 21],
];

export async function buildServeApp(options: ServeAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 2 * 1024 * 1024 });
  await app.register(cookie);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
  });

  const call = async (method: string, request: FastifyRequest, reply: FastifyReply) => {
    if (!sameOrigin(request)) return sendError(reply, { code: 'forbidden', key: 'errors.crossOrigin' });
    const token = request.cookies[SESSION_COOKIE] ?? null;
    const answer = await options.core.call(method, request.body ?? {}, token, 'http');
    if (!answer.ok) {
      // Only a session the core no longer knows ends here; a wrong password at login does not.
      if (answer.error.key === 'errors.unauthenticated' && token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return sendError(reply, answer.error);
    }
    let result = answer.result as Record<string, unknown>;
    if (method === 'auth.login') {
      // The token lives in an HttpOnly cookie: page scripts never read it.
      const { token: newToken, ...rest } = result;
      reply.setCookie(SESSION_COOKIE, String(newToken), { path: '/', httpOnly: true, sameSite: 'strict' });
      result = rest;
    }
    if (method === 'auth.logout') reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.header('cache-control', 'no-store');
    return { ok: true, result };
  };
  app.post<{ Params: { method: string } }>('/api/:method', (request, reply) => call(request.params.method, request, reply));
  // Methods that carry a file get room for its base64 (4/3 of the file) and nothing else does;
  // the contract still refuses a file over its own limit with a precise message.
  for (const [method, fileMb] of LARGE_BODY_METHODS) {
    const bodyLimit = Math.ceil((fileMb * 1024 * 1024 * 4) / 3) + 64 * 1024;
    app.post(`/api/${method}`, { bodyLimit }, (request, reply) => call(method, request, reply));
  }

  if (existsSync(join(options.rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html' });
  }
  return app;
}
