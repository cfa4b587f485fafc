import { csvRows } from './csv';
import { readPeriod, yearFromPeriod } from './dates';
import { isMt940, readMt940 } from './mt940';
import { clean, isFooterRow, readTable, type Row, type TableSpec } from './table';
import { columnMappingSchema, type ParseOptions, type ParseResult, type ParsedStatement, type StatementFormat, type StatementSource } from './types';

// A statement file to mutations: the layout is found from the file itself (MT940's tags, or the
// header row's column names), or taken from the user's choice or the account's saved mapping.
// Whole-file problems refuse the file with one precise reason; row problems are listed per row
// and the caller imports all or nothing.

const norm = (text: string | undefined) => clean(text).toLowerCase().replace(/[_.]/g, ' ').replace(/\s+/g, ' ').trim();

interface Layout {
  format: Exclude<StatementFormat, 'mt940' | 'generic'>;
  /** does this header row name this bank's columns? */
  fits: (header: string[]) => boolean;
  spec: (header: string[]) => Omit<TableSpec, 'format' | 'headerIndex' | 'yearFor'>;
}

const col = (header: string[], ...names: string[]) => {
  const i = header.findIndex((h) => names.includes(h));
  return i < 0 ? undefined : i;
};

const LAYOUTS: Layout[] = [
  {
    // KlikBCA CSV: Tanggal Transaksi, Keterangan, Cabang, Jumlah, (CR/DB), Saldo
    format: 'bca',
    fits: (h) => h.includes('tanggal transaksi') && h.includes('keterangan') && h.includes('jumlah'),
    spec: (h) => {
      const amount = col(h, 'jumlah')!;
      return { date: col(h, 'tanggal transaksi')!, description: [col(h, 'keterangan')!], amount, direction: h[amount + 1] === '' ? amount + 1 : undefined, balance: col(h, 'saldo'), decimalSeparator: '.' };
    },
  },
  {
    // Mandiri: Tgl., Tgl. Val., Rincian Transaksi, No. Referensi, Debit, Kredit, Saldo
    format: 'mandiri',
    fits: (h) => h.includes('rincian transaksi') || (h.some((x) => x === 'tgl' || x === 'tanggal') && h.includes('kredit') && h.includes('debit') && h.includes('no referensi')),
    spec: (h) => ({
      date: col(h, 'tgl', 'tanggal', 'tanggal transaksi')!,
      description: [col(h, 'rincian transaksi', 'keterangan')!],
      reference: col(h, 'no referensi'),
      debit: col(h, 'debit', 'debet')!,
      credit: col(h, 'kredit')!,
      balance: col(h, 'saldo'),
      decimalSeparator: ',',
    }),
  },
  {
    // BNI: Tanggal Transaksi / Post Date, Uraian Transaksi / Remark, Nominal / Amount, Db/Cr, Saldo / Balance
    format: 'bni',
    fits: (h) => h.some((x) => x === 'db/cr' || x === 'd/k' || x === 'dbcr'),
    spec: (h) => ({
      date: col(h, 'tanggal transaksi', 'post date', 'tanggal', 'tgl transaksi')!,
      description: [col(h, 'uraian transaksi', 'remark', 'keterangan', 'uraian')!],
      reference: col(h, 'no referensi', 'journal no', 'reference no'),
      amount: col(h, 'nominal', 'amount', 'jumlah')!,
      direction: col(h, 'db/cr', 'd/k', 'dbcr'),
      balance: col(h, 'saldo', 'balance'),
    }),
  },
  {
    // BRI: TGL_TRAN, DESK_TRAN, MUTASI_DEBET, MUTASI_KREDIT, SALDO_AKHIR_MUTASI
    format: 'bri',
    fits: (h) => h.includes('mutasi kredit') && (h.includes('mutasi debet') || h.includes('mutasi debit')),
    spec: (h) => ({
      date: col(h, 'tgl tran', 'tanggal', 'tgl transaksi')!,
      description: [col(h, 'desk tran', 'deskripsi', 'keterangan')!],
      reference: col(h, 'no ref', 'ref num'),
      debit: col(h, 'mutasi debet', 'mutasi debit')!,
      credit: col(h, 'mutasi kredit')!,
      balance: col(h, 'saldo akhir mutasi', 'saldo'),
      account: col(h, 'norek', 'no rek', 'no rekening', 'nomor rekening'),
    }),
  },
];

function rowsOf(source: StatementSource): Row[] {
  if (source.kind === 'text') return csvRows(source.text);
  return source.rows.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => (c === null || c === undefined ? '' : String(c))) }));
}

function preamble(rows: readonly Row[], upto: number): { accountNumber: string | null; period: { from: string; to: string } | null } {
  let accountNumber: string | null = null;
  let period: { from: string; to: string } | null = null;
  for (const row of rows.slice(0, upto)) {
    const text = row.cells.map(clean).filter(Boolean).join(' ');
    const account = /(?:no\.?\s*rek(?:ening)?|nomor rekening|account(?: no\.?| number)?)\s*[:=]?\s*'?([\d .-]{5,30})/i.exec(text);
    if (account && !accountNumber) accountNumber = account[1]!.replace(/\D/g, '') || null;
    if (/periode|period|tanggal/i.test(text)) period ??= readPeriod(text);
  }
  return { accountNumber, period };
}

