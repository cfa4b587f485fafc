import { describe, expect, it } from 'vitest';
import type { CellValue } from './cells';
import { invoiceNumberKey, MAX_INVOICE_ROWS, pintuKelasReference, readInvoiceSheet, type InvoiceSheetResult, type ReadInvoiceSheetOptions } from './sheet';
import { invoiceTemplateGrid, templateHeaders } from './templates';

const TODAY = '2026-07-01';
const E_HEADER = templateHeaders('einvoice');
const P_HEADER = templateHeaders('pintukelas');

/** an E-Invoice row: No Invoice, Nama Pelanggan, Email, No HP, Jumlah, Jatuh Tempo, Keterangan */
const eRow = (over: Partial<Record<'number' | 'name' | 'email' | 'phone' | 'amount' | 'due' | 'note', CellValue>> = {}): CellValue[] => {
  const v = { number: 'INV-001', name: 'PT Maju Jaya', email: 'Finance@MajuJaya.co.id', phone: '0812-3456-7890', amount: 1_500_000, due: '15/07/2026', note: 'Jasa Juli', ...over };
  return [v.number, v.name, v.email, v.phone, v.amount, v.due, v.note];
};

const read = (grid: CellValue[][], options: Partial<ReadInvoiceSheetOptions> = {}) => readInvoiceSheet(grid, { module: 'einvoice', today: TODAY, ...options });

function accepted(result: InvoiceSheetResult) {
  if (!result.ok) throw new Error(`sheet refused: ${JSON.stringify(result.problems)}`);
  return result;
}

/** every row problem as `row column key` */
const problemsOf = (result: InvoiceSheetResult) =>
  (result.ok ? result.rejected.flatMap((r) => r.problems) : result.problems).map((p) => `${p.row} ${p.column} ${p.key}`);

