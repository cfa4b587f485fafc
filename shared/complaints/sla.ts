import {
  addBusinessTime,
  advanceThrough,
  businessIntervalsFrom,
  businessMsBetween,
  measureUntil,
  type BusinessCalendar,
  type Interval,
} from '../calendar/business-hours';

// The SLA clock of a complaint: business time since it was logged, minus the time spent waiting on
// the customer, against a target. A pure function of its inputs and `now` (no clock is read here),
// so the desk, the weekly report and head office compute the same answer from the same journal.

export { addBusinessTime, businessMsBetween };

const MINUTE = 60_000;

/** Time spent waiting on the customer. `to: null` = still waiting. */
export interface SlaPause {
  from: number;
  to: number | null;
}

export const SLA_STATES = ['running', 'paused', 'warning', 'breached', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export interface SlaClockInput {
  /** when the complaint was logged */
  startedAt: number;
  calendar: BusinessCalendar;
  pauses: readonly SlaPause[];
  /** the target, in business milliseconds */
  targetMs: number;
  /** state becomes 'warning' when this little business time is left */
  warnBeforeMs: number;
  now: number;
  /**
   * when the target's event happened (first response sent, complaint resolved); null while it has
   * not. A stop after `now` has not happened yet as of `now`, and is ignored.
   */
  stoppedAt?: number | null;
}

export interface SlaClock {
  state: SlaState;
  /** business time counted so far, pauses excluded; never negative */
  elapsedMs: number;
  /** business time left before the target; 0 once reached, never negative */
  remainingMs: number;
  /** business time beyond the target; 0 while within it */
  overdueMs: number;
  /**
   * The wall-clock instant the target is (or was) reached in business time. For an open pause it
   * assumes the customer answers now; it assumes no further pauses.
   */
  dueAt: number;
}

function assertInstant(name: string, ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a time: ${ms}`);
}

function assertDuration(name: string, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${name} is not a duration: ${ms}`);
}

/**
 * The pauses as sorted, disjoint intervals inside `[startedAt, end]`. An open pause, or one that
 * had not ended by `end`, ends at `end`: nothing is known about the time after it.
 */
export function normalizePauses(pauses: readonly SlaPause[], startedAt: number, end: number): Interval[] {
  const clipped: Interval[] = [];
  for (const pause of pauses) {
    assertInstant('pause start', pause.from);
    if (pause.to !== null) {
      assertInstant('pause end', pause.to);
      if (pause.to < pause.from) throw new RangeError(`a pause ends before it starts: ${pause.from} > ${pause.to}`);
    }
    const start = Math.max(pause.from, startedAt);
    const stop = Math.min(pause.to ?? end, end);
    if (start < stop) clipped.push({ start, end: stop });
  }
  clipped.sort((a, b) => a.start - b.start);
  // Overlapping pauses (two devices both marked "waiting") must count the overlap once.
  const merged: Interval[] = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** `intervals` with the (sorted, disjoint) `holes` cut out. */
function* without(intervals: Iterable<Interval>, holes: readonly Interval[]): Generator<Interval> {
  let h = 0;
  for (const interval of intervals) {
    let start = interval.start;
    while (h < holes.length && holes[h]!.end <= start) h++;
    for (let i = h; i < holes.length && holes[i]!.start < interval.end; i++) {
      const hole = holes[i]!;
      if (hole.start > start) yield { start, end: hole.start };
      start = Math.max(start, hole.end);
    }
    if (start < interval.end) yield { start, end: interval.end };
  }
}

/** One SLA target (first response, or resolution) of one complaint, as of `now`. */
export function slaClock(input: SlaClockInput): SlaClock {
  const { startedAt, calendar, targetMs, warnBeforeMs, now } = input;
  assertInstant('startedAt', startedAt);
  assertInstant('now', now);
  assertDuration('targetMs', targetMs);
  assertDuration('warnBeforeMs', warnBeforeMs);
  const stoppedAt = input.stoppedAt ?? null;
  if (stoppedAt !== null) assertInstant('stoppedAt', stoppedAt);

  const stopped = stoppedAt !== null && stoppedAt <= now;
  const end = Math.max(startedAt, stopped ? stoppedAt : now);
  const pauses = normalizePauses(input.pauses, startedAt, end);
  const counted = () => without(businessIntervalsFrom(startedAt, calendar), pauses);

  const elapsedMs = measureUntil(counted(), end);
  const remainingMs = Math.max(0, targetMs - elapsedMs);
  const overdueMs = Math.max(0, elapsedMs - targetMs);
  const dueAt = advanceThrough(counted(), startedAt, targetMs);

  const pausedNow = !stopped && input.pauses.some((p) => p.from <= now && (p.to === null || p.to > now));
  // The deadline is inclusive: answering exactly at dueAt is on time.
  const state: SlaState = stopped
    ? elapsedMs <= targetMs
      ? 'met'
      : 'breached'
    : elapsedMs > targetMs
      ? 'breached'
      : pausedNow
        ? 'paused'
        : remainingMs <= warnBeforeMs
          ? 'warning'
          : 'running';
  return { state, elapsedMs, remainingMs, overdueMs, dueAt };
}

/** A category's targets, in business minutes, as head office sets them. */
export interface SlaTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  /** warn this many business minutes before either target (at most half of that target) */
  warnBeforeMinutes: number;
}

export interface ComplaintSlaInput {
  startedAt: number;
  calendar: BusinessCalendar;
  pauses: readonly SlaPause[];
  targets: SlaTargets;
  now: number;
  firstRespondedAt: number | null;
  resolvedAt: number | null;
}

/** Both clocks of a complaint. Waiting on the customer pauses both, as in Zammad's pending states. */
export function complaintSla(input: ComplaintSlaInput): { firstResponse: SlaClock; resolution: SlaClock } {
  const common = { startedAt: input.startedAt, calendar: input.calendar, pauses: input.pauses, now: input.now };
  // One warning lead for both targets would have a 15-minute first response warn from the start
  // when the lead is 30: a warning is only worth something if most complaints never see one.
  const warnBefore = (targetMinutes: number) => Math.min(input.targets.warnBeforeMinutes, targetMinutes / 2) * MINUTE;
  const firstResponseMs = input.targets.firstResponseMinutes * MINUTE;
  const resolutionMs = input.targets.resolutionMinutes * MINUTE;
  return {
    firstResponse: slaClock({ ...common, targetMs: firstResponseMs, warnBeforeMs: warnBefore(input.targets.firstResponseMinutes), stoppedAt: input.firstRespondedAt }),
    resolution: slaClock({ ...common, targetMs: resolutionMs, warnBeforeMs: warnBefore(input.targets.resolutionMinutes), stoppedAt: input.resolvedAt }),
  };
}
