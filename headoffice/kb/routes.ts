import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../../shared/complaints/model';
import { businessWeekSettingSchema } from '../../shared/calendar/business-hours';
import { holidayListSchema } from '../../shared/calendar/holidays';
import { branchCode } from '../../shared/api/schemas';
import { FAQ_CATEGORIES, slugify } from '../../shared/kb/faq';
import type { EventPayload, EventType } from '../../shared/events/index';
import type { HeadofficeContext } from '../context';
import { sameDigest, sha256 } from '../crypto';
import { SyncFailure } from '../devices/devices';
import { appendHeadofficeEvent } from '../sync/origin';
import { businessWeeks, holidaysInForce, kbArticle, kbArticles, slaTargetsInForce } from './store';

// Head office's admin API and page for what every branch's complaints desk reads: the knowledge
// base (publish, edit, retire), the holiday calendar and the SLA targets per category. Each change
// is an event on head office's all-branch chain (appendHeadofficeEvent), so it reaches every
// branch by pull, offline ones when they come back.

/** The admin token, as the other admin routes check it. */
export function adminGuard(ctx: HeadofficeContext) {
  return async (request: FastifyRequest) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!ctx.adminTokenHash || !token || !sameDigest(ctx.adminTokenHash, sha256(token))) throw new SyncFailure('unauthorized', 401);
  };
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Serves a page's files (public, like the admin page; what they show comes from the API). */
export function servePage(app: FastifyInstance, dir: string, files: Record<string, [file: string, type: string]>): void {
  for (const [path, [file, type]] of Object.entries(files)) {
    app.get(path, async (_request, reply) =>
      reply.type(type).header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').send(await readFile(`${dir}${file}`)),
    );
  }
}

const stepGroups = z
  .array(
    z.object({
      heading: z.string().trim().max(80).nullable(),
      steps: z.array(z.string().trim().min(1).max(1000)).min(1).max(50),
    }),
  )
  .min(1)
  .max(10);
const articleBody = z.object({
  question: z.string().trim().min(3).max(2000),
  category: z.enum(FAQ_CATEGORIES),
  section: z.string().trim().max(300).default(''),
  stepGroups,
});
const articleView = articleBody.extend({
  id: z.string(),
  origin: z.enum(['seed', 'edited', 'headoffice']),
  retired: z.boolean(),
  updatedAt: z.number().nullable(),
  updatedBy: z.string().nullable(),
});
const targetsShape = z.object({
  firstResponseMinutes: z.number().int().positive().max(100_000),
  resolutionMinutes: z.number().int().positive().max(1_000_000),
  warnBeforeMinutes: z.number().int().nonnegative().max(100_000),
});
const targetsBody = targetsShape.refine((t) => t.firstResponseMinutes <= t.resolutionMinutes, { path: ['firstResponseMinutes'], message: 'the first response cannot come after the resolution' });
const accepted = z.object({ eventId: z.string() });
const acceptedArticle = accepted.extend({ id: z.string() });
const refusal = z.object({ error: z.object({ code: z.string(), detail: z.string().optional() }) });

type Append<T extends EventType> = { type: T; payload: EventPayload<T> };

