import { PLAYBOOKS } from '../../../shared/complaints/playbooks';
import type { ComplaintCategory } from '../../../shared/complaints/model';
import type { SlaClock } from '../../../shared/complaints/sla';
import { formatDateTime, type Zone } from '../../../shared/domain/time';
import { heading, keyValues, paragraph, renderPdf, table, title } from '../../../shared/pdf/pdf';
import {
  categoryLabel,
  channelLabel,
  EVENT_LABELS,
  formatDuration,
  identityLabel,
  labelOf,
  RESOLVER_LABELS,
  SLA_STATE_LABELS,
  statusLabel,
  t,
  type ReportLocale,
} from './labels';

// One complaint on paper (seed 001: "Customer service harus membuat laporan terhadap setiap
// permasalahan"): who, what, the SLA, the SOP steps ticked, the timeline and the resolution report.
// It reads the fields of the desk's ComplaintView it prints, so any view of a complaint will do.

export interface ComplaintForPdf {
  id: string;
  number: string;
  category: string;
  channel: string;
  status: string;
  description: string;
  createdAt: number;
  createdBy: string | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  sla: { firstResponse: SlaClock; resolution: SlaClock };
  customer: { name: string; phone: string | null; nik: string | null };
  verifiedBy: string;
  stepsDone: readonly string[];
  department: string | null;
  timeline: ReadonlyArray<{ at: number; type: string; by: string | null; note: string | null; department: string | null }>;
  articles: ReadonlyArray<{ id: string; question: string }>;
  attachments: ReadonlyArray<{ fileName: string; mimeType: string; size: number; at: number }>;
  report: Record<string, unknown> | null;
}

export interface ComplaintPdfOptions {
  zone: Zone;
  locale?: ReportLocale;
  generatedAt: number;
  branch?: string | null;
}

const yesNo = (value: unknown, locale: ReportLocale) => (value === true ? t(locale, 'yes') : value === false ? t(locale, 'no') : '–');

function slaLine(clock: SlaClock, zone: Zone, locale: ReportLocale): string {
  const state = labelOf(SLA_STATE_LABELS, clock.state, locale);
  const late = clock.overdueMs > 0 ? ` (+${formatDuration(clock.overdueMs, locale)})` : '';
  return `${state}${late} · ${t(locale, 'dueAt')} ${formatDateTime(clock.dueAt, zone, locale)}`;
}

function reportPairs(report: Record<string, unknown>, locale: ReportLocale): Array<readonly [string, string]> {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const pairs: Array<readonly [string, string]> = [
    [t(locale, 'problem'), text(report.problem)],
    [t(locale, 'cause'), text(report.cause)],
    [t(locale, 'actionsTaken'), Array.isArray(report.actionsTaken) ? report.actionsTaken.map((a, i) => `${i + 1}. ${String(a)}`).join('\n') : ''],
    [t(locale, 'resolvedBy'), labelOf(RESOLVER_LABELS, text(report.resolvedBy), locale) + (report.department ? ` (${text(report.department)})` : '')],
    [t(locale, 'customerInformed'), yesNo(report.customerInformed, locale)],
  ];
  if (typeof report.disbursementResult === 'string') {
    const results: Record<string, string> = locale === 'id' ? { berhasil: 'Berhasil', 'gagal-dicairkan-ulang': 'Gagal, dicairkan ulang' } : { berhasil: 'Succeeded', 'gagal-dicairkan-ulang': 'Failed, disbursed again' };
    pairs.push([t(locale, 'disbursementResult'), results[report.disbursementResult] ?? report.disbursementResult]);
  }
  if ('paymentReceived' in report) pairs.push([t(locale, 'paymentReceived'), yesNo(report.paymentReceived, locale)]);
  if ('paymentCodeGivenByCs' in report) pairs.push([t(locale, 'paymentCodeGivenByCs'), yesNo(report.paymentCodeGivenByCs, locale)]);
  return pairs;
}