describe('readInvoiceSheet: E-Invoice', () => {
  it('normalises a good row', () => {
    const result = accepted(read([E_HEADER, eRow()]));
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toEqual([
      {
        module: 'einvoice',
        row: 2,
        number: 'INV-001',
        customerName: 'PT Maju Jaya',
        email: 'finance@majujaya.co.id',
        phone: '+6281234567890',
        amount: 1_500_000,
        dueDate: '2026-07-15',
        description: 'Jasa Juli',
      },
    ]);
  });

  it('takes header names in any case, spacing and order', () => {
    const header = ['  no   INVOICE', 'nama pelanggan', 'EMAIL', 'No Hp', 'jumlah ', 'Jatuh  Tempo', 'keterangan'];
    expect(accepted(read([header, eRow()])).accepted).toHaveLength(1);
    const [a, b, ...rest] = E_HEADER;
    const [x, y, ...others] = eRow();
    expect(accepted(read([[b, a, ...rest], [y, x, ...others]])).accepted[0]?.number).toBe('INV-001');
  });

  it('refuses the whole sheet naming each missing column by its exact name, and each unknown one', () => {
    const header = ['No Invoice', 'Nama', 'Email', 'No HP', 'Jumlah', 'Keterangan'];
    expect(problemsOf(read([header, ['INV-1', 'A', 'a@b.id', '', 5, '']]))).toEqual([
      '1 Nama invoices.errors.unknownColumn',
      '1 Nama Pelanggan invoices.errors.missingColumn',
      '1 Jatuh Tempo invoices.errors.missingColumn',
    ]);
  });

  it('refuses a repeated column', () => {
    expect(problemsOf(read([[...E_HEADER, 'jumlah'], eRow()]))).toEqual(['1 Jumlah invoices.errors.duplicateColumn']);
  });

  it('says so when the sheet is the other module’s template', () => {
    const result = read([P_HEADER]);
    expect(result).toEqual({ ok: false, problems: [{ row: 1, column: '', key: 'invoices.errors.wrongModule', params: { module: 'PintuKelas', expected: 'E-Invoice' } }] });
  });

  it.each<[string, CellValue[][]]>([
    ['nothing at all', []],
    ['only blank rows', [[null, ''], ['  ']]],
    ['a header and no rows', [E_HEADER, [null, '', '  '], []]],
  ])('refuses an empty sheet: %s', (_, grid) => {
    const result = read(grid);
    expect(result.ok).toBe(false);
    expect(problemsOf(result)[0]).toMatch(/invoices\.errors\.emptySheet$/);
  });

  it('skips fully blank rows and keeps the sheet’s own row numbers', () => {
    const result = accepted(read([[], E_HEADER, [], eRow({ number: 'A' }), [null, '  ', null], eRow({ number: 'B', amount: 0 })]));
    expect(result.accepted.map((i) => i.row)).toEqual([4]);
    expect(problemsOf(result)).toEqual(['6 Jumlah invoices.errors.amountPositive']);
  });

  it('counts rows from where the sheet range starts', () => {
    const result = accepted(read([E_HEADER, eRow({ amount: 'x' })], { origin: { r: 4, c: 1 } }));
    expect(problemsOf(result)).toEqual(['6 Jumlah invoices.errors.amountUnreadable']);
  });

  it('ignores notes typed beside the table', () => {
    const result = accepted(read([E_HEADER, eRow(), [null, null, null, null, null, null, null, 'catatan: cek lagi']]));
    expect(result.accepted).toHaveLength(1);
    expect(result.rejected).toEqual([]);
  });

  it.each<[string, CellValue[], string[]]>([
    ['a missing name', eRow({ name: ' ' }), ['2 Nama Pelanggan validation.required']],
    ['a missing number', eRow({ number: null }), ['2 No Invoice validation.required']],
    ['neither email nor phone', eRow({ email: null, phone: '' }), ['2 Email invoices.errors.contactRequired']],
    ['a bad email even with a good phone', eRow({ email: 'budi@' }), ['2 Email invoices.errors.email']],
    ['a landline', eRow({ phone: '(021) 2650 6300' }), ['2 No HP invoices.errors.phoneNotMobile']],
    ['a fractional amount', eRow({ amount: 1500.5 }), ['2 Jumlah invoices.errors.amountWhole']],
    ['an ambiguous amount', eRow({ amount: '1,5' }), ['2 Jumlah invoices.errors.amountAmbiguous']],
    ['a text amount', eRow({ amount: 'satu juta' }), ['2 Jumlah invoices.errors.amountUnreadable']],
    ['a missing amount', eRow({ amount: null }), ['2 Jumlah validation.required']],
    ['a past due date', eRow({ due: '30/06/2026' }), ['2 Jatuh Tempo invoices.errors.dueDatePast']],
    ['an unreadable due date', eRow({ due: '15-07-2026' }), ['2 Jatuh Tempo invoices.errors.dueDateUnreadable']],
    ['a missing due date', eRow({ due: null }), ['2 Jatuh Tempo validation.required']],
    ['a name Excel turned into a date', eRow({ name: new Date(Date.UTC(2026, 0, 7)) }), ['2 Nama Pelanggan invoices.errors.textExpected']],
    ['an over-long description', eRow({ note: 'x'.repeat(501) }), ['2 Keterangan invoices.errors.tooLong']],
    ['the example row left in place', invoiceTemplateGrid('einvoice')[1]!, ['2 No Invoice invoices.errors.exampleRow']],
    ['several things at once', eRow({ email: 'x', amount: -1, due: 'besok' }), ['2 Email invoices.errors.email', '2 Jumlah invoices.errors.amountPositive', '2 Jatuh Tempo invoices.errors.dueDateUnreadable']],
  ])('rejects %s, and nothing of it is accepted', (_, row, problems) => {
    const result = accepted(read([E_HEADER, row]));
    expect(problemsOf(result)).toEqual(problems);
    expect(result.accepted).toEqual([]);
  });

  it('takes a due date of today, a date cell and a serial; email or phone alone is enough', () => {
    const rows = [
      eRow({ number: '1', due: TODAY.split('-').reverse().join('/') }),
      eRow({ number: '2', due: new Date(Date.UTC(2026, 6, 2)), phone: null }),
      eRow({ number: '3', due: 46300, email: '' }),
    ];
    const result = accepted(read([E_HEADER, ...rows]));
    expect(result.accepted.map((i) => [i.dueDate, i.email, i.phone])).toEqual([
      ['2026-07-01', 'finance@majujaya.co.id', '+6281234567890'],
      ['2026-07-02', 'finance@majujaya.co.id', null],
      ['2026-10-05', null, '+6281234567890'],
    ]);
  });

  it('rejects every row of a repeated number: the later ones name the first, the first names them', () => {
    const result = accepted(read([E_HEADER, eRow({ number: 'INV-7' }), eRow({ number: 'INV-8' }), eRow({ number: 'inv-7 ' }), eRow({ number: 'INV-7', email: 'bad' })]));
    expect(result.accepted.map((i) => i.number)).toEqual(['INV-8']);
    const problems = result.rejected.flatMap((r) => r.problems);
    expect(problems).toContainEqual({ row: 2, column: 'No Invoice', key: 'invoices.errors.duplicateFirst', params: { number: 'INV-7', rows: '4, 5' } });
    expect(problems).toContainEqual({ row: 4, column: 'No Invoice', key: 'invoices.errors.duplicateInSheet', params: { number: 'INV-7', first: 2 } });
    expect(problems).toContainEqual({ row: 5, column: 'No Invoice', key: 'invoices.errors.duplicateInSheet', params: { number: 'INV-7', first: 2 } });
  });

  it('rejects a number the branch already has, whatever its case', () => {
    const result = accepted(read([E_HEADER, eRow({ number: 'inv-001' }), eRow({ number: 'INV-002' })], { knownInvoiceNumbers: new Set(['INV-001']) }));
    expect(problemsOf(result)).toEqual(['2 No Invoice invoices.errors.numberExists']);
    expect(result.accepted.map((i) => i.number)).toEqual(['INV-002']);
  });

  it('rejects the rows of a merged range and formula cells with their own reasons', () => {
    const grid = [E_HEADER, eRow({ number: '1' }), eRow({ number: '2', name: null }), eRow({ number: '3' }), eRow({ number: '4' })];
    const result = accepted(
      read(grid, {
        merges: [
          { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } },
          { s: { r: 10, c: 9 }, e: { r: 12, c: 9 } }, // beside the table: no template column
        ],
        formulas: [{ r: 3, c: 4 }],
      }),
    );
    expect(result.accepted.map((i) => i.number)).toEqual(['4']);
    const problems = result.rejected.flatMap((r) => r.problems);
    expect(problems).toContainEqual({ row: 2, column: 'Nama Pelanggan', key: 'invoices.errors.mergedCells', params: { range: 'B2:B3' } });
    expect(problems).toContainEqual({ row: 3, column: 'Nama Pelanggan', key: 'invoices.errors.mergedCells', params: { range: 'B2:B3' } });
    expect(problems).toContainEqual({ row: 4, column: 'Jumlah', key: 'invoices.errors.formula', params: { cell: 'E4' } });
  });

  it('refuses the sheet when the header row is merged', () => {
    const result = read([E_HEADER, eRow()], { merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }] });
    expect(problemsOf(result)).toEqual(['1  invoices.errors.mergedHeader']);
  });

  it(`refuses a batch of more than ${MAX_INVOICE_ROWS} rows whole, and takes exactly that many`, () => {
    const rows = Array.from({ length: MAX_INVOICE_ROWS }, (_, i) => eRow({ number: `INV-${i}` }));
    expect(accepted(read([E_HEADER, ...rows])).accepted).toHaveLength(MAX_INVOICE_ROWS);
    const result = read([E_HEADER, ...rows, eRow({ number: 'one too many' })]);
    expect(result).toEqual({ ok: false, problems: [{ row: MAX_INVOICE_ROWS + 2, column: '', key: 'invoices.errors.tooManyRows', params: { max: MAX_INVOICE_ROWS } }] });
  });

  it('throws on a malformed today: the caller must give the WIB day', () => {
    expect(() => read([E_HEADER, eRow()], { today: '01/07/2026' })).toThrow(RangeError);
  });
});