export async function kbAdmin(app: FastifyInstance, { ctx }: { ctx: HeadofficeContext }): Promise<void> {
  // checked on request, before the body is validated: without the token nothing is said about it
  const onRequest = adminGuard(ctx);
  /** One event for every branch; a refusal of head office's own rules is a 409 with its reason. */
  const append = async <T extends EventType>(reply: FastifyReply, event: Append<T>) => {
    const result = await appendHeadofficeEvent(ctx.db, null, { ...event, username: 'headoffice' }, ctx.clock());
    if (!result.ok) {
      await reply.code(409).send({ error: { code: result.verdict.reason, ...(result.verdict.detail ? { detail: result.verdict.detail } : {}) } });
      return null;
    }
    return result.eventId;
  };

  app.get('/admin/api/kb/articles', { onRequest, schema: { response: { 200: z.object({ articles: z.array(articleView) }) } } }, async () => ({
    articles: await kbArticles(ctx.db.read),
  }));

  // A new article gets an id from its question, unique among every article a branch may hold.
  app.post<{ Body: z.infer<typeof articleBody> }>(
    '/admin/api/kb/articles',
    { onRequest, schema: { body: articleBody, response: { 200: acceptedArticle, 409: refusal } } },
    async (request, reply) => {
      const taken = new Set((await kbArticles(ctx.db.read)).map((a) => a.id));
      const base = slugify(request.body.question) || 'artikel';
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      const eventId = await append(reply, { type: 'kb.articlePublished', payload: { id, ...request.body } });
      return eventId ? { id, eventId } : reply;
    },
  );

  app.put<{ Params: { id: string }; Body: z.infer<typeof articleBody> }>(
    '/admin/api/kb/articles/:id',
    { onRequest, schema: { params: z.object({ id: z.string().min(1).max(120) }), body: articleBody, response: { 200: acceptedArticle, 404: refusal, 409: refusal } } },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await kbArticle(ctx.db.read, id))) return reply.code(404).send({ error: { code: 'not_found' } });
      const eventId = await append(reply, { type: 'kb.articlePublished', payload: { id, ...request.body } });
      return eventId ? { id, eventId } : reply;
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/api/kb/articles/:id/retire',
    { onRequest, schema: { params: z.object({ id: z.string().min(1).max(120) }), response: { 200: accepted, 409: refusal } } },
    async (request, reply) => {
      const eventId = await append(reply, { type: 'kb.articleRetired', payload: { id: request.params.id } });
      return eventId ? { eventId } : reply;
    },
  );

  app.get(
    '/admin/api/complaints/settings',
    {
      onRequest,
      schema: {
        response: {
          200: z.object({
            holidays: holidayListSchema,
            holidaysFromHeadoffice: z.boolean(),
            targets: z.record(z.enum(COMPLAINT_CATEGORIES), targetsShape.extend({ fromHeadoffice: z.boolean() })),
            /** working weeks head office set: for every branch (branch null), or for one */
            businessWeeks: z.array(z.object({ branch: z.string().nullable(), week: businessWeekSettingSchema })),
          }),
        },
      },
    },
    async () => {
      const { holidays, fromHeadoffice } = await holidaysInForce(ctx.db.read);
      return { holidays, holidaysFromHeadoffice: fromHeadoffice, targets: await slaTargetsInForce(ctx.db.read), businessWeeks: await businessWeeks(ctx.db.read) };
    },
  );

  app.put<{ Body: { holidays: z.infer<typeof holidayListSchema> } }>(
    '/admin/api/complaints/holidays',
    {
      onRequest,
      schema: {
        body: z.object({
          holidays: holidayListSchema.refine((list) => new Set(list.map((h) => h.date)).size === list.length, 'a date is listed twice'),
        }),
        response: { 200: accepted, 409: refusal },
      },
    },
    async (request, reply) => {
      const holidays = [...request.body.holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const eventId = await append(reply, { type: 'calendar.holidaysSet', payload: { holidays } });
      return eventId ? { eventId } : reply;
    },
  );

  app.put<{ Params: { category: ComplaintCategory }; Body: z.infer<typeof targetsBody> }>(
    '/admin/api/complaints/sla-targets/:category',
    { onRequest, schema: { params: z.object({ category: z.enum(COMPLAINT_CATEGORIES) }), body: targetsBody, response: { 200: accepted, 409: refusal } } },
    async (request, reply) => {
      const eventId = await append(reply, { type: 'complaints.slaTargetsSet', payload: { category: request.params.category, ...request.body } });
      return eventId ? { eventId } : reply;
    },
  );

  // A branch's opening hours (or every branch's, branch null), which its SLA clocks count in.
  app.put<{ Body: { branch: string | null; week: z.infer<typeof businessWeekSettingSchema> } }>(
    '/admin/api/complaints/business-week',
    { onRequest, schema: { body: z.object({ branch: branchCode.nullable(), week: businessWeekSettingSchema }), response: { 200: accepted, 409: refusal } } },
    async (request, reply) => {
      const eventId = await append(reply, { type: 'calendar.businessWeekSet', payload: { branchCode: request.body.branch, week: request.body.week } });
      return eventId ? { eventId } : reply;
    },
  );

  servePage(app, fileURLToPath(new URL('./page/', import.meta.url)), {
    '/admin/kb': ['kb.html', 'text/html; charset=utf-8'],
    '/admin/kb.js': ['kb.js', 'text/javascript; charset=utf-8'],
  });
}
