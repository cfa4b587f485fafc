import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATUSES } from '../../shared/complaints/model';
import { SLA_STATES } from '../../shared/complaints/sla';
import { branchCode } from '../../shared/api/schemas';
import type { HeadofficeContext } from '../context';
import { adminGuard, servePage } from '../kb/routes';
import { listComplaints, type HoComplaintFilter } from './queries';

// Head office's view of every branch's complaints: the admin API lists them with their SLA clocks
// at head office's clock, and a page shows the list with filters.

const clock = z.object({ state: z.enum(SLA_STATES), elapsedMs: z.number(), remainingMs: z.number(), overdueMs: z.number(), dueAt: z.number() });
const complaintRow = z.object({
  id: z.string(),
  number: z.string(),
  branch: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  channel: z.enum(COMPLAINT_CHANNELS),
  status: z.enum(COMPLAINT_STATUSES),
  customerName: z.string(),
  description: z.string(),
  createdAt: z.number(),
  createdBy: z.string().nullable(),
  firstResponseAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  escalation: z.enum(['none', 'cs-manager', 'department']),
  escalations: z.number(),
  department: z.string().nullable(),
  articleIds: z.array(z.string()),
  sla: z.object({ firstResponse: clock, resolution: clock }),
});
const query = z.object({
  branch: branchCode.optional(),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  text: z.string().trim().max(80).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  attention: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export async function complaintsAdmin(app: FastifyInstance, { ctx }: { ctx: HeadofficeContext }): Promise<void> {
  app.get<{ Querystring: HoComplaintFilter }>(
    '/admin/api/complaints',
    { onRequest: adminGuard(ctx), schema: { querystring: query, response: { 200: z.object({ complaints: z.array(complaintRow) }) } } },
    async (request) => ({ complaints: await listComplaints(ctx.db.read, request.query, ctx.clock()) }),
  );

  servePage(app, fileURLToPath(new URL('./page/', import.meta.url)), {
    '/admin/complaints': ['complaints.html', 'text/html; charset=utf-8'],
    '/admin/complaints.js': ['complaints.js', 'text/javascript; charset=utf-8'],
  });
}
