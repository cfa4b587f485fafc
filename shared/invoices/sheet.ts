import {
  cleanText,
  isBlankCell,
  readAmountCell,
  readDueDateCell,
  readEmail,
  readPhone,
  readTextCell,
  type CellRead,
  type CellValue,
  type Params,
} from './cells';
import { formatDayId, isIsoDay } from './days';
import { readHeader } from './header';
import { markCells, type CellAddress, type CellRange } from './layout';
import { INVOICE_TEMPLATES, isExampleRow, templateColumn, type InvoiceField, type InvoiceModule } from './templates';

export type { CellAddress, CellRange } from './layout';

// An uploaded invoice batch, read into invoices the desk can store, or refused row by row with the
// row as Excel numbers it, the column's exact header and a message key. A row with any problem
// contributes nothing; whether the good rows go ahead without it is the caller's decision.

/** A batch above this many invoices is refused whole: split it (the import must stay responsive). */
export const MAX_INVOICE_ROWS = 50_000;
/** The largest file the core should hand to SheetJS; 50 000 filled rows take a few megabytes. */
export const MAX_INVOICE_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_INVOICE_NUMBER_LENGTH = 64;

/** Text limits per field, generous for names yet short enough for a WhatsApp notice. */
const MAX_LENGTH: Partial<Record<InvoiceField, number>> = {
  number: MAX_INVOICE_NUMBER_LENGTH,
  customerName: 120,
  guardianName: 120,
  studentName: 120,
  school: 120,
  className: 40,
  nis: 30,
  item: 120,
  description: 500,
};

export interface ReadInvoiceSheetOptions {
  module: InvoiceModule;
  /** today in Asia/Jakarta, `YYYY-MM-DD`: a due date before it is refused */
  today: string;
  /** invoice numbers (PintuKelas: references) the branch already has, in any case */
  knownInvoiceNumbers?: ReadonlySet<string>;
  merges?: readonly CellRange[];
  /** the cells holding a formula (SheetJS cells with an `f`) */
  formulas?: readonly CellAddress[];
  /** the sheet address of grid[0][0] when the sheet's range does not start at A1 */
  origin?: CellAddress;
  /** the workbook uses Excel for Mac's 1904 date system (SheetJS: `wb.Workbook.WBProps.date1904`) */
  date1904?: boolean;
}

export interface SheetProblem {
  /** 1-based, as Excel numbers rows */
  row: number;
  /** the template's exact header, '' when the problem is not one column's */
  column: string;
  key: string;
  params?: Params;
}

interface InvoiceBase {
  row: number;
  /** E-Invoice: `No Invoice` as written; PintuKelas: the reference derived from NIS and item */
  number: string;
  /** who is billed: `Nama Pelanggan`, or for PintuKelas `Nama Wali` */
  customerName: string;
  email: string | null;
  /** E.164 */
  phone: string | null;
  /** whole rupiah */
  amount: number;
  /** `YYYY-MM-DD` */
  dueDate: string;
  /** `Keterangan`, or for PintuKelas `Item Tagihan` */
  description: string | null;
}
export interface EInvoiceDraft extends InvoiceBase {
  module: 'einvoice';
}
export interface PintuKelasDraft extends InvoiceBase {
  module: 'pintukelas';
  school: string;
  className: string;
  nis: string;
  studentName: string;
  item: string;
}
export type InvoiceDraft = EInvoiceDraft | PintuKelasDraft;

export interface RejectedRow {
  row: number;
  problems: SheetProblem[];
}

export type InvoiceSheetResult =
  | { ok: true; accepted: InvoiceDraft[]; rejected: RejectedRow[] }
  /** the whole sheet is refused: wrong header, no rows, too many rows */
  | { ok: false; problems: SheetProblem[] };

/** The key invoice numbers are compared by: `inv-001` and ` INV-001 ` are one invoice to a customer. */
export function invoiceNumberKey(number: string): string {
  return cleanText(number).toUpperCase();
}

/**
 * PintuKelas bills carry no invoice number: a student is billed an item once, so NIS and item make
 * the reference (`12345/SPP-JULI-2026`). '/' never occurs inside either part, so two pairs cannot
 * run together into the same reference.
 */
