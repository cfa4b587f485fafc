import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { ExportedFile } from '../../../shared/api/methods/complaints';
import type { MethodName } from '../../../shared/api/index';
import { INVOICE_CHUNK } from '../../../shared/events/invoices';
import { localDayKey, type Zone } from '../../../shared/domain/time';
import { findUserById } from '../auth/queries';
import type { CallContext, HandlerMap, Tx } from '../dispatch/types';
import { prepared, type Db } from '../ledger/sql';
import { MIME } from '../reports/handlers';
import { getBranch } from '../settings/queries';
import { batchById, dashboard, invoiceById, messageById, messagesOf } from './queries';
import { invoiceReport, type ReportQuery } from './report';
import { invoiceReportPdf, invoiceReportXlsx, reportFileName } from './report-files';

// Notices, the dashboard and the reports of the invoice desk. Head office sends every message (it
// holds the mail, WhatsApp and SMS accounts); the desk asks for them with invoices.sendRequested,
// which waits in the outbox while the line is down, and learns what went out by sync.

function zoneOf(db: Db): Zone {
  return getBranch(db)?.timeZone ?? 'WIB';
}

const todayOf = (db: Db, now: number) => localDayKey(now, zoneOf(db));

/** Emits the request in chunks of INVOICE_CHUNK invoices; returns how many were asked for. */
function request(tx: Tx, batchId: string, invoiceIds: string[], channels: string[]): number {
  for (let c = 0; c * INVOICE_CHUNK < invoiceIds.length; c += 1) {
    tx.emit('invoices.sendRequested', {
      requestId: randomUUID(),
      batchId,
      invoiceIds: invoiceIds.slice(c * INVOICE_CHUNK, (c + 1) * INVOICE_CHUNK),
      channels: channels as ('email' | 'whatsapp' | 'sms')[],
    });
  }
  return invoiceIds.length;
}

function checkPeriod(query: ReportQuery): void {
  if (query.from > query.to) throw ApiError.badInput([{ path: 'to', key: 'invoices.errors.periodOrder' }]);
}

function fileContext(ctx: CallContext) {
  const branch = getBranch(ctx.core.db);
  const user = ctx.actor ? findUserById(ctx.core.db, ctx.actor.userId) : null;
  return { branch: branch?.code ?? null, zone: branch?.timeZone ?? 'WIB', locale: user?.locale === 'en' ? ('en' as const) : ('id' as const) };
}

type Method = 'invoices.send' | 'invoices.resend' | 'invoices.messages' | 'invoices.dashboard' | 'invoices.report' | 'invoices.exportReport';

export const noticeHandlers: HandlerMap<Extract<MethodName, Method>> = {
  'invoices.send': {
    run: (tx, input) => {
      const batch = batchById(tx.db, input.batchId);
      if (!batch) throw new ApiError('not_found', 'invoices.errors.batchNotFound');
      let ids: string[];
      if (input.invoiceIds) {
        ids = [...new Set(input.invoiceIds)];
        for (const id of ids) {
          const row = invoiceById(tx.db, id);
          if (!row || row.batch_id !== batch.id) throw new ApiError('not_found', 'invoices.errors.notFound');
          // a paid, archived or deleted invoice is not sent again: it would ask for money not owed
          if (row.status !== 'unsent' && row.status !== 'sent') throw new ApiError('conflict', 'invoices.errors.notSendable', { number: row.number });
        }
      } else {
        // "Kirim Semua": every live invoice whose notice has not gone out (never asked, or failed)
        ids = prepared<[string], { id: string }>(tx.db, `SELECT id FROM inv_invoices WHERE batch_id = ? AND status = 'unsent' AND notice IN ('none', 'failed') ORDER BY row`)
          .all(batch.id)
          .map((r) => r.id);
      }
      if (ids.length === 0) throw new ApiError('conflict', 'invoices.errors.nothingToSend');
      return { requested: request(tx, batch.id, ids, batch.channels) };
    },
  },
  'invoices.resend': {
    run: (tx, input) => {
      const message = messageById(tx.db, input.messageId);
      if (!message) throw new ApiError('not_found', 'invoices.errors.messageNotFound');
      if (message.status !== 'failed') throw new ApiError('conflict', 'invoices.errors.resendNotFailed');
      const row = invoiceById(tx.db, message.invoiceId)!;
      if (row.status !== 'unsent' && row.status !== 'sent') throw new ApiError('conflict', 'invoices.errors.notSendable', { number: row.number });
      return { requested: request(tx, row.batch_id, [row.id], [message.channel]) };
    },
  },
  'invoices.messages': {
    run: (tx, input) => {
      if (!invoiceById(tx.db, input.invoiceId)) throw new ApiError('not_found', 'invoices.errors.notFound');
      return { messages: messagesOf(tx.db, input.invoiceId) };
    },
  },
  'invoices.dashboard': { run: (tx, input) => dashboard(tx.db, todayOf(tx.db, tx.now), input.batchId) },
  'invoices.report': {
    run: (tx, input) => {
      checkPeriod(input);
      return invoiceReport(tx.db, input, todayOf(tx.db, tx.now), zoneOf(tx.db));
    },
  },
  'invoices.exportReport': {
    async prepare(input, ctx): Promise<ExportedFile> {
      checkPeriod(input);
      const { branch, zone, locale } = fileContext(ctx);
      const now = ctx.core.clock();
      const report = invoiceReport(ctx.core.db, input, localDayKey(now, zone), zone);
      const options = { locale, zone, branch, generatedAt: now };
      const bytes = input.format === 'xlsx' ? invoiceReportXlsx(report, options) : await invoiceReportPdf(report, options);
      return { fileName: reportFileName(report, input.format, branch), mimeType: MIME[input.format], dataBase64: bytes.toString('base64') };
    },
    run: (_tx, _input, prepared: ExportedFile) => prepared,
  },
};