/** The complaint's report, as the bytes of a PDF file. */
export async function complaintPdf(c: ComplaintForPdf, options: ComplaintPdfOptions): Promise<Buffer> {
  const locale = options.locale ?? 'id';
  const { zone } = options;
  const when = (ms: number | null) => (ms === null ? '–' : formatDateTime(ms, zone, locale));
  const docTitle = `${t(locale, 'complaintTitle')} ${c.number}`;
  return renderPdf({ title: docTitle, createdAt: options.generatedAt, pageWord: t(locale, 'page'), ofWord: locale === 'id' ? 'dari' : 'of' }, (doc) => {
    title(doc, docTitle, [options.branch, `${t(locale, 'made')} ${when(options.generatedAt)}`].filter(Boolean).join(' · '));
    keyValues(doc, [
      [t(locale, 'number'), c.number],
      [t(locale, 'category'), categoryLabel(c.category, locale)],
      [t(locale, 'channel'), channelLabel(c.channel, locale)],
      [t(locale, 'status'), statusLabel(c.status, locale)],
      [t(locale, 'loggedAt'), when(c.createdAt)],
      [t(locale, 'loggedBy'), c.createdBy ?? '–'],
      [t(locale, 'firstResponseAt'), when(c.firstResponseAt)],
      [t(locale, 'resolvedAt'), when(c.resolvedAt)],
      ...(c.department ? [[t(locale, 'department'), c.department] as const] : []),
    ]);

    heading(doc, t(locale, 'customer'));
    keyValues(doc, [
      [t(locale, 'name'), c.customer.name],
      [t(locale, 'phone'), c.customer.phone ?? '–'],
      [t(locale, 'nik'), c.customer.nik ?? '–'],
      [t(locale, 'verifiedBy'), identityLabel(c.verifiedBy, locale)],
    ]);

    heading(doc, t(locale, 'description'));
    paragraph(doc, c.description);

    heading(doc, 'SLA');
    keyValues(doc, [
      [t(locale, 'firstResponse'), slaLine(c.sla.firstResponse, zone, locale)],
      [t(locale, 'resolution'), slaLine(c.sla.resolution, zone, locale)],
    ]);

    const playbook = PLAYBOOKS[c.category as ComplaintCategory];
    if (playbook) {
      heading(doc, t(locale, 'steps'));
      const done = new Set(c.stepsDone);
      table(
        doc,
        [
          { header: '', width: 1 },
          { header: locale === 'id' ? 'Langkah' : 'Step', width: 14 },
        ],
        playbook.steps.map((s) => [done.has(s.id) ? 'X' : '', locale === 'id' ? s.idText : s.enText]),
      );
    }

    heading(doc, t(locale, 'timeline'));
    table(
      doc,
      [
        { header: locale === 'id' ? 'Waktu' : 'Time', width: 3 },
        { header: locale === 'id' ? 'Kejadian' : 'Event', width: 3 },
        { header: locale === 'id' ? 'Oleh' : 'By', width: 2 },
        { header: locale === 'id' ? 'Catatan' : 'Note', width: 6 },
      ],
      c.timeline.map((e) => [when(e.at), labelOf(EVENT_LABELS, e.type, locale), e.by, [e.department, e.note].filter(Boolean).join(': ') || null]),
    );

    if (c.articles.length > 0) {
      heading(doc, t(locale, 'articlesUsed'));
      for (const a of c.articles) paragraph(doc, `• ${a.question}`);
    }
    if (c.attachments.length > 0) {
      heading(doc, t(locale, 'attachments'));
      table(
        doc,
        [
          { header: locale === 'id' ? 'Berkas' : 'File', width: 6 },
          { header: locale === 'id' ? 'Jenis' : 'Type', width: 3 },
          { header: 'KB', width: 1, align: 'right' },
          { header: locale === 'id' ? 'Waktu' : 'Time', width: 3 },
        ],
        c.attachments.map((a) => [a.fileName, a.mimeType, Math.ceil(a.size / 1024), when(a.at)]),
      );
    }

    heading(doc, t(locale, 'report'));
    if (c.report) keyValues(doc, reportPairs(c.report, locale));
    else paragraph(doc, t(locale, 'noneYet'));
  });
}

/** `KL-JKT01-000042.pdf`: the file name of a complaint's report. */
export const complaintPdfFileName = (number: string) => `${number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;