export function pintuKelasReference(nis: string, item: string): string {
  const part = (text: string) => cleanText(text).toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${part(nis)}/${part(item)}`;
}

interface Entry {
  row: number;
  /** the invoice number or reference, '' when the row has none: duplicates are found by it */
  number: string;
  problems: SheetProblem[];
  draft: InvoiceDraft | null;
}

export function readInvoiceSheet(grid: readonly (readonly CellValue[])[], options: ReadInvoiceSheetOptions): InvoiceSheetResult {
  if (!isIsoDay(options.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${options.today}`);
  const { module } = options;
  const origin = options.origin ?? { r: 0, c: 0 };
  const rowNumber = (index: number) => origin.r + index + 1;
  // `?? []`: a grid built by hand may have holes where SheetJS would put empty rows
  const headerAt = grid.findIndex((cells) => (cells ?? []).some((c) => !isBlankCell(c)));
  if (headerAt < 0) return { ok: false, problems: [{ row: rowNumber(0), column: '', key: 'invoices.errors.emptySheet' }] };

  const header = readHeader(grid[headerAt] ?? [], module);
  if (!header.ok) return { ok: false, problems: header.problems.map((p) => ({ row: rowNumber(headerAt), ...p })) };
  const columns = header.columns;
  const headerOf = (gridColumn: number) => INVOICE_TEMPLATES[module].find((c) => columns.get(c.field) === gridColumn)?.header;

  const marks = markCells({ merges: options.merges ?? [], formulas: options.formulas ?? [], origin, headerRow: origin.r + headerAt, rows: grid.length, headerOf });
  if (marks.headerMerge) return { ok: false, problems: [{ row: rowNumber(headerAt), column: '', key: 'invoices.errors.mergedHeader', params: { range: marks.headerMerge } }] };

  const entries: Entry[] = [];
  // a batch's rows mostly share a due date: each distinct one is read once
  const dueDates = new Map<string | number, CellRead<string>>();
  const readDue = (value: CellValue): CellRead<string> => {
    if (typeof value !== 'string' && typeof value !== 'number') return readDueDateCell(value, options.date1904);
    let read = dueDates.get(value);
    if (!read) dueDates.set(value, (read = readDueDateCell(value, options.date1904)));
    return read;
  };
  // only the template's columns count: a note typed beside the table does not make a row an invoice
  const templateIndexes = [...columns.values()];
  for (let i = headerAt + 1; i < grid.length; i += 1) {
    const cells = grid[i] ?? [];
    if (templateIndexes.every((index) => isBlankCell(cells[index]))) continue;
    if (entries.length === MAX_INVOICE_ROWS) {
      return { ok: false, problems: [{ row: rowNumber(i), column: '', key: 'invoices.errors.tooManyRows', params: { max: MAX_INVOICE_ROWS } }] };
    }
    const row = rowNumber(i);
    const cellProblems = (marks.byRow.get(row) ?? []).map((p) => ({ row, ...p }));
    entries.push(readRow(cells, row, columns, options, cellProblems, readDue));
  }
  if (entries.length === 0) return { ok: false, problems: [{ row: rowNumber(headerAt + 1), column: '', key: 'invoices.errors.emptySheet' }] };

  markDuplicates(entries, module, options.knownInvoiceNumbers);
  const accepted = entries.flatMap((e) => (e.problems.length === 0 && e.draft ? [e.draft] : []));
  const rejected = entries.filter((e) => e.problems.length > 0).map(({ row, problems }) => ({ row, problems }));
  return { ok: true, accepted, rejected };
}

// readRow's helpers, at the top level: a closure made per row, for 10,000 rows, costs more than its work

function fieldHeader(module: InvoiceModule, field: InvoiceField): string {
  return templateColumn(module, field)?.header ?? '';
}

function cellAt(cells: readonly CellValue[], columns: ReadonlyMap<InvoiceField, number>, field: InvoiceField): CellValue {
  const index = columns.get(field);
  return index === undefined ? null : cells[index];
}

/** The value read, or null with the cell's problem recorded. */
function take<T>(problems: SheetProblem[], row: number, module: InvoiceModule, field: InvoiceField, read: CellRead<T>): T | null {
  if (read.ok) return read.value;
  problems.push({ row, column: fieldHeader(module, field), key: read.key, ...(read.params ? { params: read.params } : {}) });
  return null;
}

