import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessIntervalsFrom, defaultBranchCalendar, type BusinessCalendar, type WorkingPeriod } from '../calendar/business-hours';
import { HOLIDAYS_2026, holidayDateSet } from '../calendar/holidays';
import { ZONES, localDayKey } from '../domain/time';
import { addBusinessTime, businessMsBetween, complaintSla, slaClock, type SlaClockInput, type SlaPause } from './sla';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const wib = defaultBranchCalendar({ zone: 'WIB', holidays: holidayDateSet(HOLIDAYS_2026) });
const base = { calendar: wib, pauses: [] as SlaPause[], warnBeforeMs: 60 * MIN };

describe('SLA clock: examples', () => {
  it('skips the Nyepi and Idulfitri 2026 holidays, cuti bersama included, and the weekend between', () => {
    // Tue 17 March 15:00 WIB; 8 business hours. Open Tue 15–16, then closed 18–24 March
    // (cuti bersama, Nyepi, cuti bersama, Idulfitri on the weekend, cuti bersama ×2).
    const startedAt = at('2026-03-17T08:00:00Z');
    const clock = slaClock({ ...base, startedAt, targetMs: 8 * HOUR, now: at('2026-03-24T03:00:00Z') });
    expect(clock).toEqual({ state: 'running', elapsedMs: HOUR, remainingMs: 7 * HOUR, overdueMs: 0, dueAt: at('2026-03-25T08:00:00Z') });
  });

  it('counts cuti bersama as a working day for a branch that opens on it', () => {
    const openOnCutiBersama = defaultBranchCalendar({ zone: 'WIB', holidays: holidayDateSet(HOLIDAYS_2026, { kinds: ['nasional'] }) });
    const due = addBusinessTime(at('2026-03-17T08:00:00Z'), 8 * HOUR, openOnCutiBersama);
    expect(due).toBe(at('2026-03-18T08:00:00Z')); // Wed 18 March 15:00 WIB
  });

  it('carries a Friday-afternoon complaint over the weekend', () => {
    // Fri 20 Nov 2026 15:30 WIB, first response within 60 business minutes
    const clock = slaClock({ ...base, startedAt: at('2026-11-20T08:30:00Z'), targetMs: 60 * MIN, now: at('2026-11-22T03:00:00Z') });
    expect(clock.elapsedMs).toBe(30 * MIN);
    expect(clock.dueAt).toBe(at('2026-11-23T01:30:00Z')); // Mon 08:30 WIB
    expect(clock.state).toBe('warning');
  });

  it('reads a WITA branch on its own clock', () => {
    const wita = defaultBranchCalendar({ zone: 'WITA', holidays: holidayDateSet(HOLIDAYS_2026) });
    // logged Mon 16 Nov 07:30 WITA, before opening; now 09:00 WITA = 08:00 WIB
    const input = { ...base, startedAt: at('2026-11-15T23:30:00Z'), targetMs: 4 * HOUR, now: at('2026-11-16T01:00:00Z') };
    expect(slaClock({ ...input, calendar: wita }).elapsedMs).toBe(HOUR);
    expect(slaClock({ ...input, calendar: wita }).dueAt).toBe(at('2026-11-16T04:00:00Z')); // 12:00 WITA
    expect(slaClock({ ...input, calendar: wib }).elapsedMs).toBe(0);
  });

  describe('a pause over the night while the customer looks for the transfer proof', () => {
    // Mon 16 Nov 10:00 WIB logged; waiting from Mon 15:00 to Tue 10:00 WIB; 8 business hours
    const startedAt = at('2026-11-16T03:00:00Z');
    const pauseFrom = at('2026-11-16T08:00:00Z');
    const pauseTo = at('2026-11-17T03:00:00Z');

    it('stops the clock while waiting and says so', () => {
      const clock = slaClock({ ...base, startedAt, targetMs: 8 * HOUR, pauses: [{ from: pauseFrom, to: null }], now: at('2026-11-17T02:00:00Z') });
      expect(clock.state).toBe('paused');
      expect(clock.elapsedMs).toBe(5 * HOUR);
      expect(clock.dueAt).toBe(at('2026-11-17T05:00:00Z')); // if the customer answers now (09:00): 12:00
    });

    it('counts only the time not paused once resumed', () => {
      const clock = slaClock({ ...base, startedAt, targetMs: 8 * HOUR, pauses: [{ from: pauseFrom, to: pauseTo }], now: at('2026-11-17T05:00:00Z') });
      expect(clock).toEqual({ state: 'warning', elapsedMs: 7 * HOUR, remainingMs: HOUR, overdueMs: 0, dueAt: at('2026-11-17T06:00:00Z') });
    });

    it('counts overlapping pauses once', () => {
      const pauses = [
        { from: pauseFrom, to: pauseTo },
        { from: pauseFrom + HOUR, to: pauseTo - HOUR },
        { from: pauseTo - HOUR, to: pauseTo },
      ];
      expect(slaClock({ ...base, startedAt, targetMs: 8 * HOUR, pauses, now: at('2026-11-17T05:00:00Z') }).elapsedMs).toBe(7 * HOUR);
    });
  });

  it('reports a breach with how much it is overdue and when it was due', () => {
    const clock = slaClock({ ...base, startedAt: at('2026-11-16T01:00:00Z'), targetMs: 2 * HOUR, now: at('2026-11-16T06:30:00Z') });
    expect(clock).toEqual({ state: 'breached', elapsedMs: 5.5 * HOUR, remainingMs: 0, overdueMs: 3.5 * HOUR, dueAt: at('2026-11-16T03:00:00Z') });
  });

  it('says paused rather than warning while waiting close to the target', () => {
    const pauses = [{ from: at('2026-11-16T04:30:00Z'), to: null }];
    const clock = slaClock({ ...base, pauses, startedAt: at('2026-11-16T01:00:00Z'), targetMs: 4 * HOUR, now: at('2026-11-16T06:00:00Z') });
    expect(clock).toMatchObject({ state: 'paused', remainingMs: 30 * MIN });
  });

  it('stays breached while paused after the breach', () => {
    const pauses = [{ from: at('2026-11-16T06:00:00Z'), to: null }];
    expect(slaClock({ ...base, pauses, startedAt: at('2026-11-16T01:00:00Z'), targetMs: 2 * HOUR, now: at('2026-11-16T08:00:00Z') }).state).toBe('breached');
  });

  it('is met when stopped at or before the due time, breached when after, and frozen once stopped', () => {
    const input = { ...base, startedAt: at('2026-11-16T01:00:00Z'), targetMs: 2 * HOUR, now: at('2026-11-18T01:00:00Z') };
    expect(slaClock({ ...input, stoppedAt: at('2026-11-16T03:00:00Z') })).toMatchObject({ state: 'met', elapsedMs: 2 * HOUR, remainingMs: 0 });
    expect(slaClock({ ...input, stoppedAt: at('2026-11-16T02:00:00Z') })).toMatchObject({ state: 'met', elapsedMs: HOUR, remainingMs: HOUR });
    expect(slaClock({ ...input, stoppedAt: at('2026-11-16T03:00:00.001Z') })).toMatchObject({ state: 'breached', overdueMs: 1 });
  });

  it('ignores a stop that lies after now (a clock ahead on another desk)', () => {
    const input = { ...base, startedAt: at('2026-11-16T01:00:00Z'), targetMs: 4 * HOUR, now: at('2026-11-16T02:00:00Z') };
    expect(slaClock({ ...input, stoppedAt: at('2026-11-16T04:00:00Z') })).toEqual(slaClock(input));
  });

  it('warns when the warning threshold is reached, not before', () => {
    const input = { ...base, startedAt: at('2026-11-16T01:00:00Z'), targetMs: 4 * HOUR };
    expect(slaClock({ ...input, now: at('2026-11-16T03:59:59Z') }).state).toBe('running');
    expect(slaClock({ ...input, now: at('2026-11-16T04:00:00Z') }).state).toBe('warning');
    expect(slaClock({ ...input, now: at('2026-11-16T05:00:00Z') }).state).toBe('warning'); // due exactly now
  });

  it('refuses a pause that ends before it starts, and times that are not times', () => {
    const input: SlaClockInput = { ...base, startedAt: at('2026-11-16T01:00:00Z'), targetMs: HOUR, now: at('2026-11-16T05:00:00Z') };
    expect(() => slaClock({ ...input, pauses: [{ from: input.now, to: input.now - 1 }] })).toThrow(RangeError);
    expect(() => slaClock({ ...input, now: Number.NaN })).toThrow(RangeError);
    expect(() => slaClock({ ...input, targetMs: -1 })).toThrow(RangeError);
  });

  it('runs both clocks of a complaint from business minutes', () => {
    const sla = complaintSla({
      startedAt: at('2026-11-16T01:00:00Z'),
      calendar: wib,
      pauses: [],
      targets: { firstResponseMinutes: 15, resolutionMinutes: 480, warnBeforeMinutes: 10 },
      now: at('2026-11-16T02:00:00Z'),
      firstRespondedAt: at('2026-11-16T01:10:00Z'),
      resolvedAt: null,
    });
    expect(sla.firstResponse).toMatchObject({ state: 'met', elapsedMs: 10 * MIN });
    expect(sla.resolution).toMatchObject({ state: 'running', elapsedMs: HOUR, dueAt: at('2026-11-16T09:00:00Z') });
  });

  it('warns no earlier than halfway through a target, so a new complaint does not start in warning', () => {
    const sla = (minutesIn: number) =>
      complaintSla({
        startedAt: at('2026-11-16T01:00:00Z'),
        calendar: wib,
        pauses: [],
        targets: { firstResponseMinutes: 15, resolutionMinutes: 480, warnBeforeMinutes: 30 },
        now: at('2026-11-16T01:00:00Z') + minutesIn * MIN,
        firstRespondedAt: null,
        resolvedAt: null,
      });
    expect(sla(0).firstResponse.state).toBe('running');
    expect(sla(7).firstResponse.state).toBe('running');
    expect(sla(8).firstResponse.state).toBe('warning');
    // The resolution target is long enough for the whole 30-minute lead.
    expect(sla(449).resolution.state).toBe('running');
    expect(sla(450).resolution.state).toBe('warning');
  });
});

