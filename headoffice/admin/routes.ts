import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { branchCode, displayName, idleLockMinutes, newPassword, roles, timeZone, username } from '../../shared/api/schemas';
import { hashPassword } from '../auth/passwords';
import type { HeadofficeContext } from '../context';
import { sameDigest, sha256 } from '../crypto';
import { createEnrollCode, devicesStatus, revokeDevice, SyncFailure } from '../devices/devices';
import { appendHeadofficeEvent } from '../sync/origin';

const deviceStatus = z.object({
  device: z.string(),
  branch: z.string().nullable(),
  highWaterMark: z.number(),
  events: z.number(),
  lastSeenAt: z.number().nullable(),
  enrolledAt: z.number(),
  revokedAt: z.number().nullable(),
});
const createUser = z.object({ username, displayName, roles, password: newPassword, branch: branchCode.nullable().default(null) });

const branchSettings = z.object({ name: displayName.optional(), timeZone: timeZone.optional(), idleLockMinutes: idleLockMinutes.optional() });

/** Head office IT's API: devices, enrollment codes, revocation, users and settings for the branches. */
export async function adminRoutes(app: FastifyInstance, { ctx }: { ctx: HeadofficeContext }): Promise<void> {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!ctx.adminTokenHash || !token || !sameDigest(ctx.adminTokenHash, sha256(token))) throw new SyncFailure('unauthorized', 401);
  });

  app.get('/admin/api/devices', { schema: { response: { 200: z.object({ devices: z.array(deviceStatus) }) } } }, async () => ({
    devices: await devicesStatus(ctx.db),
  }));

  app.post<{ Body: { branch: string } }>(
    '/admin/api/enroll-codes',
    { schema: { body: z.object({ branch: branchCode }), response: { 200: z.object({ code: z.string(), branch: z.string() }) } } },
    async (request) => ({ code: await createEnrollCode(ctx.db, request.body.branch, ctx.clock()), branch: request.body.branch }),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/api/devices/:id/revoke',
    { schema: { params: z.object({ id: z.string().uuid() }), response: { 200: z.object({ revoked: z.boolean() }) } } },
    async (request) => ({ revoked: await revokeDevice(ctx.db, request.params.id, ctx.clock()) }),
  );

  // Branch settings decided at head office reach the branch's desks by pull, like any event.
  app.post<{ Params: { code: string }; Body: z.infer<typeof branchSettings> }>(
    '/admin/api/branches/:code/settings',
    { schema: { params: z.object({ code: branchCode }), body: branchSettings, response: { 200: z.object({ eventId: z.string() }) } } },
    async (request, reply) => {
      const result = await appendHeadofficeEvent(ctx.db, request.params.code, { type: 'branch.updated', payload: request.body, username: null }, ctx.clock());
      if (!result.ok) return reply.code(409).send({ error: { code: result.verdict.reason } });
      return { eventId: result.eventId };
    },
  );

  app.post<{ Body: z.infer<typeof createUser> }>(
    '/admin/api/users',
    { schema: { body: createUser, response: { 200: z.object({ id: z.string(), eventId: z.string() }), 409: z.object({ error: z.object({ code: z.string(), detail: z.string().optional() }) }) } } },
    async (request, reply) => {
      const { username: name, displayName: shown, roles: granted, password, branch } = request.body;
      const id = crypto.randomUUID();
      const passwordHash = await hashPassword(password, ctx.passwordCost);
      const result = await appendHeadofficeEvent(
        ctx.db,
        branch,
        { type: 'user.created', payload: { id, username: name, displayName: shown, roles: [...new Set(granted)], passwordHash, locale: 'id' }, username: null },
        ctx.clock(),
      );
      if (!result.ok) return reply.code(409).send({ error: { code: result.verdict.reason, ...(result.verdict.detail ? { detail: result.verdict.detail } : {}) } });
      return { id, eventId: result.eventId };
    },
  );
}

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const PAGE_FILES: Record<string, string> = { '': 'index.html', 'admin.js': 'admin.js', 'admin.css': 'admin.css' };
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/** The admin page itself is public; everything it shows comes from the token-protected API. */
export async function adminPage(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'");
    reply.header('x-content-type-options', 'nosniff');
  });
  app.get<{ Params: { file?: string } }>('/admin/:file?', async (request, reply) => {
    const name = PAGE_FILES[request.params.file ?? ''];
    if (!name) return reply.code(404).send({ error: { code: 'not_found' } });
    return reply.type(TYPES[name.split('.').pop()!]!).send(await readFile(`${PAGE_DIR}${name}`));
  });
}
