import { describe, expect, it } from 'vitest';
import { readDate, readPeriod, yearFromPeriod } from './dates';

const noYear = () => null;

describe('readDate', () => {
  it.each([
    ['21/11/2026', '2026-11-21'],
    ['21-11-2026', '2026-11-21'],
    ['21.11.2026', '2026-11-21'],
    ['21/11/26', '2026-11-21'],
    ['2026-11-21', '2026-11-21'],
    ['5/1/2027', '2027-01-05'],
    ['21 Nov 2026', '2026-11-21'],
    ['21-Nov-2026', '2026-11-21'],
    ['17 Agu 2026', '2026-08-17'],
    ['17 Agustus 2026', '2026-08-17'],
    ['25 Desember 2026', '2026-12-25'],
    ['3 Mei 2026', '2026-05-03'],
    ['3 Okt 2026', '2026-10-03'],
    ["'21/11/2026", '2026-11-21'],
    ['  21/11/2026  ', '2026-11-21'],
  ])('reads %s as %s', (text, date) => {
    expect(readDate(text, noYear)).toEqual({ date, time: null });
  });

  it.each([
    ['20/11/2026 08:15:22', '2026-11-20', '08:15'],
    ['20/11/2026 8.05', '2026-11-20', '08:05'],
    ['2026-11-20T23:59', '2026-11-20', '23:59'],
    ['20 Nov 2026 10:02', '2026-11-20', '10:02'],
  ])('keeps the time of %s', (text, date, time) => {
    expect(readDate(text, noYear)).toEqual({ date, time });
  });

  it('drops a time that is not one, keeping the day', () => {
    expect(readDate('20/11/2026 25:10', noYear)).toEqual({ date: '2026-11-20', time: null });
  });

  it.each(['31/11/2026', '30/02/2026', '29/02/2027', '00/11/2026', '12/13/2026', '2026-11-31', '21 Foo 2026', 'PEND', '', '21112026', 'Saldo Awal'])(
    'refuses %j rather than guessing',
    (text) => {
      expect(readDate(text, noYear)).toBeNull();
    },
  );

  it('knows leap years', () => {
    expect(readDate('29/02/2028', noYear)?.date).toBe('2028-02-29');
    expect(readDate('29/02/2000', noYear)?.date).toBe('2000-02-29');
    expect(readDate('29/02/2100', noYear)).toBeNull();
  });

  it('reads month-first and year-first orders when told', () => {
    expect(readDate('11/21/2026', noYear, 'mdy')?.date).toBe('2026-11-21');
    expect(readDate('01/02/2026', noYear, 'mdy')?.date).toBe('2026-01-02');
    expect(readDate('01/02/2026', noYear, 'dmy')?.date).toBe('2026-02-01');
    expect(readDate('21/11/2026', noYear, 'mdy')).toBeNull();
    expect(readDate('2026/11/21', noYear, 'ymd')?.date).toBe('2026-11-21');
    // a month name is a month whatever the order
    expect(readDate('21-Nov-2026', noYear, 'mdy')?.date).toBe('2026-11-21');
  });

  it('takes the year of a DD/MM date from the statement, and refuses when there is none', () => {
    const asked: number[] = [];
    const yearFor = (month: number) => {
      asked.push(month);
      return 2026;
    };
    expect(readDate('28/12', yearFor)).toEqual({ date: '2026-12-28', time: null });
    expect(asked).toEqual([12]);
    expect(readDate('28/12', noYear)).toBeNull();
    expect(readDate('29/02', () => 2027)).toBeNull();
    expect(readDate('29/02', () => 2028)?.date).toBe('2028-02-29');
  });
});

describe('readPeriod', () => {
  it.each([
    ['Periode : 26/12/2026 - 04/01/2027', { from: '2026-12-26', to: '2027-01-04' }],
    ['Periode 01/11/2026 s/d 30/11/2026', { from: '2026-11-01', to: '2026-11-30' }],
    ['Period: 2026-11-01 to 2026-11-30', { from: '2026-11-01', to: '2026-11-30' }],
    ['Tanggal 01-11-2026 sampai 15-11-2026', { from: '2026-11-01', to: '2026-11-15' }],
    ['Periode 01/11/26 hingga 30/11/26', { from: '2026-11-01', to: '2026-11-30' }],
  ])('reads %s', (text, period) => {
    expect(readPeriod(text)).toEqual(period);
  });

  it('is null when the text names no period or an impossible day', () => {
    expect(readPeriod('Kode Mata Uang : Rp')).toBeNull();
    expect(readPeriod('Periode : 01/11/2026')).toBeNull();
    expect(readPeriod('Periode : 31/11/2026 - 05/12/2026')).toBeNull();
  });
});

describe('yearFromPeriod', () => {
  it('gives the period year for a period inside one year', () => {
    const yearFor = yearFromPeriod({ from: '2026-11-01', to: '2026-11-30' }, 2030);
    expect(yearFor(11)).toBe(2026);
    expect(yearFor(1)).toBe(2026);
  });

  it('over New Year: December is the year before, January the year of the end', () => {
    const yearFor = yearFromPeriod({ from: '2026-12-26', to: '2027-01-04' }, undefined);
    expect(yearFor(12)).toBe(2026);
    expect(yearFor(1)).toBe(2027);
    expect(readDate('31/12', yearFor)?.date).toBe('2026-12-31');
    expect(readDate('02/01', yearFor)?.date).toBe('2027-01-02');
  });

  it('over New Year on a longer period: every month after the end month is the year before', () => {
    const yearFor = yearFromPeriod({ from: '2026-10-15', to: '2027-02-14' }, undefined);
    expect([10, 11, 12, 1, 2].map(yearFor)).toEqual([2026, 2026, 2026, 2027, 2027]);
  });

  it('without a period, uses the fallback year, or none', () => {
    expect(yearFromPeriod(null, 2026)(12)).toBe(2026);
    expect(yearFromPeriod(null, undefined)(12)).toBeNull();
  });
});