// Calendars of any shape: any zone, 0–2 opening periods per weekday (a lunch break), holidays.
const periodsArb: fc.Arbitrary<WorkingPeriod[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 })
  .map((points) => [...points].sort((a, b) => a - b).map((p) => p * 15))
  .map((m) => (m.length >= 2 ? [{ startMinute: m[0]!, endMinute: m[1]! }, ...(m.length === 4 ? [{ startMinute: m[2]!, endMinute: m[3]! }] : [])] : []));

const RANGE_START = at('2026-01-01T00:00:00Z');
const RANGE_DAYS = 60;
const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    week: fc.tuple(periodsArb, periodsArb, periodsArb, periodsArb, periodsArb, periodsArb, periodsArb),
    holidayDays: fc.uniqueArray(fc.integer({ min: 0, max: RANGE_DAYS }), { maxLength: 10 }),
  })
  .filter(({ week }) => week.some((day) => day.length > 0))
  .map(({ zone, week, holidayDays }) => ({
    zone,
    week: { 1: week[0], 2: week[1], 3: week[2], 4: week[3], 5: week[4], 6: week[5], 7: week[6] },
    holidays: new Set(holidayDays.map((d) => localDayKey(RANGE_START + d * DAY, zone))),
  }));
// minute-aligned instants hit opening and closing times exactly now and then
const instantArb = fc.integer({ min: 0, max: RANGE_DAYS * 24 * 60 }).map((m) => RANGE_START + m * MIN);
const durationArb = fc.integer({ min: 0, max: 10 * 24 * 60 }).map((m) => m * MIN);

