import { formatDateTime as formatZoned, parseLocalDate, ZONES, type TimeLocale, type Zone } from '../../shared/domain/time';

export type TimeZone = Zone;
export const TIME_ZONES: readonly TimeZone[] = ZONES;

/** `21/11/2026 10:02 WIB`: the branch's wall clock, the way the counter writes it. */
export function formatDateTime(ms: number, zone: TimeZone, locale: TimeLocale = 'id'): string {
  return formatZoned(ms, zone, locale);
}

/** The first millisecond of a `YYYY-MM-DD` day in the zone. */
export function startOfDay(date: string, zone: TimeZone): number {
  const start = parseLocalDate(date, zone);
  if (start === null) throw new RangeError(`not a date: ${date}`);
  return start;
}

/** The last millisecond of a `YYYY-MM-DD` day in the zone (filters include both ends). */
export function endOfDay(date: string, zone: TimeZone): number {
  return startOfDay(date, zone) + 86_400_000 - 1;
}
