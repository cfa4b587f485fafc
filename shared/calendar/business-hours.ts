import { z } from 'zod';
import { localDayKey, ZONE_OFFSET_MINUTES, ZONES, type Zone } from '../domain/time';

// Business time: the instants a branch is open. SLA targets are counted in it (Zammad and osTicket
// do the same), so a complaint logged on Friday at 15:50 is not "late" on Monday morning.
// Arithmetic is on fixed zone offsets, as in shared/domain/time.ts (Indonesia has no DST).

const MINUTE = 60_000;
const DAY = 86_400_000;
export const MINUTES_PER_DAY = 24 * 60;

/** Opening hours within one local day, as minutes from local midnight: `[startMinute, endMinute)`. */
export interface WorkingPeriod {
  startMinute: number;
  endMinute: number;
}

/** ISO weekday: 1 = Senin (Monday) … 7 = Minggu (Sunday) */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export interface BusinessCalendar {
  /** the branch's zone: opening hours and holiday dates are read on its wall clock */
  zone: Zone;
  /** opening hours per ISO weekday, sorted and not overlapping; an empty list = closed that day */
  week: Readonly<Record<IsoWeekday, readonly WorkingPeriod[]>>;
  /** local dates (`YYYY-MM-DD`) the branch is closed all day; see holidayDateSet */
  holidays: ReadonlySet<string>;
}

/** `workingPeriod('08:00', '16:00')`; `'24:00'` is allowed as an end, for a branch open till midnight. */
export function workingPeriod(start: string, end: string): WorkingPeriod {
  const period = { startMinute: parseClock(start), endMinute: parseClock(end) };
  if (period.startMinute >= period.endMinute) throw new RangeError(`opening hours end before they start: ${start}–${end}`);
  return period;
}

function parseClock(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || !(minutes <= MINUTES_PER_DAY)) throw new RangeError(`not a clock time: ${text}`);
  return minutes;
}

export interface DefaultCalendarOptions {
  zone: Zone;
  holidays?: ReadonlySet<string>;
  /** Saturday opening hours; most branch offices are closed, some open a half day (08:00–12:00). */
  saturday?: WorkingPeriod | null;
}

/** Senin–Jumat 08:00–16:00 local time; Saturday off unless given; Sunday off. */
export function defaultBranchCalendar(options: DefaultCalendarOptions): BusinessCalendar {
  const weekday = [workingPeriod('08:00', '16:00')];
  return {
    zone: options.zone,
    week: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday, 6: options.saturday ? [options.saturday] : [], 7: [] },
    holidays: options.holidays ?? new Set(),
  };
}

const periodSchema = z
  .object({ startMinute: z.number().int().min(0).max(MINUTES_PER_DAY), endMinute: z.number().int().min(0).max(MINUTES_PER_DAY) })
  .refine((p) => p.startMinute < p.endMinute, 'validation.openingHours');

const dayPeriodsSchema = z
  .array(periodSchema)
  .max(4)
  .refine((periods) => periods.every((p, i) => i === 0 || periods[i - 1]!.endMinute <= p.startMinute), 'validation.openingHours');

/** The calendar as a setting head office can edit (holidays travel separately, as a holiday list). */
export const businessWeekSettingSchema = z.object({
  zone: z.enum(ZONES),
  week: z.object({ 1: dayPeriodsSchema, 2: dayPeriodsSchema, 3: dayPeriodsSchema, 4: dayPeriodsSchema, 5: dayPeriodsSchema, 6: dayPeriodsSchema, 7: dayPeriodsSchema }),
});

/** An instant interval `[start, end)`, epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

// Beyond this the calendar is as good as never open (every day a holiday, or no hours at all);
// stop instead of looping forever. Ten years covers any complaint.
const MAX_DAYS_SCANNED = 3660;

function assertInstant(ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${ms}`);
}

/**
 * The opening intervals of `calendar`, in order, from the one containing `from` (clipped to start
 * at `from`) onwards. Lazy and endless: consumers stop when they have what they need.
 */
export function* businessIntervalsFrom(from: number, calendar: BusinessCalendar): Generator<Interval> {
  assertInstant(from);
  if (ISO_WEEKDAYS.every((d) => calendar.week[d].length === 0)) throw new RangeError('the calendar has no opening hours');
  const offset = ZONE_OFFSET_MINUTES[calendar.zone] * MINUTE;
  const firstDay = Math.floor((from + offset) / DAY);
  let daysWithoutOpening = 0;
  for (let day = firstDay; ; day++) {
    const dayStart = day * DAY - offset;
    const periods = calendar.holidays.has(localDayKey(dayStart, calendar.zone)) ? [] : calendar.week[isoWeekdayOfLocalDay(day)];
    let opened = false;
    for (const period of periods) {
      const start = Math.max(from, dayStart + period.startMinute * MINUTE);
      const end = dayStart + period.endMinute * MINUTE;
      if (start < end) {
        opened = true;
        yield { start, end };
      }
    }
    daysWithoutOpening = opened ? 0 : daysWithoutOpening + 1;
    if (daysWithoutOpening > MAX_DAYS_SCANNED) throw new RangeError('the calendar is closed for more than ten years');
  }
}

function isoWeekdayOfLocalDay(localDays: number): IsoWeekday {
  return ((((localDays + 3) % 7) + 7) % 7 + 1) as IsoWeekday; // 1970-01-01 was a Thursday
}

/**
 * Sums the length of `intervals` (sorted, disjoint) that lies before `to`. Shared by the plain
 * business-time measure and the SLA clock, which feeds it opening hours minus pauses.
 */
export function measureUntil(intervals: Iterable<Interval>, to: number): number {
  let total = 0;
  for (const { start, end } of intervals) {
    if (start >= to) break;
    total += Math.min(end, to) - start;
  }
  return total;
}

/**
 * The instant at which `amount` ms of `intervals` (sorted, disjoint) have gone by. `amount` 0 gives
 * `origin`, so that "due now" is not pushed to the next opening.
 */
export function advanceThrough(intervals: Iterable<Interval>, origin: number, amount: number): number {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`not a duration: ${amount}`);
  if (amount === 0) return origin;
  let left = amount;
  for (const { start, end } of intervals) {
    if (end - start >= left) return start + left;
    left -= end - start;
  }
  throw new RangeError('business time ran out'); // unreachable for the endless calendar intervals
}

/** Business milliseconds in `[from, to)`; 0 when `to <= from`. */
export function businessMsBetween(from: number, to: number, calendar: BusinessCalendar): number {
  assertInstant(to);
  if (to <= from) return 0;
  return measureUntil(businessIntervalsFrom(from, calendar), to);
}

/**
 * The wall-clock instant when `ms` of business time have passed since `start`: the inverse of
 * {@link businessMsBetween}. A target reached exactly at closing time is due at closing time, not
 * at the next opening.
 */
export function addBusinessTime(start: number, ms: number, calendar: BusinessCalendar): number {
  return advanceThrough(businessIntervalsFrom(start, calendar), start, ms);
}

/** Whether the branch is open at `instant`. */
export function isBusinessTime(instant: number, calendar: BusinessCalendar): boolean {
  const next = businessIntervalsFrom(instant, calendar).next();
  return !next.done && next.value.start === instant;
}
