import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayFromDateCell, dayFromExcelSerial, dayNumber, daysBetween, formatDayId, isIsoDay, isoDayFromNumber } from './days';

describe('ISO days', () => {
  it.each([
    ['2026-07-10', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-06-31', false],
    ['2026-7-10', false],
    ['10/07/2026', false],
    ['', false],
  ])('%s is a day: %s', (text, expected) => {
    expect(isIsoDay(text)).toBe(expected);
  });

  it('adds and counts days across months and years', () => {
    expect(addDays('2026-07-30', 3)).toBe('2026-08-02');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });

  it('throws on a malformed day rather than computing from it', () => {
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => daysBetween('x', '2026-01-01')).toThrow(RangeError);
  });

  it('formats day first for messages', () => {
    expect(formatDayId('2026-07-05')).toBe('05/07/2026');
  });

  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 2_000_000 }), (n) => {
        expect(dayNumber(isoDayFromNumber(n))).toBe(n);
      }),
    );
  });
});

describe('Excel serials', () => {
  it.each<[number, boolean, string | null]>([
    [25569, false, '1970-01-01'],
    [46000, false, '2025-12-09'],
    [46000.75, false, '2025-12-09'],
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, null],
    [61, false, '1900-03-01'],
    [2958465, false, '9999-12-31'],
    [20260710, false, null],
    [0, false, null],
    [-5, false, null],
    [Number.NaN, false, null],
    [44538, true, '2025-12-09'],
  ])('serial %d (1904: %s) → %s', (serial, date1904, day) => {
    expect(dayFromExcelSerial(serial, date1904)).toBe(day);
  });
});

describe('Date cells', () => {
  it('reads a UTC-midnight Date (SheetJS with UTC: true) by its UTC day', () => {
    expect(dayFromDateCell(new Date(Date.UTC(2026, 6, 10)))).toBe('2026-07-10');
  });

  it('reads a local-midnight Date (SheetJS default) by its local day, whatever the machine zone', () => {
    expect(dayFromDateCell(new Date(2026, 6, 10))).toBe('2026-07-10');
  });

  it('refuses an invalid Date', () => {
    expect(dayFromDateCell(new Date(Number.NaN))).toBeNull();
  });
});
