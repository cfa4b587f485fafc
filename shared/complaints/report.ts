import { isoWeekKey, isoWeeksInYear, parseIsoWeek, type Zone } from '../domain/time';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATUSES, type ComplaintCategory, type ComplaintChannel, type ComplaintStatus } from './model';

// The weekly evaluation of seed 001 ("Segala jenis keluhan … dijadikan bahan evaluasi mingguan"):
// figures over the complaints *logged* in one ISO week of the branch's zone. One cohort for every
// figure, so the numbers of a week add up and do not change when next week's work is done on them,
// except for outcomes still pending, which are counted as pending, never as met.

/** How an SLA target ended; null while its clock still runs. */
export type SlaOutcome = 'met' | 'breached';

export interface ComplaintForReport {
  id: string;
  category: ComplaintCategory;
  channel: ComplaintChannel;
  /** the status when the report is made */
  status: ComplaintStatus;
  createdAt: number;
  firstResponseAt: number | null;
  /** the last resolution, if the complaint is resolved */
  resolvedAt: number | null;
  firstResponseSla: SlaOutcome | null;
  resolutionSla: SlaOutcome | null;
  /** how many times it was escalated (to the CS manager, to a department) */
  escalations: number;
  /** knowledge-base articles the CS used on it */
  articleIds: readonly string[];
}

export interface SlaCompliance {
  met: number;
  breached: number;
  pending: number;
  /** met / (met + breached) in percent, one decimal; null when nothing has ended yet */
  percent: number | null;
}

export interface WeeklyReport {
  week: string;
  zone: Zone;
  /** the week's instants, `[start, end)` */
  start: number;
  end: number;
  total: number;
  byCategory: Record<ComplaintCategory, number>;
  byChannel: Record<ComplaintChannel, number>;
  byStatus: Record<ComplaintStatus, number>;
  firstResponse: SlaCompliance;
  resolution: SlaCompliance;
  /** wall-clock time from logging to resolution, over the resolved ones: what the customer waited */
  resolutionTime: { resolved: number; medianMs: number | null; p90Ms: number | null };
  escalations: { complaints: number; total: number };
  /** most used first; ties by id, so the same data gives the same table */
  topArticles: Array<{ id: string; complaints: number }>;
}

/**
 * The median: the middle value, or for an even count the mean of the two middle values (rounded
 * to the millisecond). Null for no values.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p% of the values
 * at or below it, i.e. the ⌈p/100 · n⌉-th smallest. Always one of the values (no interpolation), so
 * "90% of complaints were resolved within X" holds literally. Null for no values.
 */
export function percentileNearestRank(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`not a percentile: ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

function compliance(outcomes: ReadonlyArray<SlaOutcome | null>): SlaCompliance {
  const met = outcomes.filter((o) => o === 'met').length;
  const breached = outcomes.filter((o) => o === 'breached').length;
  const decided = met + breached;
  return { met, breached, pending: outcomes.length - decided, percent: decided === 0 ? null : Math.round((met * 1000) / decided) / 10 };
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const value of values) counts[value]++;
  return counts;
}

export interface WeeklyReportOptions {
  week: string;
  zone: Zone;
  /** how many articles to list; default 5 */
  topArticles?: number;
}

/** The figures of one ISO week. Throws RangeError for text that is not a week (`2026-W47`). */
export function weeklyReport(complaints: readonly ComplaintForReport[], options: WeeklyReportOptions): WeeklyReport {
  const range = parseIsoWeek(options.week, options.zone);
  if (!range) throw new RangeError(`not an ISO week: ${options.week}`);
  const week = complaints.filter((c) => c.createdAt >= range.start && c.createdAt < range.end);

  const resolutionTimes = week.filter((c) => c.resolvedAt !== null).map((c) => c.resolvedAt! - c.createdAt);
  const articleUse = new Map<string, number>();
  for (const c of week) for (const id of new Set(c.articleIds)) articleUse.set(id, (articleUse.get(id) ?? 0) + 1);
  const topArticles = [...articleUse]
    .map(([id, uses]) => ({ id, complaints: uses }))
    .sort((a, b) => b.complaints - a.complaints || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, options.topArticles ?? 5);

  return {
    week: isoWeekKey(range.start, options.zone),
    zone: options.zone,
    start: range.start,
    end: range.end,
    total: week.length,
    byCategory: countBy(COMPLAINT_CATEGORIES, week.map((c) => c.category)),
    byChannel: countBy(COMPLAINT_CHANNELS, week.map((c) => c.channel)),
    byStatus: countBy(COMPLAINT_STATUSES, week.map((c) => c.status)),
    firstResponse: compliance(week.map((c) => c.firstResponseSla)),
    resolution: compliance(week.map((c) => c.resolutionSla)),
    resolutionTime: { resolved: resolutionTimes.length, medianMs: median(resolutionTimes), p90Ms: percentileNearestRank(resolutionTimes, 90) },
    escalations: { complaints: week.filter((c) => c.escalations > 0).length, total: week.reduce((sum, c) => sum + c.escalations, 0) },
    topArticles,
  };
}

// Weeks as calendar labels, apart from instants (shared/domain/time.ts turns them into instants).

export interface IsoWeek {
  year: number;
  week: number;
}

/** `2026-W47` (also `2026w47`) → {year, week}; null for text that is not a week of that year. */
export function parseIsoWeekLabel(text: string): IsoWeek | null {
  const m = /^(\d{4})-?W(\d{2})$/i.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  return week >= 1 && week <= isoWeeksInYear(year) ? { year, week } : null;
}

/** {year: 2027, week: 1} → `2027-W01`. Throws for a week the year does not have. */
export function formatIsoWeek({ year, week }: IsoWeek): string {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || !Number.isInteger(week) || week < 1 || week > isoWeeksInYear(year)) {
    throw new RangeError(`no such ISO week: ${year} week ${week}`);
  }
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The week `by` weeks later (earlier when negative): `shiftIsoWeek('2026-W53', 1)` = `2027-W01`. */
export function shiftIsoWeek(label: string, by: number): string {
  // weeks are the same calendar days in every zone, so any zone does
  const range = parseIsoWeek(label, 'WIB');
  if (!range || !Number.isInteger(by)) throw new RangeError(`not an ISO week: ${label}`);
  return isoWeekKey(range.start + by * 7 * 86_400_000, 'WIB');
}
