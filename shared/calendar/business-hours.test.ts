import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessIntervalsFrom,
  businessMsBetween,
  businessWeekSettingSchema,
  defaultBranchCalendar,
  isBusinessTime,
  workingPeriod,
  type BusinessCalendar,
} from './business-hours';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('workingPeriod', () => {
  it('reads HH:MM, with 24:00 as an end', () => {
    expect(workingPeriod('08:00', '16:00')).toEqual({ startMinute: 480, endMinute: 960 });
    expect(workingPeriod('20:00', '24:00')).toEqual({ startMinute: 1200, endMinute: 1440 });
  });

  it.each([
    ['16:00', '08:00'],
    ['08:00', '08:00'],
    ['8:00', '16:00'],
    ['08:60', '16:00'],
    ['08:00', '24:30'],
  ])('refuses %s–%s', (start, end) => {
    expect(() => workingPeriod(start, end)).toThrow(RangeError);
  });
});

describe('defaultBranchCalendar', () => {
  const wib = defaultBranchCalendar({ zone: 'WIB' });

  it('is open Monday to Friday 08:00–16:00 local time', () => {
    expect(isBusinessTime(at('2026-11-16T01:00:00Z'), wib)).toBe(true); // Mon 08:00 WIB
    expect(isBusinessTime(at('2026-11-16T00:59:59Z'), wib)).toBe(false); // Mon 07:59:59
    expect(isBusinessTime(at('2026-11-16T09:00:00Z'), wib)).toBe(false); // Mon 16:00, closed
    expect(isBusinessTime(at('2026-11-20T08:59:59Z'), wib)).toBe(true); // Fri 15:59:59
    expect(isBusinessTime(at('2026-11-21T03:00:00Z'), wib)).toBe(false); // Sat 10:00
    expect(isBusinessTime(at('2026-11-22T03:00:00Z'), wib)).toBe(false); // Sun 10:00
  });

  it('opens on Saturday only when the branch says so', () => {
    const saturday = defaultBranchCalendar({ zone: 'WIB', saturday: workingPeriod('08:00', '12:00') });
    expect(isBusinessTime(at('2026-11-21T03:00:00Z'), saturday)).toBe(true); // Sat 10:00
    expect(isBusinessTime(at('2026-11-21T05:00:00Z'), saturday)).toBe(false); // Sat 12:00
  });

  it('reads the hours on the branch clock: 08:00 WIT is 06:00 WIB', () => {
    const wit = defaultBranchCalendar({ zone: 'WIT' });
    expect(isBusinessTime(at('2026-11-15T23:00:00Z'), wit)).toBe(true); // Mon 08:00 WIT
    expect(isBusinessTime(at('2026-11-15T23:00:00Z'), wib)).toBe(false); // Mon 06:00 WIB
  });

  it('fits the setting schema head office edits', () => {
    expect(businessWeekSettingSchema.safeParse({ zone: wib.zone, week: wib.week }).success).toBe(true);
    const overlapping = { ...wib.week, 1: [workingPeriod('08:00', '12:00'), workingPeriod('11:00', '16:00')] };
    expect(businessWeekSettingSchema.safeParse({ zone: 'WIB', week: overlapping }).success).toBe(false);
  });
});

describe('business time', () => {
  const lunchBreak: BusinessCalendar = {
    ...defaultBranchCalendar({ zone: 'WIB' }),
    week: { 1: [workingPeriod('08:00', '12:00'), workingPeriod('13:00', '16:00')], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] },
  };

  it('skips a lunch break inside the day', () => {
    // Monday 11:00 to 14:00 WIB is 2 business hours
    expect(businessMsBetween(at('2026-11-16T04:00:00Z'), at('2026-11-16T07:00:00Z'), lunchBreak)).toBe(2 * HOUR);
    expect(addBusinessTime(at('2026-11-16T04:00:00Z'), 2 * HOUR, lunchBreak)).toBe(at('2026-11-16T07:00:00Z'));
  });

  it('is due at closing time, not at the next opening, when the target ends exactly there', () => {
    const wib = defaultBranchCalendar({ zone: 'WIB' });
    expect(addBusinessTime(at('2026-11-16T01:00:00Z'), 8 * HOUR, wib)).toBe(at('2026-11-16T09:00:00Z'));
  });

  it('gives 0 for an empty or backward range and the start for no duration', () => {
    const wib = defaultBranchCalendar({ zone: 'WIB' });
    expect(businessMsBetween(at('2026-11-16T05:00:00Z'), at('2026-11-16T04:00:00Z'), wib)).toBe(0);
    expect(addBusinessTime(at('2026-11-21T05:00:00Z'), 0, wib)).toBe(at('2026-11-21T05:00:00Z'));
    expect(() => addBusinessTime(at('2026-11-21T05:00:00Z'), -1, wib)).toThrow(RangeError);
  });

  it('refuses a calendar that never opens instead of looping forever', () => {
    const closed: BusinessCalendar = { zone: 'WIB', week: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] }, holidays: new Set() };
    expect(() => addBusinessTime(0, HOUR, closed)).toThrow(RangeError);
    expect(() => businessIntervalsFrom(Number.NaN, defaultBranchCalendar({ zone: 'WIB' })).next()).toThrow(RangeError);
  });
});
