import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  codeLeasesRequest,
  codeLeasesResponse,
  enrollRequest,
  enrollResponse,
  pullRequest,
  pullResponse,
  pushRequest,
  pushResponse,
} from '../../shared/sync/protocol';
import { authenticateDevice, enrollDevice, SyncFailure, type DeviceRow } from '../devices/devices';
import type { HeadofficeContext } from '../context';
import { leaseCodes } from '../payments/leases';
import { rerouteWaiting } from '../payments/reroute';
import { applyPush } from './push';
import { pullEvents } from './pull';

declare module 'fastify' {
  interface FastifyRequest {
    device?: DeviceRow;
  }
}

const errorBody = z.object({ error: z.object({ code: z.string() }).passthrough() });

/** The branch-facing sync API: enroll once, then push and pull with the device's secret. */
export async function syncRoutes(app: FastifyInstance, { ctx }: { ctx: HeadofficeContext }): Promise<void> {
  // The epoch is checked before the device: a head office restored or reset no longer knows the
  // desk's secret, and the desk must hear `epoch_mismatch` (halt, reseed) rather than `unauthorized`.
  const checkEpoch = (epoch: string) => {
    if (epoch !== ctx.epoch) throw new SyncFailure('epoch_mismatch', 409, { epoch: ctx.epoch });
  };
  const requireDevice = async (request: FastifyRequest<{ Body: { epoch: string } }>) => {
    checkEpoch(request.body.epoch);
    request.device = await authenticateDevice(ctx.db, request.headers.authorization, ctx.clock());
  };
  const responses = (ok: z.ZodType) => ({ 200: ok, 400: errorBody, 401: errorBody, 409: errorBody });

  app.post<{ Body: z.infer<typeof enrollRequest> }>(
    '/sync/enroll',
    { schema: { body: enrollRequest, response: responses(enrollResponse) } },
    async (request) => ({ ...(await enrollDevice(ctx.db, request.body, ctx.clock())), epoch: ctx.epoch }),
  );

  app.post<{ Body: z.infer<typeof pushRequest> }>(
    '/sync/push',
    { schema: { body: pushRequest, response: responses(pushResponse) }, preHandler: requireDevice, bodyLimit: 64 * 1024 * 1024 },
    async (request) => ({ epoch: ctx.epoch, ...(await applyPush(ctx.db, request.device!, request.body.events, ctx.clock())) }),
  );

  app.post<{ Body: z.infer<typeof pullRequest> }>(
    '/sync/pull',
    { schema: { body: pullRequest, response: responses(pullResponse) }, preHandler: requireDevice },
    async (request) => {
      await ctx.db.write(async (sql) => {
        const now = ctx.clock();
        await sql(`UPDATE devices SET last_seen_at = ? WHERE id = ?`, [now, request.device!.id]);
        // fed credits an unseen desk of the branch was given come to this one, in this pull
        await rerouteWaiting(sql, request.device!, now);
      });
      return { epoch: ctx.epoch, ...(await pullEvents(ctx.db, request.device!, request.body.cursor, request.body.limit)) };
    },
  );

  app.post<{ Body: z.infer<typeof codeLeasesRequest> }>(
    '/sync/code-leases',
    { schema: { body: codeLeasesRequest, response: responses(codeLeasesResponse) }, preHandler: requireDevice },
    async (request) => ({ epoch: ctx.epoch, leased: await leaseCodes(ctx, request.device!) }),
  );
}

export function sendSyncFailure(error: SyncFailure, reply: FastifyReply) {
  return reply.code(error.status).send({ error: { code: error.code, ...error.extra } });
}
