import { describe, expect, it } from 'vitest';
import { COMPLAINT_CATEGORIES, type ComplaintStatus } from '../../../shared/complaints/model';
import { PLAYBOOKS } from '../../../shared/complaints/playbooks';
import { nextComplaintStatus, resolvedAtFromHistory, type ComplaintAction, type StatusChange } from '../../../shared/complaints/status';
import { defaultBranchCalendar } from '../../../shared/calendar/business-hours';
import { HOLIDAYS_2026, holidayDateSet } from '../../../shared/calendar/holidays';
import type { SlaSettings } from './settings';
import { clocksOf, outcomeAt, slaColumns, type SlaFacts } from './sla';
import { mulberry32 } from '../../../tests/support/random';

// The SLA columns the weekly evaluation reads must say what the clocks say: for random complaint
// histories and random instants, outcomeAt(columns) equals the outcome of shared slaClock.

const calendar = defaultBranchCalendar({ zone: 'WIB', holidays: holidayDateSet(HOLIDAYS_2026) });
const settings: SlaSettings = {
  zone: 'WIB',
  calendar,
  holidays: [...HOLIDAYS_2026],
  week: { zone: 'WIB', week: calendar.week as SlaSettings['week']['week'] },
  targets: Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c, PLAYBOOKS[c].slaTargets])) as SlaSettings['targets'],
};

const prng = mulberry32;

const MIN = 60_000;
const ACTIONS: ComplaintAction['kind'][] = ['escalate-manager', 'escalate-department', 'wait-customer', 'customer-replied', 'resolve', 'reopen'];

/** A random life: status changes minutes to days apart, a first response somewhere or never. */
function randomComplaint(random: () => number): SlaFacts {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  // around Christmas 2026 and into the new year: holidays and weekends on the way
  const createdAt = Date.UTC(2026, 11, 18) + Math.floor(random() * 14 * 86_400_000);
  const history: StatusChange[] = [{ at: createdAt, status: 'open' }];
  let status: ComplaintStatus = 'open';
  let resume: ComplaintStatus = 'open';
  let at = createdAt;
  for (let i = Math.floor(random() * 6); i > 0; i--) {
    const kind = pick(ACTIONS);
    const action = (kind === 'customer-replied' ? { kind, resumeTo: resume } : { kind }) as ComplaintAction;
    const next = nextComplaintStatus(status, action);
    if (!next.ok) continue;
    at += Math.floor(random() * (random() < 0.5 ? 90 * MIN : 3 * 86_400_000));
    if (next.status === 'waiting-customer') resume = status;
    status = next.status;
    history.push({ at, status });
  }
  const firstResponseAt = random() < 0.7 ? createdAt + Math.floor(random() * (random() < 0.5 ? 40 * MIN : 2 * 86_400_000)) : null;
  return { category: pick(COMPLAINT_CATEGORIES), createdAt, history, firstResponseAt, resolvedAt: resolvedAtFromHistory(history) };
}

const asOutcome = (state: string) => (state === 'met' || state === 'breached' ? state : null);

describe('SLA columns', () => {
  it('give the outcome slaClock gives, for 3,000 random complaints at random instants', () => {
    const random = prng(2026);
    for (let i = 0; i < 3000; i++) {
      const facts = randomComplaint(random);
      const columns = slaColumns(facts, settings);
      const last = facts.history.at(-1)!.at;
      for (const now of [facts.createdAt + 5 * MIN, last, last + Math.floor(random() * 5 * 86_400_000)]) {
        // the columns describe the complaint as its events left it: instants after its last change
        // and after its first response, as the weekly evaluation asks
        if (now < last || (facts.firstResponseAt !== null && now < facts.firstResponseAt)) continue;
        const clocks = clocksOf(facts, settings, now);
        const context = { i, facts, now, columns };
        expect({ ...context, fr: outcomeAt(columns.frOutcome, columns.frBreachAt, columns.pausedSince, now) }).toEqual({ ...context, fr: asOutcome(clocks.firstResponse.state) });
        expect({ ...context, res: outcomeAt(columns.resOutcome, columns.resBreachAt, columns.pausedSince, now) }).toEqual({ ...context, res: asOutcome(clocks.resolution.state) });
      }
    }
  });

  it('stop at the last millisecond of the target as met, one later as breached', () => {
    // Monday 16 Nov 2026 09:00 WIB; 15 business minutes later is 09:15
    const createdAt = Date.UTC(2026, 10, 16, 2, 0);
    const facts = (firstResponseAt: number): SlaFacts => ({ category: 'penagihan', createdAt, history: [{ at: createdAt, status: 'open' }], firstResponseAt, resolvedAt: null });
    expect(slaColumns(facts(createdAt + 15 * MIN), settings).frOutcome).toBe('met');
    expect(slaColumns(facts(createdAt + 15 * MIN + 1), settings).frOutcome).toBe('breached');
    const pending = slaColumns({ ...facts(0), firstResponseAt: null }, settings);
    expect(pending.frBreachAt).toBe(createdAt + 15 * MIN + 1);
    expect(outcomeAt(null, pending.frBreachAt, null, createdAt + 15 * MIN)).toBeNull();
  });

  it('count no time while waiting on the customer: a pause before the breach keeps it pending', () => {
    const createdAt = Date.UTC(2026, 10, 16, 2, 0);
    const history: StatusChange[] = [{ at: createdAt, status: 'open' }, { at: createdAt + 10 * MIN, status: 'waiting-customer' }];
    const columns = slaColumns({ category: 'penagihan', createdAt, history, firstResponseAt: null, resolvedAt: null }, settings);
    expect(columns.pausedSince).toBe(createdAt + 10 * MIN);
    expect(outcomeAt(columns.frOutcome, columns.frBreachAt, columns.pausedSince, createdAt + 5 * 86_400_000)).toBeNull();
  });
});
