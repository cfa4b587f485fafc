import * as XLSX from 'xlsx';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATUSES } from '../../../shared/complaints/model';
import type { SlaCompliance, WeeklyReport } from '../../../shared/complaints/report';
import { formatDate, formatDateTime } from '../../../shared/domain/time';
import { categoryLabel, channelLabel, hours, statusLabel, t, type ReportLocale } from './labels';

// The weekly evaluation as a workbook for the CS manager and the branch heads: one sheet of
// figures and one per breakdown, numbers as numbers (so they can be summed and charted in Excel),
// durations in hours. A pure function of the report: the same week gives the same cells.

export interface WeeklyExportOptions {
  locale?: ReportLocale;
  /** the names of the top articles, where known (an article retired since keeps its id) */
  articles?: ReadonlyArray<{ id: string; question: string }>;
  /** when the export was made, printed on it */
  generatedAt?: number;
  /** the branch, printed on it */
  branch?: string | null;
}

type Cell = string | number | null;

/** Sheet names, in the export's language; Excel allows 31 characters. */
export const WEEKLY_SHEETS = {
  id: { summary: 'Ringkasan', category: 'Kategori', channel: 'Kanal', status: 'Status', articles: 'Artikel' },
  en: { summary: 'Summary', category: 'Category', channel: 'Channel', status: 'Status', articles: 'Articles' },
} as const;

/** The week's calendar days as the branch reads them: Monday to Sunday. */
export function weekPeriod(report: WeeklyReport, locale: ReportLocale): string {
  const lastDay = report.end - 1;
  return `${formatDate(report.start, report.zone, locale, { style: 'long' })} – ${formatDate(lastDay, report.zone, locale, { style: 'long' })}`;
}

const slaRow = (label: string, c: SlaCompliance): Cell[] => [label, c.met, c.breached, c.pending, c.percent];

function sheet(rows: Cell[][], widths: number[]): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!cols'] = widths.map((wch) => ({ wch }));
  return ws;
}

function summaryRows(report: WeeklyReport, options: WeeklyExportOptions, locale: ReportLocale): Cell[][] {
  const rows: Cell[][] = [[t(locale, 'weeklyTitle')]];
  if (options.branch) rows.push([locale === 'id' ? 'Cabang' : 'Branch', options.branch]);
  rows.push(
    [t(locale, 'week'), report.week],
    [t(locale, 'period'), weekPeriod(report, locale)],
    [t(locale, 'zone'), report.zone],
  );
  if (options.generatedAt !== undefined) rows.push([t(locale, 'made'), formatDateTime(options.generatedAt, report.zone, locale)]);
  rows.push(
    [],
    [t(locale, 'total'), report.total],
    [],
    [t(locale, 'sla'), t(locale, 'met'), t(locale, 'breached'), t(locale, 'pending'), t(locale, 'percent')],
    slaRow(t(locale, 'firstResponse'), report.firstResponse),
    slaRow(t(locale, 'resolution'), report.resolution),
    [],
    [t(locale, 'resolutionTime')],
    [t(locale, 'resolved'), report.resolutionTime.resolved],
    [t(locale, 'medianHours'), hours(report.resolutionTime.medianMs)],
    [t(locale, 'p90Hours'), hours(report.resolutionTime.p90Ms)],
    [],
    [t(locale, 'escalations')],
    [t(locale, 'escalatedComplaints'), report.escalations.complaints],
    [t(locale, 'escalationsTotal'), report.escalations.total],
  );
  return rows;
}

function breakdown<K extends string>(header: string, keys: readonly K[], counts: Record<K, number>, label: (k: K) => string, locale: ReportLocale): Cell[][] {
  return [[header, t(locale, 'count')], ...keys.map((k) => [label(k), counts[k]]), ['Total', keys.reduce((sum, k) => sum + counts[k], 0)]];
}

/** The workbook, as the bytes of an .xlsx file. */
export function weeklyReportXlsx(report: WeeklyReport, options: WeeklyExportOptions = {}): Buffer {
  const locale = options.locale ?? 'id';
  const names = WEEKLY_SHEETS[locale];
  const questions = new Map((options.articles ?? []).map((a) => [a.id, a.question]));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet(summaryRows(report, options, locale), [34, 16, 16, 16, 16]), names.summary);
  XLSX.utils.book_append_sheet(
    wb,
    sheet(breakdown(t(locale, 'category'), COMPLAINT_CATEGORIES, report.byCategory, (k) => categoryLabel(k, locale), locale), [28, 10]),
    names.category,
  );
  XLSX.utils.book_append_sheet(
    wb,
    sheet(breakdown(t(locale, 'channel'), COMPLAINT_CHANNELS, report.byChannel, (k) => channelLabel(k, locale), locale), [28, 10]),
    names.channel,
  );
  XLSX.utils.book_append_sheet(
    wb,
    sheet(breakdown(t(locale, 'status'), COMPLAINT_STATUSES, report.byStatus, (k) => statusLabel(k, locale), locale), [28, 10]),
    names.status,
  );
  const articleRows: Cell[][] = [
    [t(locale, 'articleId'), t(locale, 'article'), t(locale, 'complaintsUsing')],
    ...report.topArticles.map((a) => [a.id, questions.get(a.id) ?? null, a.complaints]),
  ];
  XLSX.utils.book_append_sheet(wb, sheet(articleRows, [44, 70, 16]), names.articles);
  wb.Props = { Title: `${t(locale, 'weeklyTitle')} ${report.week}`, Author: 'Serambi' };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