const refuse = (key: string, params?: Record<string, string | number>): ParseResult => ({ ok: false, key: `statements.errors.${key}`, ...(params ? { params } : {}) });

export function parseStatement(source: StatementSource, options: ParseOptions = {}): ParseResult {
  const chosen = options.format ?? 'auto';
  const text = source.kind === 'text' ? source.text : null;
  if ((text !== null && text.trim() === '') || (source.kind === 'grid' && source.rows.every((r) => r.every((c) => c === null || String(c).trim() === '')))) return refuse('empty');

  let statement: ParsedStatement;
  if (text !== null && (chosen === 'mt940' || (chosen === 'auto' && isMt940(text)))) {
    if (!isMt940(text)) return refuse('formatMismatch', { format: 'MT940' });
    const read = readMt940(text);
    if (!read.complete) return refuse('truncated');
    statement = { format: 'mt940', accountNumber: read.accountNumber, period: read.period, mutations: read.mutations, pending: [], errors: read.errors };
  } else {
    const rows = rowsOf(source);
    const found = findLayout(rows, chosen, options);
    if ('key' in found) return found.result;
    const { accountNumber, period } = preamble(rows, found.headerIndex);
    const spec: TableSpec = { ...found.spec, format: found.format, headerIndex: found.headerIndex, yearFor: yearFromPeriod(period, options.fallbackYear) };
    // a sheet's number cells arrive as SheetJS shows them (`50,009.00`, `50009.5`) whatever the
    // bank's convention, next to text cells as the bank wrote them (`50.009,00`): read by the rules
    if (source.kind === 'grid') spec.decimalSeparator = undefined;
    const table = readTable(rows, spec);
    const header = rows[found.headerIndex]!.cells;
    const lastRow = rows[rows.length - 1]!;
    // cut short: a text that stops mid-row, or a BCA export without its closing totals
    // (the closing totals are shorter than a row by nature, with or without a line break after them)
    if (text !== null && !/\n\s*$/.test(text) && lastRow.cells.length < header.filter((h) => clean(h) !== '').length && lastRow.line > rows[found.headerIndex]!.line && !isFooterRow(lastRow, spec.date)) return refuse('truncated');
    if (found.format === 'bca' && accountNumber && !table.footerSeen) return refuse('truncated');
    statement = { format: found.format, accountNumber: accountNumber ?? table.accountNumber, period, mutations: table.mutations, pending: table.pending, errors: table.errors };
  }
  if (options.expectedAccount && statement.accountNumber && statement.accountNumber !== options.expectedAccount.replace(/\D/g, '')) {
    return refuse('otherAccount', { file: statement.accountNumber, chosen: options.expectedAccount.replace(/\D/g, '') });
  }
  if (statement.mutations.length === 0 && statement.errors.length === 0 && statement.pending.length === 0) return refuse('noMutations');
  return { ok: true, statement };
}

type Found = { format: Exclude<StatementFormat, 'mt940'>; headerIndex: number; spec: Omit<TableSpec, 'format' | 'headerIndex' | 'yearFor'> } | { key: string; result: ParseResult };

function findLayout(rows: readonly Row[], chosen: ParseOptions['format'], options: ParseOptions): Found {
  const fail = (result: ParseResult): Found => ({ key: 'x', result });
  if (chosen === 'generic' || (chosen === 'auto' && options.mapping && !detect(rows))) {
    if (!options.mapping) return fail(refuse('noMapping'));
    const mapping = columnMappingSchema.safeParse(options.mapping);
    if (!mapping.success) return fail(refuse('badMapping'));
    const m = mapping.data;
    const at = (n: number | undefined) => (n === undefined ? undefined : n - 1);
    if (m.headerRow > rows.length) return fail(refuse('noMutations'));
    return {
      format: 'generic',
      headerIndex: m.headerRow - 1,
      spec: {
        date: m.date - 1,
        description: [m.description - 1],
        reference: at(m.reference),
        balance: at(m.balance),
        amount: at(m.amount),
        direction: at(m.direction),
        debit: at(m.debit),
        credit: at(m.credit),
        decimalSeparator: m.decimalSeparator,
        dateOrder: m.dateFormat === 'YYYY-MM-DD' ? 'ymd' : m.dateFormat === 'MM/DD/YYYY' ? 'mdy' : 'dmy',
      },
    };
  }
  const detected = detect(rows);
  if (chosen !== 'auto' && chosen !== undefined) {
    const layout = LAYOUTS.find((l) => l.format === chosen)!;
    const at = rows.findIndex((r) => layout.fits(r.cells.map(norm)));
    if (at < 0) return fail(refuse('formatMismatch', { format: chosen.toUpperCase() }));
    return { format: layout.format, headerIndex: at, spec: layout.spec(rows[at]!.cells.map(norm)) };
  }
  if (!detected) return fail(refuse('unknownLayout'));
  return detected;
}

function detect(rows: readonly Row[]): Extract<Found, { format: string }> | null {
  for (let i = 0; i < Math.min(rows.length, 60); i += 1) {
    const header = rows[i]!.cells.map(norm);
    const layout = LAYOUTS.find((l) => l.fits(header));
    if (layout) return { format: layout.format, headerIndex: i, spec: layout.spec(header) };
  }
  return null;
}
