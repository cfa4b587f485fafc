import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readDate } from '../../../shared/statements/dates';
import { parseStatement } from '../../../shared/statements/parse';
import { gridOf, readSheet, sourceOf } from './statement-file';

// Excel keeps a date as a serial day number with a number format; the text a reader sees depends on
// that format (and, for the short date, on the reader's locale). Indonesian staff and the statement
// parser read day-first, so a date cell must come out as 05/11/2026, never as US `11/5/26`.

/** 5 November 2026 as an Excel serial (days since 30/12/1899). */
const NOV_5_2026 = 25569 + Date.UTC(2026, 10, 5) / 86_400_000;
const QUARTER_PAST_TEN = (10 * 60 + 15) / (24 * 60);

type Cells = (XLSX.CellObject | string | number | null)[][];

/** An xlsx file made in memory, as a bank or a person would save it. */
function xlsxBytes(rows: Cells, options: { date1904?: boolean } = {}): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((cell) => (cell !== null && typeof cell === 'object' ? null : cell))));
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== null && typeof cell === 'object') sheet[XLSX.utils.encode_cell({ r, c })] = cell;
    }),
  );
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Mutasi');
  if (options.date1904) book.Workbook = { ...book.Workbook, WBProps: { ...book.Workbook?.WBProps, date1904: true } };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** A date cell as Excel writes a typed date: the short-date format (built-in 14, `m/d/yy`). */
const dateCell = (serial: number, z = 'm/d/yy'): XLSX.CellObject => ({ t: 'n', v: serial, z });

describe('xlsx date cells', () => {
  it('come out day-first with a 4-digit year, read by the statement parser as 2026-11-05', () => {
    const grid = gridOf('tanggal.xlsx', xlsxBytes([['Tanggal'], [dateCell(NOV_5_2026)]]));
    const text = grid[1]![0];
    expect(text).toBe('05/11/2026');
    expect(readDate(String(text), () => null)).toEqual({ date: '2026-11-05', time: null });
  });

  it('keep the time when the format shows it (m/d/yy h:mm), and day-first formats stay day-first', () => {
    const grid = readSheet(
      xlsxBytes([
        ['a', 'b', 'c', 'd'],
        [dateCell(NOV_5_2026 + QUARTER_PAST_TEN, 'm/d/yy h:mm'), dateCell(NOV_5_2026, 'dd/mm/yyyy'), dateCell(NOV_5_2026, 'd-mmm-yy'), dateCell(NOV_5_2026, 'yyyy-mm-dd')],
      ]),
    );
    expect(grid[1]).toEqual(['05/11/2026 10:15', '05/11/2026', '05/11/2026', '05/11/2026']);
    expect(readDate(String(grid[1]![0]), () => null)).toEqual({ date: '2026-11-05', time: '10:15' });
  });

  it('leave number cells, times of day and text alone', () => {
    const grid = readSheet(
      xlsxBytes([
        ['jumlah', 'jam', 'teks'],
        [{ t: 'n', v: 50009, z: '#,##0.00' }, { t: 'n', v: QUARTER_PAST_TEN, z: 'h:mm' }, '11/5/26'],
      ]),
    );
    expect(grid[1]).toEqual(['50,009.00', '10:15', '11/5/26']);
  });

  it('read a 1904-based workbook (old Mac Excel) on the same day', () => {
    const grid = readSheet(xlsxBytes([['Tanggal'], [dateCell(NOV_5_2026 - 1462)]], { date1904: true }));
    expect(grid[1]![0]).toBe('05/11/2026');
  });

  it('give the right day through a whole statement import (BNI Excel export)', () => {
    const bytes = xlsxBytes([
      ['Post Date', 'Remark', 'Amount', 'Db/Cr', 'Balance'],
      [dateCell(NOV_5_2026 + QUARTER_PAST_TEN, 'm/d/yy h:mm'), 'TRF DARI BUDI', { t: 'n', v: 50009, z: '#,##0.00' }, 'C', { t: 'n', v: 1050009, z: '#,##0.00' }],
      [dateCell(NOV_5_2026 + 1), 'BIAYA ADMIN', { t: 'n', v: 12500, z: '#,##0.00' }, 'D', { t: 'n', v: 1037509, z: '#,##0.00' }],
    ]);
    const result = parseStatement(sourceOf('mutasi.xlsx', bytes));
    if (!result.ok) throw new Error(`refused: ${result.key}`);
    expect(result.statement.format).toBe('bni');
    expect(result.statement.errors).toEqual([]);
    expect(result.statement.mutations.map((m) => [m.date, m.time, m.direction, m.amountSen])).toEqual([
      ['2026-11-05', '10:15', 'CR', 5_000_900],
      ['2026-11-06', null, 'DB', 1_250_000],
    ]);
  });
});