function readRow(
  cells: readonly CellValue[],
  row: number,
  columns: ReadonlyMap<InvoiceField, number>,
  options: ReadInvoiceSheetOptions,
  problems: SheetProblem[],
  readDue: (value: CellValue) => CellRead<string>,
): Entry {
  const { module } = options;

  const text: Partial<Record<InvoiceField, string>> = {};
  for (const column of INVOICE_TEMPLATES[module]) {
    if (column.field === 'amount' || column.field === 'dueDate') continue;
    const value = take(problems, row, module, column.field, readTextCell(cellAt(cells, columns, column.field)));
    if (value !== null) text[column.field] = value; // an unreadable cell is reported once, not also as missing
  }
  if (isExampleRow(module, text)) {
    problems.push({ row, column: fieldHeader(module, module === 'einvoice' ? 'number' : 'nis'), key: 'invoices.errors.exampleRow' });
    return { row, number: '', problems, draft: null };
  }

  for (const column of INVOICE_TEMPLATES[module]) {
    const value = text[column.field];
    const max = MAX_LENGTH[column.field];
    if (column.required && value === '') problems.push({ row, column: column.header, key: 'validation.required' });
    else if (value !== undefined && max !== undefined && value.length > max) problems.push({ row, column: column.header, key: 'invoices.errors.tooLong', params: { max } });
  }
  const email = text.email ? take(problems, row, module, 'email', readEmail(text.email)) : null;
  const phone = text.phone ? take(problems, row, module, 'phone', readPhone(text.phone)) : null;
  if (isBlankCell(cellAt(cells, columns, 'email')) && isBlankCell(cellAt(cells, columns, 'phone'))) {
    // the first of the two in the template's order carries the problem
    const first = INVOICE_TEMPLATES[module].find((c) => c.field === 'email' || c.field === 'phone')!;
    problems.push({ row, column: first.header, key: 'invoices.errors.contactRequired', params: { email: fieldHeader(module, 'email'), phone: fieldHeader(module, 'phone') } });
  }

  const amountCell = cellAt(cells, columns, 'amount');
  const amount = isBlankCell(amountCell) ? required(problems, row, fieldHeader(module, 'amount')) : take(problems, row, module, 'amount', readAmountCell(amountCell));
  const dueCell = cellAt(cells, columns, 'dueDate');
  const dueDate = isBlankCell(dueCell) ? required(problems, row, fieldHeader(module, 'dueDate')) : take(problems, row, module, 'dueDate', readDue(dueCell));
  if (dueDate !== null && dueDate < options.today) {
    problems.push({ row, column: fieldHeader(module, 'dueDate'), key: 'invoices.errors.dueDatePast', params: { date: formatDayId(dueDate) } });
  }

  const number = module === 'einvoice' ? (text.number ?? '') : text.nis && text.item ? pintuKelasReference(text.nis, text.item) : '';
  if (module === 'pintukelas' && number.length > MAX_INVOICE_NUMBER_LENGTH) {
    problems.push({ row, column: fieldHeader(module, 'item'), key: 'invoices.errors.referenceTooLong', params: { max: MAX_INVOICE_NUMBER_LENGTH } });
  }
  if (amount === null || dueDate === null || number === '') return { row, number, problems, draft: null };

  const base = { row, number, email, phone, amount, dueDate };
  const draft: InvoiceDraft =
    module === 'einvoice'
      ? { ...base, module, customerName: text.customerName ?? '', description: text.description || null }
      : {
          ...base,
          module,
          customerName: text.guardianName ?? '',
          description: text.item ?? null,
          school: text.school ?? '',
          className: text.className ?? '',
          nis: text.nis ?? '',
          studentName: text.studentName ?? '',
          item: text.item ?? '',
        };
  return { row, number, problems, draft };
}

function required(problems: SheetProblem[], row: number, column: string): null {
  problems.push({ row, column, key: 'validation.required' });
  return null;
}

/**
 * Every row of a repeated number is refused, the first one too: which of them is the right bill only
 * the user knows, and sending either could bill a customer twice. Each later row names the first;
 * the first names the later ones.
 */
function markDuplicates(entries: Entry[], module: InvoiceModule, known: ReadonlySet<string> | undefined): void {
  const column = fieldHeader(module, module === 'einvoice' ? 'number' : 'item');
  const knownKeys = new Set([...(known ?? [])].map(invoiceNumberKey));
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (entry.number === '') continue;
    const key = invoiceNumberKey(entry.number);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
    if (knownKeys.has(key)) entry.problems.push({ row: entry.row, column, key: 'invoices.errors.numberExists', params: { number: entry.number } });
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [first, ...later] = group as [Entry, ...Entry[]];
    const number = first.number;
    first.problems.push({ row: first.row, column, key: 'invoices.errors.duplicateFirst', params: { number, rows: later.map((e) => e.row).join(', ') } });
    for (const entry of later) entry.problems.push({ row: entry.row, column, key: 'invoices.errors.duplicateInSheet', params: { number, first: first.row } });
  }
}
