import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBulkPayments, type BulkError, type BulkResult, type BulkRow } from './bulk';
import { MAX_BASE } from './unique-code';

// The bulk expected-payments sheet as the core hands it over: rows of cells, text from a CSV,
// text or numbers (or null) from an xlsx. Rows are numbered as the sheet numbers them (1-based).

type Grid = (string | number | null)[][];

const rowsOf = (result: BulkResult): BulkRow[] => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.rows;
};
const errorsOf = (result: BulkResult): BulkError[] => {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.rows)}`);
  return result.errors;
};
const row = (over: Partial<BulkRow> & Pick<BulkRow, 'row' | 'ref' | 'amount'>): BulkRow => ({ payer: null, expiresHours: null, ...over });

describe('readBulkPayments: a good sheet', () => {
  it('reads ref and amount, one payment a row, numbered as the sheet numbers rows', () => {
    expect(rowsOf(readBulkPayments([['ref', 'amount'], ['INV-1', '50000'], ['INV-2', '75.000']]))).toEqual([
      row({ row: 2, ref: 'INV-1', amount: 50_000 }),
      row({ row: 3, ref: 'INV-2', amount: 75_000 }),
    ]);
  });

  it('reads payer and expiry hours when the columns are there', () => {
    const grid: Grid = [
      ['ref', 'amount', 'payer', 'expires_hours'],
      ['INV-1', '50000', 'Budi Santoso', '48'],
      ['INV-2', '60000', '', ''],
    ];
    expect(rowsOf(readBulkPayments(grid))).toEqual([
      row({ row: 2, ref: 'INV-1', amount: 50_000, payer: 'Budi Santoso', expiresHours: 48 }),
      row({ row: 3, ref: 'INV-2', amount: 60_000, payer: null, expiresHours: null }),
    ]);
  });

  it('takes the columns in any order and ignores columns it does not know', () => {
    const grid: Grid = [
      ['Catatan', 'Jumlah', 'Berlaku (Jam)', 'No Referensi', 'Nama Pembayar'],
      ['titip', 'Rp 125.000', '12', 'SPP-07', 'Siti Aminah'],
    ];
    expect(rowsOf(readBulkPayments(grid))).toEqual([row({ row: 2, ref: 'SPP-07', amount: 125_000, payer: 'Siti Aminah', expiresHours: 12 })]);
  });

  describe('header names, in either language, any case and spacing', () => {
    const aliases: [keyof BulkRow, string[], string | number, unknown][] = [
      ['ref', ['ref', 'Referensi', 'REFERENCE', 'no referensi', 'Nomor  Referensi', ' Ref '], 'X-1', 'X-1'],
      ['amount', ['amount', 'Jumlah', 'NOMINAL', ' amount '], '70.000', 70_000],
      ['payer', ['payer', 'Nama', 'Nama Pembayar', 'payer name', 'PAYER   NAME'], 'Andi', 'Andi'],
      ['expiresHours', ['expires_hours', 'expires hours', 'Berlaku (jam)', 'berlaku_jam', 'EXPIRES  HOURS'], '6', 6],
    ];
    for (const [field, names, cell, value] of aliases) {
      for (const name of names) {
        it(`"${name}" is the ${field} column`, () => {
          const header = { ref: 'ref', amount: 'amount', payer: 'payer', expiresHours: 'expires_hours' };
          const cells = { ref: 'R-1', amount: '10000', payer: 'Nobody', expiresHours: '3' };
          const order = ['ref', 'amount', 'payer', 'expiresHours'] as const;
          const grid: Grid = [order.map((k) => (k === field ? name : header[k])), order.map((k) => (k === field ? cell : cells[k]))];
          expect(rowsOf(readBulkPayments(grid))[0]![field]).toEqual(value);
        });
      }
    }
  });

  it('reads xlsx cells: numbers, nulls and rows shorter than the header', () => {
    const grid: Grid = [
      ['ref', 'amount', 'payer', 'expires_hours'],
      [1001, 50_000, null, 24],
      ['INV-2', '1,250,000', 'Ani'],
      ['INV-3', 75_000],
    ];
    expect(rowsOf(readBulkPayments(grid))).toEqual([
      row({ row: 2, ref: '1001', amount: 50_000, expiresHours: 24 }),
      row({ row: 3, ref: 'INV-2', amount: 1_250_000, payer: 'Ani' }),
      row({ row: 4, ref: 'INV-3', amount: 75_000 }),
    ]);
  });

  it.each([
    ['50000', 50_000],
    ['50.000', 50_000],
    ['50,000', 50_000],
    ['50.000,00', 50_000],
    ['50,000.00', 50_000],
    ['Rp 50.000', 50_000],
    ['Rp50.000,-', 50_000],
    ['IDR 1.250.000', 1_250_000],
    ['  50009  ', 50_009],
    ['1', 1],
    [String(MAX_BASE), MAX_BASE],
  ])('reads the amount %j as %d rupiah', (text, rupiah) => {
    expect(rowsOf(readBulkPayments([['ref', 'amount'], ['A', text]]))[0]!.amount).toBe(rupiah);
  });

  it('skips blank rows before the header and between payments, keeping the sheet\'s row numbers', () => {
    const grid: Grid = [[], ['', null, '  '], ['ref', 'amount'], ['A', '1000'], [null, null], ['', ''], ['B', '2000']];
    expect(rowsOf(readBulkPayments(grid))).toEqual([row({ row: 4, ref: 'A', amount: 1000 }), row({ row: 7, ref: 'B', amount: 2000 })]);
  });

  it('trims refs and payers, and cuts a payer name at 120 characters', () => {
    const long = 'N'.repeat(130);
    expect(rowsOf(readBulkPayments([['ref', 'amount', 'payer'], ['  INV-9  ', '5000', `  ${long}`]]))).toEqual([row({ row: 2, ref: 'INV-9', amount: 5000, payer: 'N'.repeat(120) })]);
  });

  it('accepts a ref of exactly 120 characters, and expiry hours from 1 to 720 (30 days)', () => {
    const ref = 'R'.repeat(120);
    const rows = rowsOf(readBulkPayments([['ref', 'amount', 'expires_hours'], [ref, '1000', '1'], ['B', '1000', '720'], ['C', '1000', 720]]));
    expect(rows.map((r) => [r.ref, r.expiresHours])).toEqual([
      [ref, 1],
      ['B', 720],
      ['C', 720],
    ]);
  });
});

describe('readBulkPayments: the sheet as a whole', () => {
  it('refuses an empty sheet at row 1', () => {
    const empty: BulkError[] = [{ row: 1, column: '', key: 'payments.errors.bulkEmpty' }];
    expect(errorsOf(readBulkPayments([]))).toEqual(empty);
    expect(errorsOf(readBulkPayments([[], [null, '', '   ']]))).toEqual(empty);
  });

  it('refuses a header without payments, pointing below the header', () => {
    expect(errorsOf(readBulkPayments([['ref', 'amount']]))).toEqual([{ row: 2, column: '', key: 'payments.errors.bulkEmpty' }]);
    expect(errorsOf(readBulkPayments([[], ['ref', 'amount'], ['', ''], [null]]))).toEqual([{ row: 3, column: '', key: 'payments.errors.bulkEmpty' }]);
  });

  it('names each required column the header row lacks, on the header\'s row', () => {
    expect(errorsOf(readBulkPayments([['payer', 'catatan'], ['Budi', '50000']]))).toEqual([
      { row: 1, column: 'ref', key: 'payments.errors.bulkColumn', params: { column: 'ref' } },
      { row: 1, column: 'amount', key: 'payments.errors.bulkColumn', params: { column: 'amount' } },
    ]);
    expect(errorsOf(readBulkPayments([[null], ['ref', 'total'], ['A', '50000']]))).toEqual([{ row: 2, column: 'amount', key: 'payments.errors.bulkColumn', params: { column: 'amount' } }]);
    expect(errorsOf(readBulkPayments([['nominal', 'kode'], ['50000', 'A']]))).toEqual([{ row: 1, column: 'ref', key: 'payments.errors.bulkColumn', params: { column: 'ref' } }]);
  });

  it('takes the first non-blank row as the header: a title above it hides the columns', () => {
    expect(errorsOf(readBulkPayments([['Daftar pembayaran November'], ['ref', 'amount'], ['A', '1000']]))).toEqual([
      { row: 1, column: 'ref', key: 'payments.errors.bulkColumn', params: { column: 'ref' } },
      { row: 1, column: 'amount', key: 'payments.errors.bulkColumn', params: { column: 'amount' } },
    ]);
  });
});

describe('readBulkPayments: wrong rows', () => {
  const one = (cells: (string | number | null)[], header: string[] = ['ref', 'amount', 'expires_hours']) => errorsOf(readBulkPayments([header, ['OK-1', '1000', ''], cells, ['OK-2', '2000', '']]));

  it.each([
    ['lima puluh ribu', 'payments.errors.amountUnreadable'],
    ['50.00.0', 'payments.errors.amountUnreadable'],
    ['1234.567', 'payments.errors.amountUnreadable'],
    ['', 'payments.errors.amountUnreadable'],
    ['Rp', 'payments.errors.amountUnreadable'],
    ['99999999999999999999', 'payments.errors.amountUnreadable'],
    ['50.000,50', 'payments.errors.wholeRupiah'],
    ['50000.5', 'payments.errors.wholeRupiah'],
    ['0', 'payments.errors.amountPositive'],
    ['-50000', 'payments.errors.amountPositive'],
    ['Rp -50.000', 'payments.errors.amountPositive'],
    [String(MAX_BASE + 1), 'payments.errors.amountPositive'],
    ['1.000.000.000.000', 'payments.errors.amountPositive'],
  ])('the amount %j: %s, with the text as written', (text, key) => {
    expect(one(['BAD', text, ''])).toEqual([{ row: 3, column: 'amount', key, params: { value: text.trim() } }]);
  });

  it('a number cell with sen: whole rupiah only', () => {
    expect(one(['BAD', 50_000.5, ''])).toEqual([{ row: 3, column: 'amount', key: 'payments.errors.wholeRupiah', params: { value: '50000.5' } }]);
  });

  it('a missing ref is required; one over 120 characters is too long', () => {
    expect(one(['', '1000', ''])).toEqual([{ row: 3, column: 'ref', key: 'validation.required' }]);
    expect(one([null, '1000', ''])).toEqual([{ row: 3, column: 'ref', key: 'validation.required' }]);
    expect(one(['   ', '1000', ''])).toEqual([{ row: 3, column: 'ref', key: 'validation.required' }]);
    expect(one(['R'.repeat(121), '1000', ''])).toEqual([{ row: 3, column: 'ref', key: 'validation.tooLong' }]);
  });

  it('a ref already used in the sheet names the row that used it first', () => {
    expect(one(['OK-1', '5000', ''])).toEqual([{ row: 3, column: 'ref', key: 'payments.errors.bulkDuplicateRef', params: { first: 2 } }]);
    // spaces around do not make another ref
    expect(one([' OK-1 ', '5000', ''])).toEqual([{ row: 3, column: 'ref', key: 'payments.errors.bulkDuplicateRef', params: { first: 2 } }]);
    // every repeat points at the first
    const errors = errorsOf(readBulkPayments([['ref', 'amount'], ['A', '1'], ['A', '2'], ['B', '3'], ['A', '4']]));
    expect(errors).toEqual([
      { row: 3, column: 'ref', key: 'payments.errors.bulkDuplicateRef', params: { first: 2 } },
      { row: 5, column: 'ref', key: 'payments.errors.bulkDuplicateRef', params: { first: 2 } },
    ]);
  });

  it('refs are compared exactly otherwise: another case is another ref', () => {
    expect(rowsOf(readBulkPayments([['ref', 'amount'], ['inv-1', '1'], ['INV-1', '2']])).map((r) => r.ref)).toEqual(['inv-1', 'INV-1']);
  });

  it.each(['0', '721', '1.5', '-3', 'dua', '24 jam'])('expiry hours %j: 1 to 720', (hours) => {
    expect(one(['BAD', '1000', hours])).toEqual([{ row: 3, column: 'expires_hours', key: 'payments.errors.bulkHours', params: { max: 720 } }]);
  });

  it('lists every problem of every row, in sheet order, and creates nothing', () => {
    const result = readBulkPayments([
      ['ref', 'amount', 'payer', 'expires_hours'],
      ['A', '1000', 'Ani', '24'],
      ['', 'seribu', '', '0'],
      ['C', '3000', '', ''],
      ['A', '-5', '', ''],
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, column: 'ref', key: 'validation.required' },
        { row: 3, column: 'amount', key: 'payments.errors.amountUnreadable', params: { value: 'seribu' } },
        { row: 3, column: 'expires_hours', key: 'payments.errors.bulkHours', params: { max: 720 } },
        { row: 5, column: 'ref', key: 'payments.errors.bulkDuplicateRef', params: { first: 2 } },
        { row: 5, column: 'amount', key: 'payments.errors.amountPositive', params: { value: '-5' } },
      ],
    });
  });

  it('a row with only a payer is a wrong row, not a blank one', () => {
    expect(errorsOf(readBulkPayments([['ref', 'amount', 'payer'], ['', '', 'Budi']]))).toEqual([
      { row: 2, column: 'ref', key: 'validation.required' },
      { row: 2, column: 'amount', key: 'payments.errors.amountUnreadable', params: { value: '' } },
    ]);
  });
});

describe('readBulkPayments: properties', () => {
  const ref = fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,6}$/);
  const good = fc.record({
    ref,
    amount: fc.integer({ min: 1, max: MAX_BASE }),
    payer: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}[A-Za-z]$/), { nil: null }),
    expiresHours: fc.option(fc.integer({ min: 1, max: 720 }), { nil: null }),
  });
  const asText = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

  it('a sheet of good rows reads back exactly what was written', () => {
    fc.assert(
      fc.property(fc.uniqueArray(good, { minLength: 1, maxLength: 30, selector: (r) => r.ref }), fc.boolean(), (payments, asNumbers) => {
        const grid: Grid = [
          ['Referensi', 'Jumlah', 'Nama Pembayar', 'Berlaku (jam)'],
          ...payments.map((p) => [p.ref, asNumbers ? p.amount : `Rp ${asText(p.amount)}`, p.payer, p.expiresHours === null ? '' : String(p.expiresHours)]),
        ];
        expect(readBulkPayments(grid)).toEqual({ ok: true, rows: payments.map((p, i) => ({ row: i + 2, ...p })) });
      }),
    );
  });

  it('one wrong row anywhere refuses the sheet and is reported on its own row', () => {
    const bad = fc.oneof(
      fc.constant(['', '1000', ''] as const).map((cells) => ({ cells: [...cells], column: 'ref' })),
      fc.constantFrom('0', '-1', 'abc', '1,5', '10.000,25').map((amount) => ({ cells: ['zz-0', amount, ''], column: 'amount' })),
      fc.constantFrom('0', '721', 'x').map((hours) => ({ cells: ['zz-0', '1000', hours], column: 'expires_hours' })),
    );
    fc.assert(
      fc.property(fc.uniqueArray(good, { minLength: 1, maxLength: 20, selector: (r) => r.ref }), bad, fc.nat(), (payments, wrong, at) => {
        const rows: Grid = payments.map((p) => [p.ref, String(p.amount), p.expiresHours === null ? '' : String(p.expiresHours)]);
        const position = at % (rows.length + 1);
        rows.splice(position, 0, wrong.cells);
        const errors = errorsOf(readBulkPayments([['ref', 'amount', 'expires_hours'], ...rows]));
        expect(errors.map((e) => [e.row, e.column])).toEqual([[position + 2, wrong.column]]);
      }),
    );
  });
});
