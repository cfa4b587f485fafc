import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, type ApplicationStatus } from './model';
import { codeDecision, nextStatus, resendDecision, type ApplicationAction } from './rules';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

describe('application states', () => {
  it.each<[ApplicationStatus, ApplicationAction, ApplicationStatus | null]>([
    ['Draft', { kind: 'submit' }, 'Waiting Kasie'],
    ['Waiting Kasie', { kind: 'approve', level: 'kasie' }, 'Waiting Kacab'],
    ['Waiting Kasie', { kind: 'approve', level: 'kacab' }, null],
    ['Waiting Kacab', { kind: 'approve', level: 'kacab' }, 'Waiting Confirmation'],
    ['Waiting Kacab', { kind: 'approve', level: 'kasie' }, null],
    ['Waiting Kasie', { kind: 'reject', level: 'kasie' }, 'Rejected'],
    ['Waiting Kacab', { kind: 'reject', level: 'kacab' }, 'Rejected'],
    ['Waiting Confirmation', { kind: 'reject', level: 'kacab' }, null],
    ['Waiting Confirmation', { kind: 'confirm' }, 'In Progress'],
    ['In Progress', { kind: 'confirm' }, null],
    ['Waiting Confirmation', { kind: 'cancel' }, 'Cancelled'],
    ['In Progress', { kind: 'cancel' }, null],
    ['Rejected', { kind: 'submit' }, null],
  ])('%s + %o → %s', (from, action, to) => {
    const result = nextStatus(from, action);
    expect(result.ok ? result.status : null).toBe(to);
  });

  it('never leaves In Progress, Rejected or Cancelled', () => {
    const actions: ApplicationAction[] = [
      { kind: 'submit' },
      { kind: 'approve', level: 'kasie' },
      { kind: 'approve', level: 'kacab' },
      { kind: 'reject', level: 'kasie' },
      { kind: 'reject', level: 'kacab' },
      { kind: 'cancel' },
      { kind: 'confirm' },
    ];
    for (const status of ['In Progress', 'Rejected', 'Cancelled'] as const) for (const action of actions) expect(nextStatus(status, action).ok).toBe(false);
    expect(APPLICATION_STATUSES).toHaveLength(7);
  });
});

describe('resend rule', () => {
  const first = at('2026-11-21T03:00:00Z'); // 10:00 WIB

  it('refuses within 5 minutes of the last send, with the time to wait', () => {
    expect(resendDecision([first], first + 4 * MIN + 59_000)).toEqual({ ok: false, reason: 'tooSoon', waitMs: 1_000 });
    expect(resendDecision([first], first + 5 * MIN)).toEqual({ ok: true, sendsToday: 2 });
  });

  it('allows at most 5 codes a WIB day, counting the first', () => {
    const sends = [0, 10, 20, 30, 40].map((m) => first + m * MIN);
    expect(resendDecision(sends.slice(0, 4), first + 45 * MIN)).toEqual({ ok: true, sendsToday: 5 });
    expect(resendDecision(sends, first + 60 * MIN)).toEqual({ ok: false, reason: 'dailyCap' });
  });

  it('starts a new day at midnight WIB, not UTC', () => {
    const evening = at('2026-11-21T16:30:00Z'); // 23:30 WIB
    const sends = [0, 6, 12, 18, 24].map((m) => evening + m * MIN); // up to 23:54 WIB
    expect(resendDecision(sends, at('2026-11-21T16:59:59Z'))).toEqual({ ok: false, reason: 'dailyCap' }); // 23:59:59 WIB
    expect(resendDecision(sends, at('2026-11-21T17:00:00Z'))).toEqual({ ok: true, sendsToday: 1 }); // 00:00 WIB
  });

  it('never allows two sends closer than 5 minutes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { maxLength: 8 }), fc.integer({ min: 0, max: 10 ** 9 }), (sends, now) => {
        const decision = resendDecision(sends, now);
        if (decision.ok) for (const s of sends) expect(Math.abs(now - s) >= 5 * MIN || s > now).toBe(true);
      }),
    );
  });
});

describe('code rule', () => {
  const sent = at('2026-11-21T03:00:00Z');
  const fresh = { expiresAt: sent + 5 * MIN, usedAt: null, wrongAttempts: 0, superseded: false };

  it('accepts the right code at 4:59 and calls it expired at 5:01', () => {
    expect(codeDecision(fresh, true, sent + 4 * MIN + 59_000, false)).toEqual({ result: 'confirmed' });
    expect(codeDecision(fresh, true, sent + 5 * MIN + 1_000, false)).toEqual({ result: 'expired' });
  });

  it('counts down wrong codes and voids the code on the fifth', () => {
    expect(codeDecision(fresh, false, sent, false)).toEqual({ result: 'wrong', remaining: 4 });
    expect(codeDecision({ ...fresh, wrongAttempts: 3 }, false, sent, false)).toEqual({ result: 'wrong', remaining: 1 });
    expect(codeDecision({ ...fresh, wrongAttempts: 4 }, false, sent, false)).toEqual({ result: 'void' });
    // After five wrong tries the right code is refused too.
    expect(codeDecision({ ...fresh, wrongAttempts: 5 }, true, sent, false)).toEqual({ result: 'void' });
  });

  it('answers a second validation as already confirmed', () => {
    expect(codeDecision({ ...fresh, usedAt: sent }, true, sent + MIN, true)).toEqual({ result: 'alreadyConfirmed' });
    expect(codeDecision(fresh, false, sent, true)).toEqual({ result: 'alreadyConfirmed' });
  });

  it('treats the old code as wrong once a new one was sent', () => {
    expect(codeDecision({ ...fresh, superseded: true }, true, sent + MIN, false)).toEqual({ result: 'wrong', remaining: 4 });
  });
});
