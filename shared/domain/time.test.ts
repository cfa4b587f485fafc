import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ZONES,
  ZONE_IANA,
  ZONE_OFFSET_MINUTES,
  formatDate,
  formatDateTime,
  formatTime,
  fromLocalParts,
  isoWeekKey,
  isoWeeksInYear,
  localDayKey,
  parseIsoWeek,
  parseLocalDate,
  parseZone,
  startOfLocalDay,
  toLocalParts,
  type Zone,
} from './time';

const DAY = 86_400_000;
const utc = (iso: string): number => Date.parse(iso);
const zone = fc.constantFrom<Zone>(...ZONES);
// From 1970 to 2100: the span the fixed offsets must hold for.
const instant = fc.integer({ min: 0, max: utc('2100-01-01T00:00:00Z') });

describe('zones', () => {
  it('has the fixed offsets of Indonesia', () => {
    expect(ZONE_OFFSET_MINUTES).toEqual({ WIB: 420, WITA: 480, WIT: 540 });
  });

  it('agrees with the tz database for every instant (no DST, no offset change since 1970)', () => {
    const formats = Object.fromEntries(
      ZONES.map((z) => [
        z,
        new Intl.DateTimeFormat('en-CA', {
          timeZone: ZONE_IANA[z],
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      ]),
    ) as Record<Zone, Intl.DateTimeFormat>;
    fc.assert(
      fc.property(instant, zone, (ms, z) => {
        const fromIntl = Object.fromEntries(formats[z].formatToParts(ms).map((p) => [p.type, p.value]));
        const p = toLocalParts(ms, z);
        expect([p.year, p.month, p.day, p.hour, p.minute, p.second]).toEqual(
          ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(fromIntl[k])),
        );
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['WIB', 'WIB'],
    [' wita ', 'WITA'],
    ['wit', 'WIT'],
    ['Asia/Jakarta', 'WIB'],
    ['asia/makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
    ['UTC', null],
    ['Asia/Singapore', null],
    ['', null],
  ])('parseZone(%j) → %s', (text, expected) => {
    expect(parseZone(text)).toBe(expected);
  });
});

describe('toLocalParts / fromLocalParts', () => {
  it('reads the wall clock in each zone', () => {
    const ms = utc('2026-11-21T03:02:05.123Z'); // a Saturday
    expect(toLocalParts(ms, 'WIB')).toEqual({ year: 2026, month: 11, day: 21, hour: 10, minute: 2, second: 5, millisecond: 123, weekday: 6 });
    expect(toLocalParts(ms, 'WITA')).toMatchObject({ hour: 11 });
    expect(toLocalParts(ms, 'WIT')).toMatchObject({ hour: 12 });
    expect(toLocalParts(utc('2026-11-22T16:59:59Z'), 'WIB')).toMatchObject({ day: 22, weekday: 7 });
    expect(toLocalParts(utc('2026-11-22T17:00:00Z'), 'WIB')).toMatchObject({ day: 23, weekday: 1 });
  });

  it('works before 1970 too', () => {
    expect(toLocalParts(utc('1969-12-31T16:59:59Z'), 'WIB')).toMatchObject({ year: 1969, month: 12, day: 31, hour: 23, weekday: 3 });
  });

  it('round-trips', () => {
    fc.assert(fc.property(instant, zone, (ms, z) => {
      expect(fromLocalParts(toLocalParts(ms, z), z)).toBe(ms);
    }));
  });

  it.each([
    { year: 2026, month: 2, day: 29 },
    { year: 2026, month: 13, day: 1 },
    { year: 2026, month: 1, day: 0 },
    { year: 2026, month: 1, day: 1, hour: 24 },
    { year: 2026, month: 1, day: 1, minute: 60 },
    { year: 2026, month: 1, day: 1.5 },
  ])('refuses an impossible reading %j', (parts) => {
    expect(() => fromLocalParts(parts, 'WIB')).toThrow(RangeError);
  });

  it('refuses a non-finite instant', () => {
    expect(() => toLocalParts(Number.NaN, 'WIB')).toThrow(RangeError);
    expect(() => startOfLocalDay(Number.POSITIVE_INFINITY, 'WIB')).toThrow(RangeError);
    expect(() => isoWeekKey(Number.NaN, 'WIB')).toThrow(RangeError);
  });
});

describe('days around midnight', () => {
  it.each([
    ['2026-11-20T16:59:59.999Z', 'WIB', '2026-11-20'],
    ['2026-11-20T17:00:00.000Z', 'WIB', '2026-11-21'],
    ['2026-11-20T15:59:59.999Z', 'WITA', '2026-11-20'],
    ['2026-11-20T16:00:00.000Z', 'WITA', '2026-11-21'],
    ['2026-11-20T14:59:59.999Z', 'WIT', '2026-11-20'],
    ['2026-11-20T15:00:00.000Z', 'WIT', '2026-11-21'],
    ['2026-12-31T17:00:00.000Z', 'WIB', '2027-01-01'],
    ['2024-02-28T17:00:00.000Z', 'WIB', '2024-02-29'],
  ] as const)('%s in %s is %s', (iso, z, key) => {
    expect(localDayKey(utc(iso), z)).toBe(key);
  });

  it('starts the WIB day at 17:00 UTC the day before', () => {
    expect(startOfLocalDay(utc('2026-11-21T03:02:00Z'), 'WIB')).toBe(utc('2026-11-20T17:00:00Z'));
    expect(startOfLocalDay(utc('2026-11-20T17:00:00Z'), 'WIB')).toBe(utc('2026-11-20T17:00:00Z'));
    expect(startOfLocalDay(utc('2026-11-20T16:59:59.999Z'), 'WIB')).toBe(utc('2026-11-19T17:00:00Z'));
    expect(startOfLocalDay(utc('2026-11-21T03:02:00Z'), 'WIT')).toBe(utc('2026-11-20T15:00:00Z'));
    expect(startOfLocalDay(utc('1969-12-31T20:00:00Z'), 'WIB')).toBe(utc('1969-12-31T17:00:00Z'));
  });

  it('startOfLocalDay is local midnight of the same day, at most a day earlier', () => {
    fc.assert(fc.property(instant, zone, (ms, z) => {
      const start = startOfLocalDay(ms, z);
      expect(start).toBeLessThanOrEqual(ms);
      expect(ms - start).toBeLessThan(DAY);
      expect(localDayKey(start, z)).toBe(localDayKey(ms, z));
      expect(toLocalParts(start, z)).toMatchObject({ hour: 0, minute: 0, second: 0, millisecond: 0 });
    }));
  });
});

describe('parseLocalDate', () => {
  it.each([
    ['21/11/2026', 'WIB', '2026-11-20T17:00:00Z'],
    ['1/2/2026', 'WIB', '2026-01-31T17:00:00Z'],
    ['2026-11-21', 'WIB', '2026-11-20T17:00:00Z'],
    ['21/11/2026', 'WIT', '2026-11-20T15:00:00Z'],
    ['29/02/2024', 'WIB', '2024-02-28T17:00:00Z'],
  ] as const)('%s in %s starts at %s', (text, z, iso) => {
    expect(parseLocalDate(text, z)).toBe(utc(iso));
  });

  it.each(['29/02/2026', '31/04/2026', '00/01/2026', '01/13/2026', '2026-1-5', '21-11-2026', '21/11/26', '', 'besok'])(
    '%j is not a date',
    (text) => {
      expect(parseLocalDate(text, 'WIB')).toBeNull();
    },
  );
});

describe('formatting', () => {
  const ms = utc('2026-11-21T03:02:05Z');

  it.each([
    ['WIB', '21/11/2026 10:02 WIB'],
    ['WITA', '21/11/2026 11:02 WITA'],
    ['WIT', '21/11/2026 12:02 WIT'],
  ] as const)('formatDateTime in %s', (z, text) => {
    expect(formatDateTime(ms, z, 'id')).toBe(text);
    expect(formatDateTime(ms, z, 'en')).toBe(text);
  });

  it('shows the local date, not the UTC one, just after midnight', () => {
    expect(formatDateTime(utc('2026-11-20T17:00:00Z'), 'WIB', 'id')).toBe('21/11/2026 00:00 WIB');
    expect(formatDateTime(utc('2026-11-20T16:59:00Z'), 'WIB', 'id')).toBe('20/11/2026 23:59 WIB');
  });

  it('formats date and time apart, with seconds on request', () => {
    expect(formatDate(ms, 'WIB', 'id')).toBe('21/11/2026');
    expect(formatTime(ms, 'WIB')).toBe('10:02 WIB');
    expect(formatTime(ms, 'WITA', { seconds: true })).toBe('11:02:05 WITA');
    expect(formatDateTime(ms, 'WIB', 'id', { seconds: true })).toBe('21/11/2026 10:02:05 WIB');
    expect(formatTime(utc('2026-01-01T02:05:00Z'), 'WIB')).toBe('09:05 WIB');
  });

  it('names the month in the UI language in the long style', () => {
    const may = utc('2026-05-01T03:00:00Z');
    expect(formatDate(may, 'WIB', 'id', { style: 'long' })).toBe('1 Mei 2026');
    expect(formatDate(may, 'WIB', 'en', { style: 'long' })).toBe('1 May 2026');
    expect(formatDateTime(utc('2026-08-17T03:00:00Z'), 'WIB', 'id', { style: 'long' })).toBe('17 Agustus 2026 10:00 WIB');
    expect(formatDateTime(utc('2026-08-17T03:00:00Z'), 'WIB', 'en', { style: 'long' })).toBe('17 August 2026 10:00 WIB');
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-11-21T03:00:00Z', 'WIB', '2026-W47'],
    ['2026-11-16T00:00:00Z', 'WIB', '2026-W47'], // Monday
    ['2026-12-31T05:00:00Z', 'WIB', '2026-W53'], // Thursday: 2026 has 53 weeks
    ['2027-01-01T05:00:00Z', 'WIB', '2026-W53'], // Friday: still the last week of 2026
    ['2027-01-03T16:59:59Z', 'WIB', '2026-W53'], // Sunday 23:59:59 WIB
    ['2027-01-03T17:00:00Z', 'WIB', '2027-W01'], // Monday 00:00 WIB, still Sunday in UTC
    ['2025-12-29T05:00:00Z', 'WIB', '2026-W01'], // a December day in next year's week 1
    ['2021-01-03T05:00:00Z', 'WIB', '2020-W53'],
    ['2021-01-04T05:00:00Z', 'WIB', '2021-W01'],
    ['2026-11-22T16:30:00Z', 'WIB', '2026-W47'], // Sunday 23:30 WIB …
    ['2026-11-22T16:30:00Z', 'WIT', '2026-W48'], // … but Monday 01:30 WIT
  ] as const)('%s in %s is %s', (iso, z, key) => {
    expect(isoWeekKey(utc(iso), z)).toBe(key);
  });

  it.each([
    [2020, 53],
    [2021, 52],
    [2026, 53],
    [2027, 52],
    [2015, 53],
  ])('%d has %d weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  it('parses a week to its Monday-to-Monday span in the zone', () => {
    expect(parseIsoWeek('2026-W47', 'WIB')).toEqual({ start: utc('2026-11-15T17:00:00Z'), end: utc('2026-11-22T17:00:00Z') });
    expect(parseIsoWeek('2026-W47', 'WIT')).toEqual({ start: utc('2026-11-15T15:00:00Z'), end: utc('2026-11-22T15:00:00Z') });
    expect(parseIsoWeek('2020-W53', 'WIB')).toEqual({ start: utc('2020-12-27T17:00:00Z'), end: utc('2021-01-03T17:00:00Z') });
    expect(parseIsoWeek('2026-W01', 'WIB')).toEqual({ start: utc('2025-12-28T17:00:00Z'), end: utc('2026-01-04T17:00:00Z') });
    expect(parseIsoWeek(' 2026w47 ', 'WIB')).toEqual(parseIsoWeek('2026-W47', 'WIB'));
  });

  it.each(['2021-W53', '2026-W00', '2026-W54', '2026-W7', '26-W47', '2026-47', 'minggu lalu', ''])('%j is not a week', (text) => {
    expect(parseIsoWeek(text, 'WIB')).toBeNull();
  });

  it('every instant lies in the week its key names, and that week starts on a local Monday', () => {
    fc.assert(fc.property(instant, zone, (ms, z) => {
      const key = isoWeekKey(ms, z);
      const week = parseIsoWeek(key, z);
      expect(week).not.toBeNull();
      if (!week) return;
      expect(week.start).toBeLessThanOrEqual(ms);
      expect(ms).toBeLessThan(week.end);
      expect(week.end - week.start).toBe(7 * DAY);
      expect(toLocalParts(week.start, z)).toMatchObject({ weekday: 1, hour: 0, minute: 0, second: 0, millisecond: 0 });
      expect(isoWeekKey(week.end - 1, z)).toBe(key);
      expect(isoWeekKey(week.end, z)).not.toBe(key);
    }));
  });
});
