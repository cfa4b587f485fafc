import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { MethodName } from '../../../shared/api/index';
import { INVOICE_CHUNK, type InvoiceRowEvent } from '../../../shared/events/invoices';
import { localDayKey } from '../../../shared/domain/time';
import { reminderScheduleProblem } from '../../../shared/invoices/reminders';
import { readInvoiceSheet, type InvoiceDraft, type InvoiceSheetResult, type SheetProblem } from '../../../shared/invoices/sheet';
import { nextInvoiceState } from '../../../shared/invoices/state';
import { INVOICE_MODULE_NAMES, type InvoiceModule } from '../../../shared/invoices/templates';
import { vaConfigProblem, vaLength } from '../../../shared/invoices/va';
import type { HandlerMap, Tx } from '../dispatch/types';
import type { Db } from '../ledger/sql';
import { getBranch } from '../settings/queries';
import { decodeInvoiceFile, invoiceTemplateXlsx, readInvoiceWorkbook, type InvoiceWorkbook } from './invoice-file';
import { invoiceById, invoiceView, listBatches, listInvoices, liveNumberKeys } from './queries';
import { DEFAULT_VA_CONFIG, vaAllocator, vaSetting } from './va-allocation';

// The invoice-batches desk. The file is decoded and read by SheetJS before the write transaction;
// the rules then run inside it, against the numbers the branch holds at that moment, so a batch
// imported by a sister desk a second earlier is seen. Only accepted rows are stored, all of them or
// none (one transaction), each with its VA.

function today(db: Db, now: number): string {
  return localDayKey(now, getBranch(db)?.timeZone ?? 'WIB');
}

function readFile(input: { dataBase64: string }): InvoiceWorkbook {
  return readInvoiceWorkbook(decodeInvoiceFile(input.dataBase64));
}

function readRows(db: Db, now: number, module: InvoiceModule, workbook: InvoiceWorkbook): InvoiceSheetResult {
  return readInvoiceSheet(workbook.grid, {
    module,
    today: today(db, now),
    knownInvoiceNumbers: liveNumberKeys(db, module),
    merges: workbook.merges,
    formulas: workbook.formulas,
    origin: workbook.origin,
    date1904: workbook.date1904,
  });
}

const problemView = (p: SheetProblem) => ({ row: p.row, column: p.column, key: p.key, ...(p.params ? { params: p.params } : {}) });

/** A sheet refused as a whole: the message names the module, the fields say where and why. */
function refuseSheet(module: InvoiceModule, problems: readonly SheetProblem[]): never {
  throw new ApiError(
    'bad_input',
    'invoices.errors.sheetRefused',
    { module: INVOICE_MODULE_NAMES[module] },
    problems.map((p) => ({ path: p.column ? `rows.${p.row}.${p.column}` : `rows.${p.row}`, key: p.key, params: { row: p.row, ...(p.params ?? {}) } })),
  );
}

function fieldsOf(draft: InvoiceDraft): Record<string, string> {
  if (draft.module === 'einvoice') return {};
  return { school: draft.school, className: draft.className, nis: draft.nis, studentName: draft.studentName, item: draft.item };
}

function draftView(draft: InvoiceDraft) {
  return {
    row: draft.row,
    number: draft.number,
    customerName: draft.customerName,
    email: draft.email,
    phone: draft.phone,
    amount: draft.amount,
    dueDate: draft.dueDate,
    description: draft.description,
    fields: fieldsOf(draft),
  };
}

function outcome(result: Extract<InvoiceSheetResult, { ok: true }>) {
  return { accepted: result.accepted.length, rejected: result.rejected.length, errors: result.rejected.flatMap((r) => r.problems.map(problemView)) };
}

function existing(db: Db, id: string) {
  const row = invoiceById(db, id);
  if (!row) throw new ApiError('not_found', 'invoices.errors.notFound');
  return row;
}

/** Archive or delete through the state rules; the refusal's key is the answer. */
function close(tx: Tx, id: string, kind: 'archive' | 'delete', reason: string) {
  const row = existing(tx.db, id);
  const moved = nextInvoiceState(
    { status: row.status, amount: row.amount, dueDate: row.due_date, payment: null, archiveReason: null },
    kind === 'archive' ? { kind, reason } : { kind },
  );
  if (!moved.ok) throw new ApiError('conflict', moved.key);
  if (kind === 'archive') tx.emit('invoices.archived', { id, reason: moved.state.archiveReason ?? reason.trim() });
  else tx.emit('invoices.deleted', { id, reason: reason.trim() });
  return invoiceView(existing(tx.db, id), today(tx.db, tx.now));
}

