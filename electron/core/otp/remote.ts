import { ApiError } from '../../../shared/api/errors';
import { MAX_SENDS_PER_DAY } from '../../../shared/otp/model';
import type { CallContext } from '../dispatch/types';
import { headofficeClient, HeadofficeError } from '../sync/http';
import { getSyncState } from '../sync/state';

// The two OTP questions only head office can answer (send a code, check a code). They are asked
// live and never queued: a branch holds no code, so offline there is nothing it could do later
// that the customer's own link does not do better.

/**
 * A person at the counter is waiting: a dead line should fail in seconds, not in sync's 30.
 * Sending a WhatsApp message at head office takes a few seconds at most.
 */
const OTP_TIMEOUT_MS = 15_000;

export function otpHeadoffice(ctx: CallContext) {
  const state = getSyncState(ctx.core.db);
  if (!state) throw new ApiError('conflict', 'sync.notEnrolled');
  return headofficeClient(
    ctx.core.env.headofficeUrl ?? state.headofficeUrl,
    `Bearer ${ctx.core.deviceId}.${state.deviceSecret}`,
    ctx.core.env.fetch,
    OTP_TIMEOUT_MS,
  );
}

const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Whole minutes and the seconds after them, rounded up: "wait 4 minutes 1 second", never "0 seconds". */
export function waitParts(waitMs: number): { minutes: number; seconds: number } {
  const total = Math.max(1, Math.ceil(waitMs / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/**
 * Head office's answer as the contract's error: a wrong, expired or void code is the `code`
 * field's fault (the CS can type it again or ask for a new one); the rest are conflicts with the
 * application's state at head office, whose status wins over the desk's copy when it sends one.
 */
export function otpRefusal(error: unknown, localStatus: string): never {
  if (!(error instanceof HeadofficeError)) throw error;
  const { code, extra } = error;
  switch (code) {
    case 'network':
      throw new ApiError('unavailable', 'otp.errors.offline');
    case 'wrong_code': {
      const params = { remaining: number(extra.remaining) };
      throw ApiError.badInput([{ path: 'code', key: 'otp.errors.wrongCode', params }]);
    }
    case 'expired':
      throw ApiError.badInput([{ path: 'code', key: 'otp.errors.expired' }]);
    case 'void':
      throw ApiError.badInput([{ path: 'code', key: 'otp.errors.void' }]);
    case 'too_soon': {
      const wait = waitParts(number(extra.waitMs));
      // "0 menit 42 detik" reads oddly at a counter: under a minute, only the seconds.
      throw new ApiError('conflict', wait.minutes === 0 ? 'otp.errors.tooSoonSeconds' : 'otp.errors.tooSoon', wait);
    }
    case 'daily_cap':
      throw new ApiError('conflict', 'otp.errors.dailyCap', { max: MAX_SENDS_PER_DAY });
    case 'wrong_state':
      throw new ApiError('conflict', 'otp.errors.wrongState', { status: typeof extra.status === 'string' ? extra.status : localStatus });
    case 'unknown_application':
      throw new ApiError('conflict', 'otp.errors.notAtHeadoffice');
    case 'rate_limited':
      throw new ApiError('conflict', 'otp.errors.rateLimited', { seconds: Math.max(1, Math.ceil(number(extra.retryAfterMs) / 1000)) });
    case 'device_revoked':
      throw new ApiError('conflict', 'sync.halted.revoked');
    default:
      throw new ApiError('unavailable', 'sync.error.refused', { code });
  }
}

/**
 * Starts a sync round so the desk soon pulls what head office just recorded (`otp.sent`,
 * `otp.confirmed`) and pushes what head office may not know yet. The answer does not wait for
 * it, and a failed round is the sync status's business, not this call's.
 */
export function syncSoon(ctx: CallContext): void {
  ctx.core.sync.syncOnce().catch(() => undefined);
}
