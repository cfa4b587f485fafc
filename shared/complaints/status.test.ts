import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, WORKING_STATUSES, type ComplaintStatus } from './model';
import { complaintSla } from './sla';
import { defaultBranchCalendar } from '../calendar/business-hours';
import { nextComplaintStatus, pausesSla, resolvedAtFromHistory, slaPausesFromHistory, type ComplaintAction } from './status';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

const ACTIONS: ComplaintAction[] = [
  { kind: 'escalate-manager' },
  { kind: 'escalate-department' },
  { kind: 'wait-customer' },
  ...WORKING_STATUSES.map((resumeTo) => ({ kind: 'customer-replied' as const, resumeTo })),
  { kind: 'resolve' },
  { kind: 'reopen' },
];

// Every (status, action) pair: the allowed ones with their result; all others must be refused.
const ALLOWED: Array<[ComplaintStatus, ComplaintAction, ComplaintStatus]> = [
  ['open', { kind: 'escalate-manager' }, 'escalated-manager'],
  ['open', { kind: 'wait-customer' }, 'waiting-customer'],
  ['open', { kind: 'resolve' }, 'resolved'],
  ['reopened', { kind: 'escalate-manager' }, 'escalated-manager'],
  ['reopened', { kind: 'wait-customer' }, 'waiting-customer'],
  ['reopened', { kind: 'resolve' }, 'resolved'],
  ['escalated-manager', { kind: 'escalate-department' }, 'escalated-department'],
  ['escalated-manager', { kind: 'wait-customer' }, 'waiting-customer'],
  ['escalated-manager', { kind: 'resolve' }, 'resolved'],
  ['escalated-department', { kind: 'wait-customer' }, 'waiting-customer'],
  ['escalated-department', { kind: 'resolve' }, 'resolved'],
  ['waiting-customer', { kind: 'customer-replied', resumeTo: 'open' }, 'open'],
  ['waiting-customer', { kind: 'customer-replied', resumeTo: 'reopened' }, 'reopened'],
  ['waiting-customer', { kind: 'customer-replied', resumeTo: 'escalated-manager' }, 'escalated-manager'],
  ['waiting-customer', { kind: 'customer-replied', resumeTo: 'escalated-department' }, 'escalated-department'],
  ['waiting-customer', { kind: 'resolve' }, 'resolved'],
  ['resolved', { kind: 'reopen' }, 'reopened'],
];

describe('nextComplaintStatus', () => {
  it.each(ALLOWED)('%s + %o → %s', (from, action, to) => {
    expect(nextComplaintStatus(from, action)).toEqual({ ok: true, status: to });
  });

  it('refuses every other pair with the wrong-state key', () => {
    const allowed = new Set(ALLOWED.map(([from, action]) => JSON.stringify([from, action])));
    let refused = 0;
    for (const status of COMPLAINT_STATUSES) {
      for (const action of ACTIONS) {
        if (allowed.has(JSON.stringify([status, action]))) continue;
        expect(nextComplaintStatus(status, action), `${status} + ${JSON.stringify(action)}`).toEqual({ ok: false, key: 'complaints.errors.wrongState' });
        refused++;
      }
    }
    expect(refused).toBe(COMPLAINT_STATUSES.length * ACTIONS.length - ALLOWED.length);
  });

  it('does not resume a waiting complaint into a non-working status', () => {
    const resumeTo = 'resolved' as unknown as 'open'; // what a corrupted journal might hold
    expect(nextComplaintStatus('waiting-customer', { kind: 'customer-replied', resumeTo }).ok).toBe(false);
  });

  it('lets the CS manager, not the CS, bring in the department', () => {
    expect(nextComplaintStatus('open', { kind: 'escalate-department' }).ok).toBe(false);
  });
});

describe('SLA pauses from the status history', () => {
  it('pauses while waiting on the customer and while resolved, and nowhere else', () => {
    expect(COMPLAINT_STATUSES.filter(pausesSla)).toEqual(['waiting-customer', 'resolved']);
  });

  it('turns the history, in any order, into pauses, the last one open', () => {
    const history = [
      { at: 30, status: 'open' as const },
      { at: 10, status: 'open' as const },
      { at: 20, status: 'waiting-customer' as const },
      { at: 40, status: 'escalated-manager' as const },
      { at: 50, status: 'waiting-customer' as const },
    ];
    expect(slaPausesFromHistory(history)).toEqual([
      { from: 20, to: 30 },
      { from: 50, to: null },
    ]);
    expect(resolvedAtFromHistory(history)).toBeNull();
  });

  it('does not charge a reopened complaint for the days it was resolved', () => {
    const calendar = defaultBranchCalendar({ zone: 'WIB' });
    const history = [
      { at: at('2026-11-16T01:00:00Z'), status: 'open' as const }, // Mon 08:00 WIB
      { at: at('2026-11-16T03:00:00Z'), status: 'resolved' as const }, // Mon 10:00
      { at: at('2026-11-18T01:00:00Z'), status: 'reopened' as const }, // Wed 08:00
      { at: at('2026-11-18T02:00:00Z'), status: 'resolved' as const }, // Wed 09:00
    ];
    const sla = complaintSla({
      startedAt: history[0]!.at,
      calendar,
      pauses: slaPausesFromHistory(history),
      targets: { firstResponseMinutes: 15, resolutionMinutes: 8 * 60, warnBeforeMinutes: 30 },
      now: at('2026-11-20T01:00:00Z'),
      firstRespondedAt: history[0]!.at,
      resolvedAt: resolvedAtFromHistory(history),
    });
    expect(sla.resolution).toMatchObject({ state: 'met', elapsedMs: 3 * HOUR });
  });
});