describe('readInvoiceSheet: PintuKelas', () => {
  /** Sekolah, Kelas, NIS, Nama Siswa, Nama Wali, No HP Wali, Email Wali, Item Tagihan, Jumlah, Jatuh Tempo */
  const pRow = (nis: CellValue, item: string, over: Record<number, CellValue> = {}): CellValue[] =>
    Object.assign(['SD Harapan Bangsa', '4A', nis, 'Andi Pratama', 'Siti Rahmawati', '081234567890', null, item, '350.000', '10/07/2026'], over);
  const readP = (grid: CellValue[][], options: Partial<ReadInvoiceSheetOptions> = {}) => read(grid, { module: 'pintukelas', ...options });

  it('derives the reference from NIS and item and bills the guardian', () => {
    const result = accepted(readP([P_HEADER, pRow(20261234, 'SPP Juli 2026')]));
    expect(result.accepted).toEqual([
      {
        module: 'pintukelas',
        row: 2,
        number: '20261234/SPP-JULI-2026',
        customerName: 'Siti Rahmawati',
        email: null,
        phone: '+6281234567890',
        amount: 350_000,
        dueDate: '2026-07-10',
        description: 'SPP Juli 2026',
        school: 'SD Harapan Bangsa',
        className: '4A',
        nis: '20261234',
        studentName: 'Andi Pratama',
        item: 'SPP Juli 2026',
      },
    ]);
  });

  it('rejects the same item billed twice to one student, and a reference already known', () => {
    const grid = [P_HEADER, pRow('1001', 'SPP Juli'), pRow('1001', 'spp  juli'), pRow('1002', 'SPP Juli'), pRow('1003', 'Buku')];
    const result = accepted(readP(grid, { knownInvoiceNumbers: new Set(['1003/buku']) }));
    expect(result.accepted.map((i) => i.number)).toEqual(['1002/SPP-JULI']);
    expect(problemsOf(result)).toEqual([
      '2 Item Tagihan invoices.errors.duplicateFirst',
      '3 Item Tagihan invoices.errors.duplicateInSheet',
      '5 Item Tagihan invoices.errors.numberExists',
    ]);
  });

  it('requires the guardian’s name, and one of the guardian’s phone and email', () => {
    const result = accepted(readP([P_HEADER, pRow('1', 'SPP', { 4: '', 5: null })]));
    expect(problemsOf(result)).toEqual(['2 Nama Wali validation.required', '2 No HP Wali invoices.errors.contactRequired']);
  });

  it('refuses a reference longer than an invoice number may be', () => {
    const result = accepted(readP([P_HEADER, pRow('1234567890', 'x'.repeat(60))]));
    expect(problemsOf(result)).toEqual(['2 Item Tagihan invoices.errors.referenceTooLong']);
  });

  it('refuses the example row of the template', () => {
    expect(problemsOf(readP(invoiceTemplateGrid('pintukelas')))).toEqual(['2 NIS invoices.errors.exampleRow']);
  });
});

describe('invoice number keys', () => {
  it('compare without case or surrounding spaces', () => {
    expect(invoiceNumberKey(' inv-001 ')).toBe(invoiceNumberKey('INV-001'));
  });

  it('keep NIS and item apart in the reference', () => {
    expect(pintuKelasReference('12-SPP', 'Juli')).not.toBe(pintuKelasReference('12', 'SPP Juli'));
    expect(pintuKelasReference(' 12 ', 'SPP  Juli')).toBe('12/SPP-JULI');
  });
});
