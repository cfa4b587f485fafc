import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { resendRequest, resendResponse, validateRequest, validateResponse } from '../../shared/otp/protocol';
import { resendDecision } from '../../shared/otp/rules';
import type { HeadofficeContext } from '../context';
import { authenticateDevice, SyncFailure } from '../devices/devices';
import { checkCode, type CheckOutcome } from './check';
import type { OtpSender } from './sender';
import { codeOfOutbox, findApplication, outboxOutcome, queueSend, sendTimes } from './store';

export const otpErrorBody = z.object({ error: z.object({ code: z.string() }).passthrough() });
export const otpResponses = (ok: z.ZodType) => ({ 200: ok, 400: otpErrorBody, 401: otpErrorBody, 404: otpErrorBody, 409: otpErrorBody, 422: otpErrorBody, 429: otpErrorBody });

/** The HTTP answer of a refused code: the desk and the customer page read `error.code`. */
export function checkFailure(outcome: Extract<CheckOutcome, { ok: false }>): SyncFailure {
  switch (outcome.code) {
    case 'wrong_code':
      return new SyncFailure('wrong_code', 422, { remaining: outcome.remaining });
    case 'expired':
    case 'void':
      return new SyncFailure(outcome.code, 422);
    case 'wrong_state':
      return new SyncFailure('wrong_state', 409);
    case 'unknown_application':
      return new SyncFailure('unknown_application', 404);
  }
}

/**
 * What the branch desks ask head office about OTPs, authenticated like sync (`Bearer
 * <deviceId>.<secret>`). An application of another branch is answered as unknown.
 */
export async function otpDeskRoutes(app: FastifyInstance, { ctx, key, sender }: { ctx: HeadofficeContext; key: Buffer; sender: OtpSender }): Promise<void> {
  const ownApplication = async (authorization: string | undefined, applicationId: string) => {
    const device = await authenticateDevice(ctx.db, authorization, ctx.clock());
    const application = await findApplication(ctx.db.read, applicationId);
    if (!application || application.branchCode !== device.branch_code) throw new SyncFailure('unknown_application', 404);
    return application;
  };

  // Kirim Ulang OTP (the AO): the shared resend rule decides; the send is queued and made at once
  // by the sender loop, and the answer says when it went.
  app.post<{ Body: z.infer<typeof resendRequest> }>(
    '/otp/resend',
    { schema: { body: resendRequest, response: otpResponses(resendResponse) } },
    async (request) => {
      const application = await ownApplication(request.headers.authorization, request.body.applicationId);
      const now = ctx.clock();
      const queued = await ctx.db.write(async (sql) => {
        const fresh = await findApplication(sql, application.id);
        if (fresh?.status !== 'Waiting Confirmation') throw new SyncFailure('wrong_state', 409);
        const decision = resendDecision(await sendTimes(sql, application.id), now);
        if (!decision.ok) {
          throw decision.reason === 'tooSoon' ? new SyncFailure('too_soon', 409, { waitMs: decision.waitMs }) : new SyncFailure('daily_cap', 409);
        }
        return { outboxId: await queueSend(sql, application.id, request.body.username, now), sendsToday: decision.sendsToday };
      });
      await sender.kick();
      const code = await codeOfOutbox(ctx.db.read, queued.outboxId);
      if (code) return { sentAt: code.sentAt, sendsToday: queued.sendsToday };
      if ((await outboxOutcome(ctx.db.read, queued.outboxId)) === 'skipped') throw new SyncFailure('wrong_state', 409);
      // The sender failed before recording (its database, not the provider): the loop retries it.
      throw new Error('the queued send was not made');
    },
  );

  // Customer Service > OTP > Validasi: the code the customer sent to the CS.
  app.post<{ Body: z.infer<typeof validateRequest> }>(
    '/otp/validate',
    { schema: { body: validateRequest, response: otpResponses(validateResponse) } },
    async (request) => {
      const application = await ownApplication(request.headers.authorization, request.body.applicationId);
      const outcome = await checkCode(ctx.db, key, ctx.clock(), { applicationId: application.id, code: request.body.code, via: 'cs', by: request.body.username });
      if (!outcome.ok) throw checkFailure(outcome);
      return { result: outcome.result };
    },
  );
}
