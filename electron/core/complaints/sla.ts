import type { ComplaintCategory } from '../../../shared/complaints/model';
import type { SlaOutcome } from '../../../shared/complaints/report';
import { complaintSla, slaClock, type SlaClock } from '../../../shared/complaints/sla';
import { slaPausesFromHistory, type StatusChange } from '../../../shared/complaints/status';
import type { SlaSettings } from './settings';

// The SLA clocks of one complaint, with the core's clock and the settings in force. The weekly
// evaluation needs only each clock's outcome; slaColumns keeps what decides it in the row (the
// outcome once the clock stopped, else the instant it breaches), so a week of many thousands of
// complaints is a scan, not a rerun of every clock. outcomeAt reads them back; its test proves it
// agrees with slaClock.

const MINUTE = 60_000;

export interface SlaFacts {
  category: ComplaintCategory;
  createdAt: number;
  history: readonly StatusChange[];
  firstResponseAt: number | null;
  resolvedAt: number | null;
}

export function clocksOf(facts: SlaFacts, settings: SlaSettings, now: number): { firstResponse: SlaClock; resolution: SlaClock } {
  return complaintSla({
    startedAt: facts.createdAt,
    calendar: settings.calendar,
    pauses: slaPausesFromHistory(facts.history),
    targets: settings.targets[facts.category],
    now: Math.max(now, facts.createdAt),
    firstRespondedAt: facts.firstResponseAt,
    resolvedAt: facts.resolvedAt,
  });
}

export interface SlaColumns {
  frOutcome: SlaOutcome | null;
  frBreachAt: number;
  resOutcome: SlaOutcome | null;
  resBreachAt: number;
  /** start of the pause in progress (waiting on the customer, or resolved) */
  pausedSince: number | null;
}

export function slaColumns(facts: SlaFacts, settings: SlaSettings): SlaColumns {
  const { calendar } = settings;
  const targets = settings.targets[facts.category];
  const pauses = slaPausesFromHistory(facts.history);
  const open = pauses.find((p) => p.to === null) ?? null;
  const closed = pauses.filter((p) => p.to !== null);
  const measuredTo = Math.max(facts.createdAt, ...closed.map((p) => p.to!));

  const column = (minutes: number, stop: number | null) => {
    const targetMs = minutes * MINUTE;
    const outcome =
      stop === null ? null : (slaClock({ startedAt: facts.createdAt, calendar, pauses, targetMs, warnBeforeMs: 0, now: stop, stoppedAt: stop }).state as SlaOutcome);
    // Times are whole milliseconds: the clock is over its target from the instant it has counted
    // one millisecond more, i.e. where a target 1 ms longer falls due, pauses to date excluded.
    const breachAt = slaClock({ startedAt: facts.createdAt, calendar, pauses: closed, targetMs: targetMs + 1, warnBeforeMs: 0, now: measuredTo }).dueAt;
    return { outcome, breachAt };
  };
  const fr = column(targets.firstResponseMinutes, facts.firstResponseAt);
  const res = column(targets.resolutionMinutes, facts.resolvedAt);
  return { frOutcome: fr.outcome, frBreachAt: fr.breachAt, resOutcome: res.outcome, resBreachAt: res.breachAt, pausedSince: open?.from ?? null };
}

/**
 * A clock's outcome as of `now` from its columns: decided when it stopped; breached once past its
 * breach instant (a paused clock does not count, so the pause's start is what matters); pending
 * otherwise.
 */
export function outcomeAt(outcome: SlaOutcome | null, breachAt: number, pausedSince: number | null, now: number): SlaOutcome | null {
  if (outcome !== null) return outcome;
  return Math.min(pausedSince ?? now, now) >= breachAt ? 'breached' : null;
}
