// Times are stored as UTC epoch milliseconds and shown in the branch's zone: WIB (UTC+7), WITA
// (UTC+8) or WIT (UTC+9). Indonesia has kept these fixed offsets, with no daylight saving, since
// 1964, so plain arithmetic is exact for every time this application records. We do not go through
// Intl time zones because their answer depends on the ICU and tz data each runtime ships (Node
// built with small-icu, an older Chromium), formatToParts is slow in loops over 100k statement rows,
// and the same arithmetic runs identically in the renderer, the core, head office and tests.
// Not for historic dates before 1964 (Jakarta was UTC+7:30 then); birth dates are calendar dates
// anyway, not instants.

export const ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type Zone = (typeof ZONES)[number];

export const ZONE_OFFSET_MINUTES: Readonly<Record<Zone, number>> = { WIB: 7 * 60, WITA: 8 * 60, WIT: 9 * 60 };

/** The tz database names, for systems that need one (PostgreSQL, logs); not used for arithmetic. */
export const ZONE_IANA: Readonly<Record<Zone, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

export type TimeLocale = 'id' | 'en';

/** Reads a zone from a setting or a flag: `wib`, `WITA`, or a tz name such as `Asia/Jayapura`. */
export function parseZone(text: string): Zone | null {
  const key = text.trim();
  const upper = key.toUpperCase();
  const byAbbreviation = ZONES.find((z) => z === upper);
  if (byAbbreviation) return byAbbreviation;
  return ZONES.find((z) => ZONE_IANA[z].toLowerCase() === key.toLowerCase()) ?? null;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface LocalParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** ISO weekday: 1 = Monday (Senin) … 7 = Sunday (Minggu) */
  weekday: number;
}

function assertInstant(ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${ms}`);
}

function offsetMs(zone: Zone): number {
  return ZONE_OFFSET_MINUTES[zone] * MINUTE;
}

/** floor-based, so times before 1970 land on the right day too */
function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** The wall-clock reading in `zone` at instant `ms`. */
export function toLocalParts(ms: number, zone: Zone): LocalParts {
  assertInstant(ms);
  const local = new Date(ms + offsetMs(zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    weekday: isoWeekday(Math.floor((ms + offsetMs(zone)) / DAY)),
  };
}

/**
 * The instant at a wall-clock reading in `zone`. Throws on an impossible reading (31 February,
 * hour 24): that is a bug in the caller, and user input should go through {@link parseLocalDate}.
 */
export function fromLocalParts(
  parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; millisecond?: number },
  zone: Zone,
): number {
  const { year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0 } = parts;
  if (!isCalendarDate(year, month, day) || !inRange(hour, 0, 23) || !inRange(minute, 0, 59) || !inRange(second, 0, 59) || !inRange(millisecond, 0, 999)) {
    throw new RangeError(`not a wall-clock time: ${JSON.stringify(parts)}`);
  }
  return daysFromCivil(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond - offsetMs(zone);
}

function inRange(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !inRange(month, 1, 12) || !Number.isInteger(day) || day < 1) return false;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCMonth() === month - 1;
}

// setUTCFullYear rather than Date.UTC, which maps years 0-99 to 1900-1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY);
}

function isoWeekday(localDays: number): number {
  return mod(localDays + 3, 7) + 1; // 1970-01-01 was a Thursday
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The calendar day in `zone` as `YYYY-MM-DD`: the key for per-day limits such as 5 OTPs per WIB day. */
export function localDayKey(ms: number, zone: Zone): string {
  const p = toLocalParts(ms, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The instant local midnight began, in `zone`, on the day containing `ms`. */
export function startOfLocalDay(ms: number, zone: Zone): number {
  assertInstant(ms);
  return ms - mod(ms + offsetMs(zone), DAY);
}

/**
 * Reads a date as staff and templates write it (`DD/MM/YYYY`, e.g. `Jatuh Tempo`, or `YYYY-MM-DD`)
 * and gives the start of that day in `zone`; null when it is not a real date.
 */
export function parseLocalDate(text: string, zone: Zone): number | null {
  const s = text.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [year, month, day] = dmy ? [dmy[3], dmy[2], dmy[1]].map(Number) : ymd ? [ymd[1], ymd[2], ymd[3]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined || !isCalendarDate(year, month, day)) return null;
  return fromLocalParts({ year, month, day }, zone);
}

const MONTHS: Record<TimeLocale, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export interface DateFormatOptions {
  /**
   * 'numeric' (default): `21/11/2026`, the same in both languages, since staff in Indonesia read
   * day-first whatever the UI language. 'long': `21 November 2026`, month named in the locale.
   */
  style?: 'numeric' | 'long';
}

export interface TimeFormatOptions {
  /** `10:02:33` instead of `10:02` */
  seconds?: boolean;
}

/** `21/11/2026`, or `21 Mei 2026` / `21 May 2026` in the long style. */
export function formatDate(ms: number, zone: Zone, locale: TimeLocale, options: DateFormatOptions = {}): string {
  const p = toLocalParts(ms, zone);
  if (options.style === 'long') return `${p.day} ${MONTHS[locale][p.month - 1]} ${p.year}`;
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/**
 * `10:02 WIB`. Always 24-hour with a colon, as Indonesian banking screens and receipts print it, and
 * always with the zone, since branches in different zones read the same records.
 */
export function formatTime(ms: number, zone: Zone, options: TimeFormatOptions = {}): string {
  const p = toLocalParts(ms, zone);
  const seconds = options.seconds ? `:${pad(p.second)}` : '';
  return `${pad(p.hour)}:${pad(p.minute)}${seconds} ${zone}`;
}

/** `21/11/2026 10:02 WIB` (numeric) or `21 November 2026 10:02 WIB` (long). */
export function formatDateTime(
  ms: number,
  zone: Zone,
  locale: TimeLocale,
  options: DateFormatOptions & TimeFormatOptions = {},
): string {
  return `${formatDate(ms, zone, locale, options)} ${formatTime(ms, zone, options)}`;
}

/** The ISO 8601 week in `zone` containing `ms`, as `2026-W47` (weeks start on Monday). */
export function isoWeekKey(ms: number, zone: Zone): string {
  assertInstant(ms);
  const { year, week } = isoWeekOfDay(Math.floor((ms + offsetMs(zone)) / DAY));
  return `${pad(year, 4)}-W${pad(week)}`;
}

// The ISO week belongs to the year that holds its Thursday.
function isoWeekOfDay(localDays: number): { year: number; week: number } {
  const thursday = localDays - isoWeekday(localDays) + 4;
  const year = new Date(thursday * DAY).getUTCFullYear();
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/** 52 or 53: the week of 28 December is always the last. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOfDay(daysFromCivil(year, 12, 28)).week;
}

/**
 * The instants of an ISO week (`2026-W47`, also `2026W47`, any case) in `zone`: `start` is Monday
 * 00:00 local, `end` the next Monday 00:00, exclusive, so `start <= t < end`. Null for text that is
 * not a week, or a week 53 in a year that has 52.
 */
export function parseIsoWeek(text: string, zone: Zone): { start: number; end: number } | null {
  const m = /^(\d{4})-?W(\d{2})$/i.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > isoWeeksInYear(year)) return null;
  const jan4 = daysFromCivil(year, 1, 4); // always in week 1
  const mondayOfWeek1 = jan4 - isoWeekday(jan4) + 1;
  const start = (mondayOfWeek1 + (week - 1) * 7) * DAY - offsetMs(zone);
  return { start, end: start + 7 * DAY };
}