const clockAt = (calendar: BusinessCalendar, startedAt: number, now: number, pauses: SlaPause[] = []) =>
  slaClock({ calendar, startedAt, now, pauses, targetMs: 8 * HOUR, warnBeforeMs: HOUR });

describe('SLA clock: properties', () => {
  it('never counts negative time, nor more than the wall clock, and remaining/overdue add up', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, fc.array(fc.tuple(instantArb, durationArb)), (calendar, startedAt, now, rawPauses) => {
        const pauses = rawPauses.map(([from, length]) => ({ from, to: length === 0 ? null : from + length }));
        const clock = clockAt(calendar, startedAt, now, pauses);
        expect(clock.elapsedMs).toBeGreaterThanOrEqual(0);
        expect(clock.elapsedMs).toBeLessThanOrEqual(Math.max(0, now - startedAt));
        expect(clock.remainingMs).toBeGreaterThanOrEqual(0);
        expect(clock.elapsedMs + clock.remainingMs - clock.overdueMs).toBe(8 * HOUR);
        expect(Math.min(clock.remainingMs, clock.overdueMs)).toBe(0);
      }),
    );
  });

  it('is monotone in now', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, fc.array(fc.tuple(instantArb, durationArb)), (calendar, startedAt, a, b, rawPauses) => {
        const pauses = rawPauses.map(([from, length]) => ({ from, to: from + length }));
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(clockAt(calendar, startedAt, earlier, pauses).elapsedMs).toBeLessThanOrEqual(clockAt(calendar, startedAt, later, pauses).elapsedMs);
      }),
    );
  });

  it('gives the same elapsed time after a 1-hour or a 3-day pause, for the same time not paused', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, durationArb, durationArb, (calendar, startedAt, beforePause, afterResume) => {
        const pausedAt = startedAt + beforePause;
        const elapsedAfter = (pauseLength: number) => {
          const resumedAt = pausedAt + pauseLength;
          const now = addBusinessTime(resumedAt, afterResume, calendar);
          return clockAt(calendar, startedAt, now, [{ from: pausedAt, to: resumedAt }]).elapsedMs;
        };
        const notPaused = businessMsBetween(startedAt, pausedAt, calendar) + afterResume;
        expect(elapsedAfter(HOUR)).toBe(notPaused);
        expect(elapsedAfter(3 * DAY)).toBe(notPaused);
      }),
    );
  });

  it('equals business time outside the pause', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, durationArb, (calendar, startedAt, now, from, length) => {
        const to = from + length;
        const paused = businessMsBetween(Math.max(from, startedAt), Math.min(to, now), calendar);
        expect(clockAt(calendar, startedAt, now, [{ from, to }]).elapsedMs).toBe(businessMsBetween(startedAt, now, calendar) - paused);
      }),
    );
  });

  it('equals wall time inside one opening period without pauses', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (calendar, t, x, y) => {
        const period = businessIntervalsFrom(t, calendar).next();
        if (period.done) throw new Error('endless generator ended');
        const { start, end } = period.value;
        const [a, b] = [start + Math.floor((end - start) * Math.min(x, y)), start + Math.floor((end - start) * Math.max(x, y))];
        expect(clockAt(calendar, a, b).elapsedMs).toBe(b - a);
      }),
    );
  });

  it('has addBusinessTime and elapsed as inverses, and dueAt where elapsed reaches the target', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, durationArb, instantArb, (calendar, start, ms, t) => {
        const due = addBusinessTime(start, ms, calendar);
        expect(businessMsBetween(start, due, calendar)).toBe(ms);
        expect(clockAt(calendar, start, due).elapsedMs).toBe(ms);
        // the other way round: the earliest instant with the same business time, never after t
        const measured = businessMsBetween(start, t, calendar);
        const back = addBusinessTime(start, measured, calendar);
        expect(back).toBeLessThanOrEqual(Math.max(start, t));
        expect(businessMsBetween(start, back, calendar)).toBe(measured);
        const clock = slaClock({ calendar, startedAt: start, now: t, pauses: [], targetMs: ms, warnBeforeMs: 0 });
        expect(clock.dueAt).toBe(due);
      }),
    );
  });
});
