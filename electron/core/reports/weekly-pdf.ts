import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATUSES } from '../../../shared/complaints/model';
import type { SlaCompliance, WeeklyReport } from '../../../shared/complaints/report';
import { formatDateTime } from '../../../shared/domain/time';
import { barChart, heading, keyValues, renderPdf, table, title } from '../../../shared/pdf/pdf';
import { categoryLabel, channelLabel, formatDuration, statusLabel, t, type ReportLocale } from './labels';
import { weekPeriod, type WeeklyExportOptions } from './weekly-xlsx';

// The weekly evaluation as a PDF to print or send on: the same figures as the workbook and the
// screen, with bar charts for the breakdowns. A pure function of the report and its options.

const percentText = (c: SlaCompliance) => (c.percent === null ? '–' : `${c.percent.toLocaleString('id-ID')}%`);

export async function weeklyReportPdf(report: WeeklyReport, options: WeeklyExportOptions = {}): Promise<Buffer> {
  const locale: ReportLocale = options.locale ?? 'id';
  const questions = new Map((options.articles ?? []).map((a) => [a.id, a.question]));
  const docTitle = `${t(locale, 'weeklyTitle')} ${report.week}`;
  return renderPdf(
    { title: docTitle, createdAt: options.generatedAt ?? report.end, pageWord: t(locale, 'page'), ofWord: locale === 'id' ? 'dari' : 'of' },
    (doc) => {
      title(doc, docTitle, [options.branch, weekPeriod(report, locale), report.zone].filter(Boolean).join(' · '));
      keyValues(doc, [
        [t(locale, 'total'), String(report.total)],
        ...(options.generatedAt !== undefined ? [[t(locale, 'made'), formatDateTime(options.generatedAt, report.zone, locale)] as const] : []),
      ]);

      heading(doc, t(locale, 'sla'));
      table(
        doc,
        [
          { header: t(locale, 'target'), width: 3 },
          { header: t(locale, 'met'), width: 2, align: 'right' },
          { header: t(locale, 'breached'), width: 2, align: 'right' },
          { header: t(locale, 'pending'), width: 2, align: 'right' },
          { header: t(locale, 'percent'), width: 2, align: 'right' },
        ],
        (['firstResponse', 'resolution'] as const).map((key) => {
          const c = report[key];
          return [t(locale, key), c.met, c.breached, c.pending, percentText(c)];
        }),
      );

      heading(doc, `${t(locale, 'resolutionTime')} · ${t(locale, 'escalations')}`);
      keyValues(doc, [
        [t(locale, 'resolved'), String(report.resolutionTime.resolved)],
        [locale === 'id' ? 'Median' : 'Median', formatDuration(report.resolutionTime.medianMs, locale)],
        [locale === 'id' ? 'Persentil ke-90' : '90th percentile', formatDuration(report.resolutionTime.p90Ms, locale)],
        [t(locale, 'escalatedComplaints'), String(report.escalations.complaints)],
        [t(locale, 'escalationsTotal'), String(report.escalations.total)],
      ]);

      heading(doc, t(locale, 'category'));
      barChart(doc, COMPLAINT_CATEGORIES.map((k) => ({ label: categoryLabel(k, locale), value: report.byCategory[k] })));
      heading(doc, t(locale, 'channel'));
      barChart(doc, COMPLAINT_CHANNELS.map((k) => ({ label: channelLabel(k, locale), value: report.byChannel[k] })));
      heading(doc, t(locale, 'status'));
      barChart(doc, COMPLAINT_STATUSES.map((k) => ({ label: statusLabel(k, locale), value: report.byStatus[k] })));

      heading(doc, t(locale, 'topArticles'));
      if (report.topArticles.length === 0) keyValues(doc, [[t(locale, 'article'), t(locale, 'none')]]);
      else
        table(
          doc,
          [
            { header: t(locale, 'article'), width: 8 },
            { header: t(locale, 'complaintsUsing'), width: 2, align: 'right' },
          ],
          report.topArticles.map((a) => [questions.get(a.id) ?? a.id, a.complaints]),
        );
    },
  );
}