function vaView(db: Db) {
  const branch = getBranch(db);
  if (!branch) throw new ApiError('conflict', 'errors.notInitialized');
  const setting = vaSetting(db, branch.code);
  return { prefix: setting.config.prefix, branchVaCode: setting.branchVaCode, derived: setting.derived, length: vaLength(setting.config), checkDigit: setting.config.checkDigit };
}

type Method = 'invoices.vaConfig' | 'invoices.configureVa' | 'invoices.template' | 'invoices.preview' | 'invoices.import' | 'invoices.batches' | 'invoices.list' | 'invoices.archive' | 'invoices.delete';

export const invoiceHandlers: HandlerMap<Extract<MethodName, Method>> = {
  'invoices.vaConfig': { run: (tx) => vaView(tx.db) },
  'invoices.configureVa': {
    run: (tx, input) => {
      vaView(tx.db); // the branch must be set up
      // the whole VA must still fit: a longer prefix may not push it past 20 digits
      const problem = vaConfigProblem({ ...DEFAULT_VA_CONFIG, prefix: input.prefix, checkDigit: input.checkDigit });
      if (problem) throw ApiError.badInput([{ path: 'prefix', key: problem }]);
      tx.emit('invoices.vaConfigured', { prefix: input.prefix, branchVaCode: input.branchVaCode, checkDigit: input.checkDigit });
      return vaView(tx.db);
    },
  },
  'invoices.template': {
    run: (_tx, input) => {
      const { fileName, bytes } = invoiceTemplateXlsx(input.module);
      return { fileName, dataBase64: bytes.toString('base64') };
    },
  },
  'invoices.preview': {
    prepare: async (input) => readFile(input),
    run: (tx, input, workbook: InvoiceWorkbook) => {
      const result = readRows(tx.db, tx.now, input.module, workbook);
      if (!result.ok) refuseSheet(input.module, result.problems);
      return { ...outcome(result), rows: result.accepted.map(draftView) };
    },
  },
  'invoices.import': {
    prepare: async (input) => readFile(input),
    run: (tx, input, workbook: InvoiceWorkbook) => {
      const scheduleProblem = reminderScheduleProblem(input.reminders);
      if (scheduleProblem) throw ApiError.badInput([{ path: 'reminders', key: scheduleProblem }]);
      const result = readRows(tx.db, tx.now, input.module, workbook);
      if (!result.ok) refuseSheet(input.module, result.problems);
      const summary = outcome(result);
      if (result.accepted.length === 0) {
        throw new ApiError(
          'bad_input',
          'invoices.errors.noneAccepted',
          undefined,
          summary.errors.map((p) => ({ path: p.column ? `rows.${p.row}.${p.column}` : `rows.${p.row}`, key: p.key, params: { row: p.row, ...(p.params ?? {}) } })),
        );
      }
      const branch = getBranch(tx.db);
      if (!branch) throw new ApiError('conflict', 'errors.notInitialized');
      const batchId = randomUUID();
      const channels = [...new Set(input.channels)];
      tx.emit('invoices.batchImported', {
        batchId,
        module: input.module,
        fileName: input.fileName.slice(0, 255),
        channels,
        reminders: { daysBefore: [...new Set(input.reminders.daysBefore)], daysAfter: [...new Set(input.reminders.daysAfter)] },
        accepted: result.accepted.length,
        rejected: result.rejected.length,
      });
      const vas = vaAllocator(tx.db, tx.core.deviceId, branch.code);
      const rows: InvoiceRowEvent[] = result.accepted.map((draft) => {
        const { va, seq } = vas.next();
        return { id: randomUUID(), ...draftView(draft), va, vaDesk: vas.block, vaSeq: seq };
      });
      for (let c = 0; c * INVOICE_CHUNK < rows.length; c += 1) {
        tx.emit('invoices.added', { batchId, chunk: c, invoices: rows.slice(c * INVOICE_CHUNK, (c + 1) * INVOICE_CHUNK) });
      }
      return { ...summary, batchId };
    },
  },
  'invoices.batches': { run: (tx, input) => ({ batches: listBatches(tx.db, input.limit) }) },
  'invoices.list': {
    run: (tx, input) => listInvoices(tx.db, input, today(tx.db, tx.now), input.offset, input.limit),
  },
  'invoices.archive': { run: (tx, input) => close(tx, input.id, 'archive', input.reason) },
  'invoices.delete': { run: (tx, input) => close(tx, input.id, 'delete', input.reason) },
};
