import { describe, expect, it } from 'vitest';
import { toLocalParts, fromLocalParts } from '../domain/time';
import { HOLIDAYS_2026, holidayDateSet, holidayListSchema, isLocalDateKey, type Holiday } from './holidays';

const weekdayOf = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return toLocalParts(fromLocalParts({ year, month, day }, 'WIB'), 'WIB').weekday;
};

describe('the 2026 holidays of the SKB 3 Menteri', () => {
  it('has 17 libur nasional and 8 hari cuti bersama, as announced', () => {
    expect(HOLIDAYS_2026.filter((h) => h.kind === 'nasional')).toHaveLength(17);
    expect(HOLIDAYS_2026.filter((h) => h.kind === 'cuti-bersama')).toHaveLength(8);
  });

  it('lists each date once, in order, all in 2026, and passes the schema head office edits with', () => {
    const dates = HOLIDAYS_2026.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d.startsWith('2026-') && isLocalDateKey(d))).toBe(true);
    expect(holidayListSchema.safeParse(HOLIDAYS_2026).success).toBe(true);
  });

  // The weekdays the decree prints next to each date: a wrong date shows up as a wrong weekday.
  it.each([
    ['2026-01-01', 4], // Kamis
    ['2026-02-16', 1], // Senin, cuti bersama Imlek
    ['2026-03-20', 5], // Jumat, cuti bersama Idulfitri
    ['2026-03-21', 6], // Sabtu, Idulfitri
    ['2026-03-24', 2], // Selasa, cuti bersama Idulfitri
    ['2026-05-31', 7], // Minggu, Waisak
    ['2026-08-17', 1], // Senin, Proklamasi
    ['2026-12-24', 4], // Kamis, cuti bersama Natal
    ['2026-12-25', 5], // Jumat, Natal
  ])('%s falls on ISO weekday %i', (date, weekday) => {
    expect(HOLIDAYS_2026.some((h) => h.date === date)).toBe(true);
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe('holidayDateSet', () => {
  it('closes the branch on both kinds by default, or on libur nasional only when asked', () => {
    expect(holidayDateSet(HOLIDAYS_2026).has('2026-03-23')).toBe(true);
    const nationalOnly = holidayDateSet(HOLIDAYS_2026, { kinds: ['nasional'] });
    expect(nationalOnly.has('2026-03-23')).toBe(false);
    expect(nationalOnly.has('2026-03-21')).toBe(true);
    expect(nationalOnly.size).toBe(17);
  });

  it.each(['2026-02-30', '2026-2-3', '03/03/2026', ''])('refuses %j rather than count it as a working day', (date) => {
    const list: Holiday[] = [{ date, name: 'Salah ketik', kind: 'nasional' }];
    expect(() => holidayDateSet(list)).toThrow(RangeError);
    expect(holidayListSchema.safeParse(list).success).toBe(false);
  });

  it('refuses a holiday without a name or of an unknown kind', () => {
    expect(holidayListSchema.safeParse([{ date: '2026-01-01', name: ' ', kind: 'nasional' }]).success).toBe(false);
    expect(holidayListSchema.safeParse([{ date: '2026-01-01', name: 'Tahun Baru', kind: 'daerah' }]).success).toBe(false);
  });
});
