import { parseWholeRupiah } from '../domain/money';
import { isValidBase } from './unique-code';

// The bulk expected-payments sheet (CSV or xlsx, read by the core into rows of cells): a header
// row naming the columns, then one payment a row. Every bad row is reported with its row (as the
// sheet numbers it) and column; one bad row refuses the sheet, so nothing is half created.

export interface BulkRow {
  row: number;
  ref: string;
  /** whole rupiah */
  amount: number;
  payer: string | null;
  expiresHours: number | null;
}

export interface BulkError {
  row: number;
  column: string;
  key: string;
  params?: Record<string, string | number>;
}

export type BulkResult = { ok: true; rows: BulkRow[] } | { ok: false; errors: BulkError[] };

const HEADERS: Record<'ref' | 'amount' | 'payer' | 'expiresHours', readonly string[]> = {
  ref: ['ref', 'referensi', 'reference', 'no referensi', 'nomor referensi'],
  amount: ['amount', 'jumlah', 'nominal'],
  payer: ['payer', 'nama', 'nama pembayar', 'payer name'],
  expiresHours: ['expires_hours', 'expires hours', 'berlaku (jam)', 'berlaku_jam'],
};
/** 30 days, the longest window a payment may have */
const MAX_HOURS = 24 * 30;

const cellText = (cell: string | number | null | undefined) => (cell === null || cell === undefined ? '' : String(cell)).trim();
const norm = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

export function readBulkPayments(grid: readonly (readonly (string | number | null)[])[]): BulkResult {
  const headerAt = grid.findIndex((row) => row.some((c) => cellText(c) !== ''));
  if (headerAt < 0) return { ok: false, errors: [{ row: 1, column: '', key: 'payments.errors.bulkEmpty' }] };
  const header = grid[headerAt]!.map((c) => norm(cellText(c)));
  const column = (name: keyof typeof HEADERS) => header.findIndex((h) => HEADERS[name].includes(h));
  const at = { ref: column('ref'), amount: column('amount'), payer: column('payer'), expiresHours: column('expiresHours') };
  const missing = (['ref', 'amount'] as const).filter((c) => at[c] < 0);
  if (missing.length) return { ok: false, errors: missing.map((c) => ({ row: headerAt + 1, column: c, key: 'payments.errors.bulkColumn', params: { column: c } })) };

  const rows: BulkRow[] = [];
  const errors: BulkError[] = [];
  const seen = new Map<string, number>();
  for (let i = headerAt + 1; i < grid.length; i += 1) {
    const cells = grid[i]!;
    if (cells.every((c) => cellText(c) === '')) continue;
    const row = i + 1;
    const ref = cellText(cells[at.ref]);
    const amountText = cellText(cells[at.amount]);
    const before = errors.length;
    if (!ref) errors.push({ row, column: 'ref', key: 'validation.required' });
    else if (ref.length > 120) errors.push({ row, column: 'ref', key: 'validation.tooLong' });
    else if (seen.has(ref)) errors.push({ row, column: 'ref', key: 'payments.errors.bulkDuplicateRef', params: { first: seen.get(ref)! } });
    else seen.set(ref, row);
    const amount = parseWholeRupiah(amountText);
    if (!amount.ok) errors.push({ row, column: 'amount', key: amount.reason === 'fraction' ? 'payments.errors.wholeRupiah' : 'payments.errors.amountUnreadable', params: { value: amountText } });
    else if (!isValidBase(amount.rupiah)) errors.push({ row, column: 'amount', key: 'payments.errors.amountPositive', params: { value: amountText } });
    let expiresHours: number | null = null;
    if (at.expiresHours >= 0 && cellText(cells[at.expiresHours]) !== '') {
      const hours = Number(cellText(cells[at.expiresHours]));
      if (!Number.isInteger(hours) || hours < 1 || hours > MAX_HOURS) errors.push({ row, column: 'expires_hours', key: 'payments.errors.bulkHours', params: { max: MAX_HOURS } });
      else expiresHours = hours;
    }
    if (errors.length === before && amount.ok) {
      const payer = at.payer >= 0 ? cellText(cells[at.payer]).slice(0, 120) : '';
      rows.push({ row, ref, amount: amount.rupiah, payer: payer || null, expiresHours });
    }
  }
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ row: headerAt + 2, column: '', key: 'payments.errors.bulkEmpty' }] };
  return { ok: true, rows };
}
