// The structure of an uploaded sheet around its values: merged ranges and formula cells, as the core
// collects them from the SheetJS worksheet (`!merges`, cells with an `f`).

/** 0-based, as SheetJS's `decode_cell` gives */
export interface CellAddress {
  r: number;
  c: number;
}
/** as in a SheetJS worksheet's `!merges` */
export interface CellRange {
  s: CellAddress;
  e: CellAddress;
}

/** `B7` for sheet row 6, column 1 (0-based) */
export function cellName(address: CellAddress): string {
  let letters = '';
  for (let c = address.c + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${address.r + 1}`;
}

/** a problem of one cell, on the sheet row (1-based) it is keyed by */
export interface CellMark {
  column: string;
  key: string;
  params: Record<string, string>;
}

export interface SheetLayout {
  merges: readonly CellRange[];
  formulas: readonly CellAddress[];
  /** the sheet address of the grid's first cell */
  origin: CellAddress;
  /** 0-based sheet row of the header */
  headerRow: number;
  /** how many grid rows there are */
  rows: number;
  /** the template header of a grid column, undefined for a column outside the template */
  headerOf: (gridColumn: number) => string | undefined;
}

/**
 * Problems that come from the sheet's structure rather than a value. SheetJS gives a merged range's
 * value to its first cell only, so the other rows of a merge would silently read as blank; a formula
 * cell holds the result Excel last computed, which may be stale or a fraction of a rupiah.
 */
export function markCells(sheet: SheetLayout): { byRow: Map<number, CellMark[]>; headerMerge: string | null } {
  const { origin, headerRow, rows, headerOf } = sheet;
  const byRow = new Map<number, CellMark[]>();
  const mark = (row: number, problem: CellMark) => {
    const marks = byRow.get(row);
    if (marks) marks.push(problem);
    else byRow.set(row, [problem]);
  };
  let headerMerge: string | null = null;
  for (const merge of sheet.merges) {
    const range = `${cellName(merge.s)}:${cellName(merge.e)}`;
    let column: string | undefined;
    for (let c = merge.s.c; c <= merge.e.c && column === undefined; c += 1) column = headerOf(c - origin.c);
    if (column === undefined || merge.e.r < headerRow) continue; // notes beside or above the table
    if (merge.s.r <= headerRow) {
      headerMerge = range;
      continue;
    }
    // a merge may run to Excel's last row; rows past the grid hold nothing to refuse
    for (let r = merge.s.r; r <= Math.min(merge.e.r, origin.r + rows - 1); r += 1) mark(r + 1, { column, key: 'invoices.errors.mergedCells', params: { range } });
  }
  for (const cell of sheet.formulas) {
    const column = headerOf(cell.c - origin.c);
    if (column !== undefined && cell.r > headerRow) mark(cell.r + 1, { column, key: 'invoices.errors.formula', params: { cell: cellName(cell) } });
  }
  return { byRow, headerMerge };
}

