// Invoice due dates are calendar days (`YYYY-MM-DD`) in the branch's zone, not instants: a bill due
// on 10 July is due for all of 10 July WIB. Day arithmetic runs on day numbers (days since
// 1970-01-01) through UTC Date math, which never sees a zone, so it is exact on every runtime.

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dayNumberOf(year: number, month: number, day: number): number | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // not Date.UTC, which maps years 0-99 to 1900-1999
  if (d.getUTCMonth() !== month - 1) return null; // 31 June rolled over into July
  return Math.round(d.getTime() / DAY_MS);
}

/** Days since 1970-01-01 of an ISO day, or null when the text is not a real `YYYY-MM-DD` date. */
export function dayNumber(isoDay: string): number | null {
  const m = ISO_DAY.exec(isoDay);
  return m ? dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function isIsoDay(text: string): boolean {
  return dayNumber(text) !== null;
}

export function isoDayFromNumber(days: number): string {
  const d = new Date(days * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function requireDay(isoDay: string): number {
  const n = dayNumber(isoDay);
  if (n === null) throw new RangeError(`not an ISO day (YYYY-MM-DD): ${isoDay}`);
  return n;
}

/** `addDays('2026-07-30', 3)` → `2026-08-02`. Throws on a malformed day: that is a caller's bug. */
export function addDays(isoDay: string, days: number): string {
  return isoDayFromNumber(requireDay(isoDay) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return requireDay(to) - requireDay(from);
}

/** `2026-07-10` → `10/07/2026`, the way staff read dates in messages. */
export function formatDayId(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

// Excel's 1900 date system counts 1900-01-01 as serial 1 and keeps Lotus 1-2-3's fictitious
// 29 February 1900 as serial 60, so serials from 61 on are one day ahead of a plain count.
const SERIAL_1970_IN_1900_SYSTEM = 25_569;
// Excel for Mac's 1904 date system counts 1904-01-01 as serial 0.
const SERIAL_1970_IN_1904_SYSTEM = 24_107;
/** 9999-12-31, the last day Excel can hold */
const MAX_SERIAL_1900 = 2_958_465;

/**
 * The day of an Excel date serial (a date cell read without `cellDates`). The time of day, the
 * fraction, is dropped. Null for serials Excel cannot hold, such as a `20260710` typed as a number,
 * and for the fictitious 29 February 1900.
 */
export function dayFromExcelSerial(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL_1900) return null;
  const whole = Math.floor(serial);
  if (!date1904 && whole === 60) return null;
  const days = date1904 ? whole - SERIAL_1970_IN_1904_SYSTEM : whole - SERIAL_1970_IN_1900_SYSTEM + (whole < 60 ? 1 : 0);
  const day = isoDayFromNumber(days);
  return isIsoDay(day) ? day : null;
}

/**
 * The day of a Date that SheetJS made from a date cell. SheetJS builds it at local midnight of the
 * machine reading the file, or at UTC midnight when read with `UTC: true`; a date-only cell is thus
 * read right either way: a UTC-midnight Date by its UTC day, any other by its local day.
 */
export function dayFromDateCell(date: Date): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const utcMidnight = ((ms % DAY_MS) + DAY_MS) % DAY_MS === 0;
  const [y, m, d] = utcMidnight
    ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
    : [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  const n = dayNumberOf(y, m, d);
  return n === null ? null : isoDayFromNumber(n);
}
