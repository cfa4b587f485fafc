import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE, COMPLAINTS_AROUND_2026_W47, EXPECTED_2026_W47_WIB } from '../../tests/fixtures/complaints/week-2026-w47';
import { parseIsoWeek } from '../domain/time';
import { formatIsoWeek, median, parseIsoWeekLabel, percentileNearestRank, shiftIsoWeek, weeklyReport, type ComplaintForReport } from './report';

const at = (iso: string) => Date.parse(iso);

describe('weekly report of 2026-W47', () => {
  it('gives the hand-counted figures for a WIB branch', () => {
    const report = weeklyReport(COMPLAINTS_AROUND_2026_W47, { week: '2026-W47', zone: 'WIB' });
    expect(report).toEqual({
      week: '2026-W47',
      zone: 'WIB',
      start: at('2026-11-15T17:00:00Z'),
      end: at('2026-11-22T17:00:00Z'),
      ...EXPECTED_2026_W47_WIB,
    });
  });

  it('reads the week on the branch clock: a WITA branch counts c13, not c12', () => {
    const report = weeklyReport(COMPLAINTS_AROUND_2026_W47, { week: '2026-W47', zone: 'WITA' });
    expect(report.total).toBe(12);
    expect(report.byCategory).toEqual({ penagihan: 4, 'pencairan-pinjaman': 3, 'konfirmasi-pembayaran': 3, 'metode-pembayaran': 2 });
    expect(report.escalations).toEqual({ complaints: 6, total: 10 });
  });

  it('lists only as many articles as asked, ties by id', () => {
    const report = weeklyReport(COMPLAINTS_AROUND_2026_W47, { week: '2026-W47', zone: 'WIB', topArticles: 2 });
    expect(report.topArticles.map((a) => a.id)).toEqual([ARTICLE.paidNotUpdated, ARTICLE.createVaFailed]);
    const tie = COMPLAINTS_AROUND_2026_W47.slice(0, 1).map((c) => ({ ...c, articleIds: ['zeta', 'alfa'] }));
    expect(weeklyReport(tie, { week: '2026-W47', zone: 'WIB' }).topArticles.map((a) => a.id)).toEqual(['alfa', 'zeta']);
  });

  it('gives zeros and nulls, not NaN, for an empty week', () => {
    const report = weeklyReport(COMPLAINTS_AROUND_2026_W47, { week: '2026-W10', zone: 'WIB' });
    expect(report.total).toBe(0);
    expect(report.firstResponse).toEqual({ met: 0, breached: 0, pending: 0, percent: null });
    expect(report.resolutionTime).toEqual({ resolved: 0, medianMs: null, p90Ms: null });
    expect(Object.values(report.byStatus).every((n) => n === 0)).toBe(true);
  });

  it.each(['2026-W54', '2025-W53', 'minggu ini', ''])('refuses %j', (week) => {
    expect(() => weeklyReport([], { week, zone: 'WIB' })).toThrow(RangeError);
  });

  it('counts every complaint of the week once in each table (property)', () => {
    const complaintArb = fc.record({
      createdAt: fc.integer({ min: at('2026-11-10T00:00:00Z'), max: at('2026-11-30T00:00:00Z') }),
      category: fc.constantFrom('penagihan' as const, 'metode-pembayaran' as const),
      escalations: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(complaintArb, { maxLength: 30 }), (rows) => {
        const complaints: ComplaintForReport[] = rows.map((r, i) => ({ ...COMPLAINTS_AROUND_2026_W47[0]!, ...r, id: `k${i}` }));
        const report = weeklyReport(complaints, { week: '2026-W47', zone: 'WIT' });
        const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
        expect(sum(report.byCategory)).toBe(report.total);
        expect(sum(report.byChannel)).toBe(report.total);
        expect(sum(report.byStatus)).toBe(report.total);
        expect(report.firstResponse.met + report.firstResponse.breached + report.firstResponse.pending).toBe(report.total);
        const range = parseIsoWeek('2026-W47', 'WIT')!;
        expect(report.total).toBe(complaints.filter((c) => c.createdAt >= range.start && c.createdAt < range.end).length);
      }),
    );
  });
});

describe('median and the nearest-rank percentile', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 3], // (2 + 3) / 2 = 2.5, rounded to the millisecond
    [[10, 20], 15],
    [[], null],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9], // ⌈9⌉ = 9th
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10], // ⌈9.9⌉ = 10th
    [[7], 90, 7],
    [[15, 20, 35, 40, 50], 30, 20], // the textbook example: ⌈1.5⌉ = 2nd
    [[15, 20, 35, 40, 50], 100, 50],
    [[], 90, null],
  ])('percentile of %j at %i is %s', (values, p, expected) => {
    expect(percentileNearestRank(values, p)).toBe(expected);
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentileNearestRank([1], 0)).toThrow(RangeError);
    expect(() => percentileNearestRank([1], 101)).toThrow(RangeError);
  });

  it('is always one of the values, with at least p% at or below it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
        const result = percentileNearestRank(values, p)!;
        expect(values).toContain(result);
        expect(values.filter((v) => v <= result).length).toBeGreaterThanOrEqual((p / 100) * values.length);
        expect(values.filter((v) => v < result).length).toBeLessThan((p / 100) * values.length);
      }),
    );
  });
});

describe('ISO week labels', () => {
  it.each([
    ['2026-W47', { year: 2026, week: 47 }],
    ['2026w53', { year: 2026, week: 53 }], // 2026 starts on a Thursday: 53 weeks
    ['2027-W01', { year: 2027, week: 1 }],
    ['2020-W53', { year: 2020, week: 53 }],
  ])('%s is %o', (text, week) => {
    expect(parseIsoWeekLabel(text)).toEqual(week);
  });

  it.each(['2025-W53', '2027-W53', '2026-W00', '2026-W7', '2026-47'])('%s is not a week', (text) => {
    expect(parseIsoWeekLabel(text)).toBeNull();
  });

  it('formats with the zero padding and refuses a week the year lacks', () => {
    expect(formatIsoWeek({ year: 2027, week: 1 })).toBe('2027-W01');
    expect(formatIsoWeek({ year: 2026, week: 53 })).toBe('2026-W53');
    expect(() => formatIsoWeek({ year: 2025, week: 53 })).toThrow(RangeError);
  });

  it('moves across year boundaries by the ISO rules', () => {
    expect(shiftIsoWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftIsoWeek('2027-W01', -1)).toBe('2026-W53');
    expect(shiftIsoWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftIsoWeek('2025-W52', 1)).toBe('2026-W01');
    // week 1 of 2026 holds 29 December 2025, the week of its first Thursday
    expect(parseIsoWeek('2026-W01', 'WIB')!.start).toBe(at('2025-12-28T17:00:00Z'));
  });

  it('round-trips every week of 2020–2030 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 53 }), (year, week) => {
        const label = `${year}-W${String(week).padStart(2, '0')}`;
        const parsed = parseIsoWeekLabel(label);
        if (parsed === null) {
          expect(week).toBe(53);
        } else {
          expect(formatIsoWeek(parsed)).toBe(label);
          expect(shiftIsoWeek(shiftIsoWeek(label, 1), -1)).toBe(label);
        }
      }),
    );
  });
});
