import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, attemptsRemaining, isLocked, LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, minutesLocked } from './lockout';

const at = Date.UTC(2026, 10, 21, 3);

describe('lockout rule', () => {
  it.each([
    [0, 1, null],
    [3, 4, null],
    [4, 0, at + LOCKOUT_MINUTES * 60_000],
  ])('after %i failures, one more leaves %i and locks until %s', (failed, expectedFailed, lockedUntil) => {
    expect(afterFailedAttempt({ failedAttempts: failed, lockedUntil: null }, at)).toEqual({ failedAttempts: expectedFailed, lockedUntil });
  });

  it('locks exactly on the fifth failure', () => {
    let state = { failedAttempts: 0, lockedUntil: null as number | null };
    for (let i = 1; i <= MAX_FAILED_ATTEMPTS; i++) {
      expect(isLocked(state, at)).toBe(false);
      state = afterFailedAttempt(state, at);
    }
    expect(isLocked(state, at)).toBe(true);
    expect(isLocked(state, at + LOCKOUT_MINUTES * 60_000)).toBe(false);
  });

  it('tells the user what remains', () => {
    expect(attemptsRemaining({ failedAttempts: 2, lockedUntil: null })).toBe(3);
    expect(minutesLocked({ failedAttempts: 0, lockedUntil: at + 61_000 }, at)).toBe(2);
    expect(minutesLocked({ failedAttempts: 0, lockedUntil: at + 1 }, at)).toBe(1);
  });
});
