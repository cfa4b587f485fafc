import * as XLSX from 'xlsx';
import { ApiError } from '../../../shared/api/errors';
import type { CellValue } from '../../../shared/invoices/cells';
import type { CellAddress, CellRange } from '../../../shared/invoices/layout';
import { MAX_INVOICE_FILE_BYTES, MAX_INVOICE_ROWS } from '../../../shared/invoices/sheet';
import { INVOICE_TEMPLATES, INVOICE_MODULE_NAMES, invoiceTemplateGrid, type InvoiceModule } from '../../../shared/invoices/templates';
import { decodeFile } from '../payments/statement-file';

// Invoice sheets in and out. Reading is hardened as for statements: the size is checked before the
// base64 is decoded, only xlsx/xls bytes reach SheetJS (the name is not trusted), rows are capped
// before they are materialised, formulas are never evaluated (SheetJS keeps the cached values; the
// rules refuse a formula cell anyway), and the cells are copied into plain arrays.

/** Rows read beyond the rules' limit, so a batch over it is refused with its row, not cut silently. */
const ROW_SLACK = 100;

export interface InvoiceWorkbook {
  grid: CellValue[][];
  merges: CellRange[];
  formulas: CellAddress[];
  origin: CellAddress;
  date1904: boolean;
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

export function decodeInvoiceFile(dataBase64: string): Buffer {
  return decodeFile(dataBase64, MAX_INVOICE_FILE_BYTES, 'invoices.errors.tooLarge');
}

/** The first sheet of the workbook, with what the sheet rules need besides its values. */
export function readInvoiceWorkbook(bytes: Buffer): InvoiceWorkbook {
  if (!isZip(bytes) && !isOle(bytes)) throw new ApiError('bad_input', 'invoices.errors.unreadableSheet');
  let workbook: XLSX.WorkBook;
  try {
    // cellFormula: to tell formula cells (whose cached value may be stale) from typed values
    workbook = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: true, cellHTML: false, cellStyles: false, cellNF: false, sheetRows: MAX_INVOICE_ROWS + ROW_SLACK });
  } catch {
    throw new ApiError('bad_input', 'invoices.errors.unreadableSheet');
  }
  const name = workbook.SheetNames[0];
  const sheet = name ? workbook.Sheets[name] : undefined;
  if (!sheet || !sheet['!ref']) throw new ApiError('bad_input', 'invoices.errors.emptySheet');
  const origin = XLSX.utils.decode_range(sheet['!ref']).s;
  const formulas: CellAddress[] = [];
  (sheet['!data'] ?? []).forEach((row, r) => {
    (row ?? []).forEach((cell, c) => {
      if (cell && typeof cell.f === 'string' && cell.f !== '') formulas.push({ r, c });
    });
  });
  const merges = (sheet['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  // raw: numbers stay numbers (amounts, date serials); the rules read each cell by its column
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  const grid = rows.map((row) => Array.from(row, (cell): CellValue => (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean' || cell instanceof Date ? cell : null)));
  return { grid, merges, formulas, origin: { r: origin.r, c: origin.c }, date1904: Boolean(workbook.Workbook?.WBProps?.date1904) };
}

/** Days from 1899-12-30 (Excel's 1900 system) to an ISO day. */
function excelSerial(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * The template of `module` as an xlsx file: the exact header row and the example row, text columns
 * formatted as text (so `0812…` and a NIS keep their leading 0), the due date as a real date cell.
 */
export function invoiceTemplateXlsx(module: InvoiceModule): { fileName: string; bytes: Buffer } {
  const columns = INVOICE_TEMPLATES[module];
  const [header, example] = invoiceTemplateGrid(module) as [(string | number)[], (string | number)[]];
  const sheet = XLSX.utils.aoa_to_sheet([header, example]);
  columns.forEach((column, c) => {
    const address = XLSX.utils.encode_cell({ r: 1, c });
    const value = example[c]!;
    if (column.format === 'text') sheet[address] = { t: 's', v: String(value), z: '@' };
    else if (column.format === 'number') sheet[address] = { t: 'n', v: Number(value), z: '#,##0' };
    else {
      const [d, m, y] = String(value).split('/');
      sheet[address] = { t: 'n', v: excelSerial(`${y}-${m}-${d}`), z: 'dd/mm/yyyy' };
    }
  });
  sheet['!cols'] = columns.map((column) => ({ wch: Math.max(14, column.header.length + 4, String(column.example).length + 2) }));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, INVOICE_MODULE_NAMES[module]);
  const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return { fileName: `template-${module}.xlsx`, bytes };
}
