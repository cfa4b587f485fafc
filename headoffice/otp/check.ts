import { MAX_WRONG_ATTEMPTS } from '../../shared/otp/model';
import { codeDecision } from '../../shared/otp/rules';
import { sameDigest } from '../crypto';
import type { HoDatabase } from '../db/database';
import { appendHeadofficeEvent } from '../sync/origin';
import { codeHash } from './keys';
import { countWrongAttempt, currentCode, findApplication } from './store';

export type CheckOutcome =
  | { ok: true; result: 'confirmed' | 'alreadyConfirmed' }
  | { ok: false; code: 'wrong_code'; remaining: number }
  | { ok: false; code: 'expired' | 'void' | 'wrong_state' | 'unknown_application' };

export interface CheckRequest {
  applicationId: string;
  code: string;
  via: 'customer' | 'cs';
  /** The CS who typed it; null on the customer's page. */
  by: string | null;
}

/**
 * A typed code, from the customer's page or from a CS desk: both count against the same five
 * wrong attempts. The decision is the shared rule (codeDecision); this only reads the state and
 * keeps the count, inside the single writer so parallel guesses cannot exceed five. The consent
 * itself is the otp.confirmed event, whose effect moves the application to In Progress and spends
 * the code in the event's own transaction; if another validation got there first, its rule
 * refuses the event and this one answers "already confirmed", changing nothing.
 */
export async function checkCode(db: HoDatabase, key: Buffer, now: number, request: CheckRequest): Promise<CheckOutcome> {
  const decided = await db.write(async (sql) => {
    const application = await findApplication(sql, request.applicationId);
    if (!application) return { ok: false as const, code: 'unknown_application' as const };
    const confirmed = application.status === 'In Progress';
    if (!confirmed && application.status !== 'Waiting Confirmation') return { ok: false as const, code: 'wrong_state' as const };
    const code = await currentCode(sql, application.id);
    // Always compute the keyed hash, so the time taken does not tell whether a code exists.
    const typed = codeHash(key, application.id, request.code);
    const matches = code !== null && sameDigest(code.codeHash, typed);
    const state = code
      ? { expiresAt: code.expiresAt, usedAt: code.usedAt, wrongAttempts: application.wrongAttempts, superseded: code.superseded }
      : // No code sent yet: nothing can match, and the guess still counts.
        { expiresAt: 0, usedAt: null, wrongAttempts: application.wrongAttempts, superseded: true };
    const decision = codeDecision(state, matches, now, confirmed);
    if (decision.result === 'wrong' || (decision.result === 'void' && application.wrongAttempts < MAX_WRONG_ATTEMPTS)) {
      await countWrongAttempt(sql, application.id);
    }
    return { ok: true as const, decision, branchCode: application.branchCode };
  });
  if (!decided.ok) return decided;
  const { decision } = decided;
  switch (decision.result) {
    case 'alreadyConfirmed':
      return { ok: true, result: 'alreadyConfirmed' };
    case 'wrong':
      return { ok: false, code: 'wrong_code', remaining: decision.remaining };
    case 'expired':
    case 'void':
      return { ok: false, code: decision.result };
    case 'confirmed':
      break;
  }
  const appended = await appendHeadofficeEvent(
    db,
    decided.branchCode,
    { type: 'otp.confirmed', payload: { applicationId: request.applicationId, via: request.via, by: request.by }, username: request.by },
    now,
  );
  if (appended.ok) return { ok: true, result: 'confirmed' };
  const after = await findApplication(db.read, request.applicationId);
  return after?.status === 'In Progress' ? { ok: true, result: 'alreadyConfirmed' } : { ok: false, code: 'wrong_state' };
}
