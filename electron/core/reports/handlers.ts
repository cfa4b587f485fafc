import { ApiError } from '../../../shared/api/errors';
import type { ExportedFile } from '../../../shared/api/methods/complaints';
import type { Zone } from '../../../shared/domain/time';
import { findUserById } from '../auth/queries';
import { complaintViewOf } from '../complaints/queries';
import { weeklyReportFor } from '../complaints/report-query';
import type { CallContext, HandlerMap } from '../dispatch/types';
import { getBranch } from '../settings/queries';
import { complaintPdf, complaintPdfFileName } from './complaint-pdf';
import type { ReportLocale } from './labels';
import { weeklyReportPdf } from './weekly-pdf';
import { weeklyReportXlsx } from './weekly-xlsx';

// The complaints desk's files: the weekly evaluation as a workbook or a PDF, and one complaint's
// report as a PDF. They read the same figures and view as the screens, made before the call's
// transaction (a PDF is written asynchronously) and handed back as base64.

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The branch and the caller's language, which the files are written in. */
function context(ctx: CallContext): { branch: string | null; zone: Zone; locale: ReportLocale } {
  const branch = getBranch(ctx.core.db);
  const user = ctx.actor ? findUserById(ctx.core.db, ctx.actor.userId) : null;
  return { branch: branch?.code ?? null, zone: branch?.timeZone ?? 'WIB', locale: user?.locale === 'en' ? 'en' : 'id' };
}

const file = (fileName: string, mimeType: string, bytes: Buffer): ExportedFile => ({ fileName, mimeType, dataBase64: bytes.toString('base64') });

export const reportHandlers: HandlerMap<'complaints.exportWeekly' | 'complaints.exportReport'> = {
  'complaints.exportWeekly': {
    async prepare(input, ctx): Promise<ExportedFile> {
      const { branch, zone, locale } = context(ctx);
      const now = ctx.core.clock();
      const report = weeklyReportFor(ctx.core.db, input.week, zone, now);
      const options = { locale, branch, generatedAt: now, articles: report.articles };
      const name = `evaluasi-keluhan-${branch ?? 'cabang'}-${report.week}.${input.format}`;
      return input.format === 'xlsx'
        ? file(name, MIME.xlsx, weeklyReportXlsx(report, options))
        : file(name, MIME.pdf, await weeklyReportPdf(report, options));
    },
    run: (_tx, _input, prepared: ExportedFile) => prepared,
  },
  'complaints.exportReport': {
    async prepare(input, ctx): Promise<ExportedFile> {
      const { branch, zone, locale } = context(ctx);
      const now = ctx.core.clock();
      const view = complaintViewOf(ctx.core.db, input.id, now);
      if (!view) throw new ApiError('not_found', 'errors.notFound');
      return file(complaintPdfFileName(view.number), MIME.pdf, await complaintPdf(view, { zone, locale, branch, generatedAt: now }));
    },
    run: (_tx, _input, prepared: ExportedFile) => prepared,
  },
};
