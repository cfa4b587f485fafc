// Account lockout after repeated wrong passwords (ASVS V2.2): the fifth failure in a row locks
// the account for 15 minutes; the count starts again after the lock, and a good password resets it.
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export interface LockState {
  failedAttempts: number;
  lockedUntil: number | null;
}

export function isLocked(state: LockState, now: number): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil;
}

export function afterFailedAttempt(state: LockState, at: number): LockState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) return { failedAttempts: 0, lockedUntil: at + LOCKOUT_MINUTES * 60_000 };
  return { failedAttempts, lockedUntil: state.lockedUntil };
}

export function attemptsRemaining(state: LockState): number {
  return MAX_FAILED_ATTEMPTS - state.failedAttempts;
}

/** Whole minutes left, rounded up, for the message the user reads. */
export function minutesLocked(state: LockState, now: number): number {
  return state.lockedUntil === null ? 0 : Math.max(1, Math.ceil((state.lockedUntil - now) / 60_000));
}
