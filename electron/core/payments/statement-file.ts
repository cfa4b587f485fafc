import * as XLSX from 'xlsx';
import { ApiError } from '../../../shared/api/errors';
import { MAX_STATEMENT_BYTES } from '../../../shared/api/methods/payments';
import { csvRows } from '../../../shared/statements/csv';
import type { StatementSource } from '../../../shared/statements/types';

// Statement and bulk files as they arrive (base64 over the contract, or a path on the CLI), read
// into what the pure parsers take: text, or a sheet as rows of cells. Reading is hardened against
// hostile files: a size limit before decoding, a row limit, no formulas evaluated (SheetJS reads
// the cached values only), and cells read as the text the sheet shows (dates day-first).

/** A sheet beyond this many rows is refused rather than read. */
export const MAX_SHEET_ROWS = 300_000;

/** Decodes base64 after checking the size it would have; refuses an empty or oversized file. */
export function decodeFile(dataBase64: string, maxBytes = MAX_STATEMENT_BYTES, tooLargeKey = 'statements.errors.tooLarge'): Buffer {
  const base64 = dataBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw ApiError.badInput([{ path: 'dataBase64', key: 'validation.invalid' }]);
  const size = Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  if (size > maxBytes) throw ApiError.badInput([{ path: 'dataBase64', key: tooLargeKey }]);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new ApiError('bad_input', 'statements.errors.empty');
  return bytes;
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

/** Text as UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1252. */
export function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const text = utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(bytes) : utf8;
  return text.replace(/^\uFEFF/, '');
}

// SheetJS's date helpers, untyped in its declarations.
const SSF = XLSX.SSF as {
  is_date(format: string): boolean;
  parse_date_code(value: number, options?: { date1904?: boolean }): { y: number; m: number; d: number; H: number; M: number; S: number } | null;
};

/** How a number format shows a date: not at all (a plain number or a time of day), a day, or a day and its time. */
function dateShape(format: string): 'none' | 'day' | 'dayTime' {
  if (!SSF.is_date(format)) return 'none';
  // tokens only: quoted text, escaped characters, padding and [..] sections (colours, locales, elapsed hours) aside
  const tokens = format.replace(/"[^"]*"|\\.|[_*].|\[[^\]]*\]/g, '');
  if (!/[dy]/i.test(tokens)) return 'none';
  return /h/i.test(tokens) ? 'dayTime' : 'day';
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Date cells as day-first text with a 4-digit year (`05/11/2026`, `05/11/2026 10:15`). Excel shows
 * its short date (`m/d/yy`, the format of a typed date) in the reader's locale, day-first in
 * Indonesia, but SheetJS shows it the US way (`11/5/26`), which the statement parser, reading
 * day-first, would take for 11 May. The day comes from the cell's value, not from its format.
 */
function dayFirstDates(sheet: XLSX.WorkSheet, date1904: boolean): void {
  const shapes = new Map<string, ReturnType<typeof dateShape>>();
  for (const row of sheet['!data'] ?? []) {
    for (const cell of row ?? []) {
      if (!cell || cell.t !== 'n' || typeof cell.v !== 'number' || typeof cell.z !== 'string') continue;
      let shape = shapes.get(cell.z);
      if (shape === undefined) shapes.set(cell.z, (shape = dateShape(cell.z)));
      if (shape === 'none') continue;
      const p = SSF.parse_date_code(cell.v, { date1904 });
      if (!p) continue;
      cell.w = `${pad(p.d)}/${pad(p.m)}/${String(p.y).padStart(4, '0')}${shape === 'dayTime' ? ` ${pad(p.H)}:${pad(p.M)}` : ''}`;
    }
  }
}

/** The first sheet of an xlsx/xls workbook as rows of displayed cell texts, dates day-first. */
export function readSheet(bytes: Buffer): (string | number | null)[][] {
  let workbook: XLSX.WorkBook;
  try {
    // cellNF keeps each cell's number format, to tell date cells from number cells
    workbook = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: MAX_SHEET_ROWS + 1 });
  } catch {
    throw new ApiError('bad_input', 'statements.errors.unreadableSheet');
  }
  const name = workbook.SheetNames[0];
  const sheet = name ? workbook.Sheets[name] : undefined;
  if (!sheet) throw new ApiError('bad_input', 'statements.errors.empty');
  dayFirstDates(sheet, Boolean(workbook.Workbook?.WBProps?.date1904));
  const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, raw: false, defval: null, blankrows: true });
  if (rows.length > MAX_SHEET_ROWS) throw new ApiError('bad_input', 'statements.errors.tooManyRows', { max: MAX_SHEET_ROWS });
  // Own properties only: a hostile sheet cannot reach a prototype through these arrays.
  return rows.map((row) => Array.from(row, (cell) => (cell === undefined ? null : cell)));
}

/** What the parsers take, from the file's own bytes (its name is not trusted for the kind). */
export function sourceOf(fileName: string, bytes: Buffer): StatementSource {
  if (isZip(bytes) || isOle(bytes)) return { kind: 'grid', fileName, rows: readSheet(bytes) };
  return { kind: 'text', fileName, text: decodeText(bytes) };
}

/** A bulk sheet (CSV or xlsx) as a grid. */
export function gridOf(fileName: string, bytes: Buffer): (string | number | null)[][] {
  const source = sourceOf(fileName, bytes);
  return source.kind === 'grid' ? source.rows : csvRows(source.text).map((r) => r.cells);
}
