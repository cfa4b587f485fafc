import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import bcaMultiline from '../../tests/fixtures/statements/bca-klikbca-multiline.csv?raw';
import bcaNewYear from '../../tests/fixtures/statements/bca-klikbca-newyear.csv?raw';
import bni from '../../tests/fixtures/statements/bni.csv?raw';
import bri from '../../tests/fixtures/statements/bri.csv?raw';
import genericSyariah from '../../tests/fixtures/statements/generic-syariah.csv?raw';
import mandiriBadRows from '../../tests/fixtures/statements/mandiri-bad-rows.csv?raw';
import mandiri from '../../tests/fixtures/statements/mandiri.csv?raw';
import mt940 from '../../tests/fixtures/statements/mt940.txt?raw';
import { parseStatement } from './parse';
import type { Cell, ColumnMapping, ParseOptions, ParseResult, ParsedStatement, StatementSource } from './types';

const FIFTY_THOUSAND_AND_NINE = 5_000_900; // Rp 50.009,00 in sen

const csv = (fileName: string, text: string): StatementSource => ({ kind: 'text', fileName, text });

/**
 * A workbook made here and read back the way the core reads an uploaded sheet (first sheet, cells
 * as displayed, blank rows kept), so number cells arrive as SheetJS shows them.
 */
function xlsx(rows: Cell[][], cells: Record<string, XLSX.CellObject> = {}): StatementSource {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  Object.assign(sheet, cells);
  for (const [address, cell] of Object.entries(sheet)) {
    if (!address.startsWith('!') && (cell as XLSX.CellObject).t === 'n' && !(address in cells)) (cell as XLSX.CellObject).z = '#,##0.00';
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  const read = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellStyles: false });
  const grid = XLSX.utils.sheet_to_json<Cell[]>(read.Sheets[read.SheetNames[0]!]!, { header: 1, raw: false, defval: null, blankrows: true });
  return { kind: 'grid', fileName: 'mutasi.xlsx', rows: grid.map((row) => Array.from(row, (cell) => cell ?? null)) };
}

function accepted(result: ParseResult): ParsedStatement {
  if (!result.ok) throw new Error(`refused: ${result.key} ${JSON.stringify(result.params ?? {})}`);
  return result.statement;
}

const parse = (source: StatementSource, options?: ParseOptions) => accepted(parseStatement(source, options));
const refusal = (source: StatementSource, options?: ParseOptions) => {
  const result = parseStatement(source, options);
  return result.ok ? { ok: true } : { key: result.key, ...(result.params ? { params: result.params } : {}) };
};

describe('BCA (KlikBCA CSV)', () => {
  const statement = parse(csv('bca.csv', bcaNewYear));

  it('is found after its preamble, with the account and period the preamble names', () => {
    expect(statement.format).toBe('bca');
    expect(statement.accountNumber).toBe('0613005009');
    expect(statement.period).toEqual({ from: '2026-12-26', to: '2027-01-04' });
    expect(statement.errors).toEqual([]);
  });

  it('dates DD/MM rows from the period over New Year, with the CR/DB column and the balance', () => {
    expect(statement.mutations.map((m) => [m.line, m.date, m.direction, m.amountSen, m.balanceSen])).toEqual([
      [7, '2026-12-28', 'CR', FIFTY_THOUSAND_AND_NINE, 105_000_900],
      [8, '2026-12-30', 'DB', 1_500_000, 103_500_900],
      [9, '2026-12-31', 'CR', 7_512_300, 111_013_200],
      [10, '2027-01-02', 'CR', 10_000_700, 121_013_900],
      [11, '2027-01-04', 'CR', 125_000_000, 246_013_900],
    ]);
    expect(statement.mutations[0]).toMatchObject({ time: null, reference: null, description: 'TRSF E-BANKING CR 2812/FTSCY/WS95031 50009.00 BUDI SANTOSO' });
  });

  it('keeps a PEND row out of the mutations, listed as pending with its line', () => {
    expect(statement.pending).toEqual([{ line: 12, description: 'TRSF E-BANKING CR 0401/FTSCY/WS95031 50009.00 AGUS SALIM' }]);
    expect(statement.mutations.some((m) => m.line === 12)).toBe(false);
  });

  it('reads the closing totals as the end, not as rows', () => {
    expect(statement.mutations).toHaveLength(5);
    expect(statement.mutations.some((m) => m.line > 12)).toBe(false);
  });

  it('joins a description quoted over several lines, and reads a grouped amount', () => {
    const read = parse(csv('bca.csv', bcaMultiline));
    expect(read.mutations.map((m) => [m.line, m.date, m.direction, m.amountSen, m.description])).toEqual([
      [7, '2026-11-24', 'CR', FIFTY_THOUSAND_AND_NINE, 'TRSF E-BANKING CR 2411/FTSCY/WS95031 50009.00 BUDI SANTOSO'],
      [10, '2026-11-25', 'DB', 2_500_000, 'KARTU DEBIT "TOKO MAJU" JAKARTA PUSAT'],
      [12, '2026-11-26', 'CR', 100_000_000, 'SETORAN TUNAI'],
    ]);
  });

  it('is read whole with CRLF line ends, and without a line break after the closing totals', () => {
    expect(parse(csv('bca.csv', bcaNewYear.replace(/\n/g, '\r\n'))).mutations).toEqual(statement.mutations);
    expect(parse(csv('bca.csv', bcaNewYear.trimEnd())).mutations).toEqual(statement.mutations);
  });

  it('takes DD/MM years from the fallback year when there is no period line, and refuses the rows without one', () => {
    const noPeriod = bcaNewYear.replace(/^Periode.*\n/m, '');
    expect(parse(csv('bca.csv', noPeriod), { fallbackYear: 2026 }).mutations.map((m) => m.date)).toEqual(['2026-12-28', '2026-12-30', '2026-12-31', '2026-01-02', '2026-01-04']);
    const withoutYear = parse(csv('bca.csv', noPeriod));
    expect(withoutYear.mutations).toEqual([]);
    expect(withoutYear.errors.map((e) => [e.row, e.key, e.params?.value])).toEqual([
      [6, 'statements.errors.date', '28/12'],
      [7, 'statements.errors.date', '30/12'],
      [8, 'statements.errors.date', '31/12'],
      [9, 'statements.errors.date', '02/01'],
      [10, 'statements.errors.date', '04/01'],
    ]);
  });

  it('reads the Excel export, whose amount carries its CR/DB mark (`50,009.00 CR`)', () => {
    const read = parse(
      xlsx([
        ['No. Rekening', ':', '0613005009'],
        ['Periode', ':', '26/12/2026 - 04/01/2027'],
        [],
        ['Tanggal Transaksi', 'Keterangan', 'Cabang', 'Jumlah', 'Saldo'],
        ['28/12', 'TRSF E-BANKING CR 2812/FTSCY/WS95031 50009.00 BUDI SANTOSO', '0000', '50,009.00 CR', '1,050,009.00'],
        ['02/01', 'TARIKAN ATM 02/01', '0998', '500,000.00 DB', '550,009.00'],
        ['Saldo Awal', ':', '1,000,000.00'],
        ['Saldo Akhir', ':', '550,009.00'],
      ]),
    );
    expect(read.format).toBe('bca');
    expect(read.mutations.map((m) => [m.line, m.date, m.direction, m.amountSen, m.balanceSen])).toEqual([
      [5, '2026-12-28', 'CR', FIFTY_THOUSAND_AND_NINE, 105_000_900],
      [6, '2027-01-02', 'DB', 50_000_000, 55_000_900],
    ]);
  });
});

describe('Mandiri', () => {
  const statement = parse(csv('mandiri.csv', mandiri));

  it('is found in a semicolon file, with the account, period, times, references and balances', () => {
    expect(statement.format).toBe('mandiri');
    expect(statement.accountNumber).toBe('1370012345678');
    expect(statement.period).toEqual({ from: '2026-11-20', to: '2026-11-22' });
    expect(statement.errors).toEqual([]);
    expect(statement.mutations.map((m) => [m.line, m.date, m.time, m.direction, m.amountSen, m.reference, m.balanceSen])).toEqual([
      [7, '2026-11-20', '08:15', 'CR', FIFTY_THOUSAND_AND_NINE, 'FT26324A1B2C', 105_000_900],
      [8, '2026-11-20', '09:02', 'DB', 650_000, 'ADM2611', 104_350_900],
      [9, '2026-11-21', '10:30', 'CR', 15_012_300, 'FT26325X9Y8Z', 119_363_200],
      [12, '2026-11-22', '14:45', 'CR', 7_500_400, 'FT26326Q1W2E', 126_863_600],
    ]);
  });

  it('keeps commas inside a description, and joins the lines that continue a description', () => {
    expect(statement.mutations[1]!.description).toBe('Biaya adm, pajak, materai, Nov');
    expect(statement.mutations[2]!.description).toBe('MCM InhouseTrf CS-CS DARI SITI AMINAH INV DIGIPRO 150123');
  });

  it('keeps a PEND row out of the mutations', () => {
    expect(statement.pending).toEqual([{ line: 13, description: 'Transfer dr 009 AGUS SALIM' }]);
    expect(statement.mutations).toHaveLength(4);
  });

  it('is read the same when chosen by hand', () => {
    expect(parse(csv('mandiri.csv', mandiri), { format: 'mandiri' })).toEqual(statement);
  });

  it('reads an xlsx export whose amounts are number cells, text cells or fractions', () => {
    const read = parse(
      xlsx(
        [
          ['Nomor Rekening', '1370012345678'],
          ['Periode', '20/11/2026 - 22/11/2026'],
          [],
          ['Tgl.', 'Tgl. Val.', 'Rincian Transaksi', 'No. Referensi', 'Debit', 'Kredit', 'Saldo'],
          ['20/11/2026', '20/11/2026', 'Transfer dr 008 BUDI SANTOSO', 'FT26324A1B2C', 0, 50009, 1050009],
          [null, '21/11/2026', 'Biaya adm', 'ADM2611', '6.500,00', '0,00', '1.043.509,00'],
          ['22/11/2026', '22/11/2026', 'Bunga', 'INT2611', null, 1234.56, 1044743.56],
          ['PEND', null, 'Transfer dr 009 AGUS SALIM', null, null, 50009, null],
        ],
        // a date cell as Excel stores it, a serial number shown day-first
        { A6: { t: 'n', v: 46347, z: 'dd/mm/yyyy' } },
      ),
      { expectedAccount: '1370012345678' },
    );
    expect(read.format).toBe('mandiri');
    expect(read.errors).toEqual([]);
    expect(read.mutations.map((m) => [m.line, m.date, m.direction, m.amountSen, m.balanceSen])).toEqual([
      [5, '2026-11-20', 'CR', FIFTY_THOUSAND_AND_NINE, 105_000_900],
      [6, '2026-11-21', 'DB', 650_000, 104_350_900],
      [7, '2026-11-22', 'CR', 123_456, 104_474_356],
    ]);
    expect(read.pending).toEqual([{ line: 8, description: 'Transfer dr 009 AGUS SALIM' }]);
  });
});

describe('BNI', () => {
  const statement = parse(csv('bni.csv', bni));

  it('is found by its Db/Cr column; `50,009.00` is fifty thousand and nine', () => {
    expect(statement.format).toBe('bni');
    expect(statement.accountNumber).toBe('0259001234');
    expect(statement.period).toEqual({ from: '2026-11-25', to: '2026-11-27' });
    expect(statement.errors).toEqual([]);
    expect(statement.mutations).toEqual([
      { line: 6, date: '2026-11-25', time: '09:14', direction: 'CR', amountSen: FIFTY_THOUSAND_AND_NINE, description: 'TRANSFER DARI BUDI SANTOSO INV 50009', reference: '912345', balanceSen: 105_000_900 },
      { line: 7, date: '2026-11-26', time: '13:40', direction: 'DB', amountSen: 25_000_000, description: 'TRANSFER KE CV MAJU JAYA', reference: '912377', balanceSen: 80_000_900 },
      { line: 8, date: '2026-11-27', time: '08:05', direction: 'CR', amountSen: 120_000_050, description: 'SETORAN TUNAI', reference: '912401', balanceSen: 200_000_950 },
    ]);
  });

  it('reads the mark from the amount (`50,009.00 CR`) when the Db/Cr column is empty, and a marked balance', () => {
    const read = parse(
      xlsx([
        ['Tanggal Transaksi', 'Uraian Transaksi', 'Nominal', 'Db/Cr', 'Saldo'],
        ['25-Nov-2026', 'TRANSFER DARI BUDI SANTOSO', '50,009.00 CR', null, '1,050,009.00 CR'],
        ['26-Nov-2026', 'BIAYA ADM', '15,000.00 DB', '', '1,035,009.00 CR'],
        ['27-Nov-2026', 'TRANSFER DARI SITI', '50.009,00', 'K', '1.085.018,00'],
      ]),
    );
    expect(read.format).toBe('bni');
    expect(read.mutations.map((m) => [m.date, m.direction, m.amountSen, m.balanceSen])).toEqual([
      ['2026-11-25', 'CR', FIFTY_THOUSAND_AND_NINE, 105_000_900],
      ['2026-11-26', 'DB', 1_500_000, 103_500_900],
      ['2026-11-27', 'CR', FIFTY_THOUSAND_AND_NINE, 108_501_800],
    ]);
  });

  it('refuses a row whose mark is neither credit nor debit, naming its line', () => {
    const read = parse(csv('bni.csv', bni.replace(',"250,000.00",D,', ',"250,000.00",X,')));
    expect(read.errors).toEqual([{ row: 7, key: 'statements.errors.direction', params: { value: 'X' } }]);
    expect(read.mutations.map((m) => m.line)).toEqual([6, 8]);
  });
});

describe('BRI', () => {
  it('is found by MUTASI_DEBET / MUTASI_KREDIT and reads each row', () => {
    const statement = parse(csv('bri.csv', bri));
    expect(statement.format).toBe('bri');
    expect(statement.errors).toEqual([]);
    expect(statement.mutations.map((m) => [m.line, m.date, m.direction, m.amountSen, m.description, m.balanceSen])).toEqual([
      [2, '2026-11-25', 'CR', FIFTY_THOUSAND_AND_NINE, 'TRF DARI BUDI SANTOSO NBMB', 105_000_900],
      [3, '2026-11-25', 'DB', 1_250_000, 'BIAYA ADMIN BULANAN', 103_750_900],
      [4, '2026-11-26', 'CR', 7_512_300, 'TRF DARI SITI AMINAH ATM BERSAMA', 111_263_200],
    ]);
  });

  it('reads the account from NOREK on every row, so a statement of another account is refused', () => {
    expect(parse(csv('bri.csv', bri), { expectedAccount: '0341-01-000123-45-6' }).accountNumber).toBe('034101000123456');
    expect(refusal(csv('bri.csv', bri), { expectedAccount: '034101000123457' })).toEqual({
      key: 'statements.errors.otherAccount',
      params: { file: '034101000123456', chosen: '034101000123457' },
    });
  });

  it('refuses, by its row, a row of another account pasted into the export', () => {
    const pasted = `${bri.trimEnd()}\n034101000999999,26/11/2026,10:00:00,TRF DARI ANDI,0.00,10000.00,1122632.00\n`;
    const statement = parse(csv('bri.csv', pasted));
    expect(statement.accountNumber).toBe('034101000123456');
    expect(statement.mutations).toHaveLength(3);
    expect(statement.errors).toEqual([{ row: 5, key: 'statements.errors.rowAccount', params: { value: '034101000999999', account: '034101000123456' } }]);
  });
});

describe('MT940', () => {
  it('is found by its tags and read with its account', () => {
    const statement = parse(csv('mt940.txt', mt940), { expectedAccount: '137-00-1234567-8' });
    expect(statement.format).toBe('mt940');
    expect(statement.accountNumber).toBe('1370012345678');
    expect(statement.pending).toEqual([]);
    expect(statement.mutations.map((m) => [m.line, m.date, m.direction, m.amountSen])).toEqual([
      [6, '2026-11-25', 'CR', FIFTY_THOUSAND_AND_NINE],
      [9, '2026-11-25', 'CR', FIFTY_THOUSAND_AND_NINE],
      [12, '2026-11-25', 'DB', 650_000],
      [14, '2026-11-26', 'CR', 7_512_345],
    ]);
  });
});

describe('both number conventions', () => {
  it.each(['50.009,00', '50,009.00', '50009,00', '50009.00', '50.009', 'Rp 50.009,00'])('reads %s as fifty thousand and nine', (amount) => {
    const text = `Tanggal Transaksi;Uraian Transaksi;Nominal;Db/Cr\n25/11/2026;TRANSFER DARI BUDI;${amount};CR\n`;
    expect(parse(csv('bni.csv', text)).mutations[0]!.amountSen).toBe(FIFTY_THOUSAND_AND_NINE);
  });
});

describe('rows that cannot be read', () => {
  it('are listed with their line and the text that could not be read', () => {
    const statement = parse(csv('mandiri.csv', mandiriBadRows));
    expect(statement.errors).toEqual([
      { row: 6, key: 'statements.errors.date', params: { value: '31/11/2026' } },
      { row: 7, key: 'statements.errors.amount', params: { value: '5O.OO9,00' } },
    ]);
    // the readable row is still read; the import refuses the file while any row is listed
    expect(statement.mutations.map((m) => m.line)).toEqual([5]);
  });

  it('include an amount with no date, an amount in both columns and an empty amount', () => {
    const text = [
      'Tgl.;Tgl. Val.;Rincian Transaksi;No. Referensi;Debit;Kredit;Saldo',
      ';20/11/2026;Transfer dr 008 BUDI;FT1;0,00;50.009,00;1.050.009,00',
      '21/11/2026;21/11/2026;Transfer dr 014 RINI;FT2;10,00;50.009,00;1.100.008,00',
      '22/11/2026;22/11/2026;Transfer dr 009 AGUS;FT3;0,00;0,00;1.100.008,00',
      '23/11/2026;23/11/2026;Transfer dr 009 AGUS;FT4;;;1.100.008,00',
      '',
    ].join('\n');
    const statement = parse(csv('mandiri.csv', text));
    expect(statement.mutations).toEqual([]);
    expect(statement.errors.map((e) => [e.row, e.key])).toEqual([
      [2, 'statements.errors.date'],
      [3, 'statements.errors.amount'],
      [4, 'statements.errors.amount'],
      [5, 'statements.errors.amount'],
    ]);
  });
});

const SYARIAH_MAPPING: ColumnMapping = { headerRow: 4, date: 2, dateFormat: 'DD/MM/YYYY', description: 3, amount: 4, direction: 5, balance: 6, decimalSeparator: ',' };

describe('a layout read with the account’s column mapping', () => {
  it('is read by the mapping, with the preamble above the header row', () => {
    const statement = parse(csv('mutasi.csv', genericSyariah), { mapping: SYARIAH_MAPPING, expectedAccount: '7123456789' });
    expect(statement.format).toBe('generic');
    expect(statement.accountNumber).toBe('7123456789');
    expect(statement.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(statement.mutations.map((m) => [m.line, m.date, m.direction, m.amountSen, m.description, m.balanceSen])).toEqual([
      [5, '2026-11-24', 'CR', 100_000_000, 'SETORAN TUNAI CABANG JAKARTA', 100_000_000],
      [6, '2026-11-25', 'CR', FIFTY_THOUSAND_AND_NINE, 'TRANSFER MASUK DARI BUDI SANTOSO', 105_000_900],
      [7, '2026-11-25', 'DB', 1_500_000, 'BIAYA ADMINISTRASI', 103_500_900],
    ]);
    expect(parse(csv('mutasi.csv', genericSyariah), { format: 'generic', mapping: SYARIAH_MAPPING })).toEqual(statement);
  });

  it('reads a signed amount column, year-first dates and a reference', () => {
    const text = 'Date,Reference,Description,Amount,Balance\n2026-11-25,TX1,Incoming transfer BUDI,50009.00,1050009.00\n2026-11-26,TX2,Card payment,-15000.00,1035009.00\n';
    const mapping = { headerRow: 1, date: 1, dateFormat: 'YYYY-MM-DD', reference: 2, description: 3, amount: 4, balance: 5, decimalSeparator: '.' };
    expect(parse(csv('jago.csv', text), { mapping }).mutations.map((m) => [m.date, m.direction, m.amountSen, m.reference])).toEqual([
      ['2026-11-25', 'CR', FIFTY_THOUSAND_AND_NINE, 'TX1'],
      ['2026-11-26', 'DB', 1_500_000, 'TX2'],
    ]);
  });

  it('reads separate debit and credit columns and month-first dates', () => {
    const text = 'Posting Date,Remarks,Withdrawal,Deposit\n11/05/2026,ATM,"150,000.00",\n11/25/2026,TRF BUDI,,"50,009.00"\n';
    const mapping = { headerRow: 1, date: 1, dateFormat: 'MM/DD/YYYY', description: 2, debit: 3, credit: 4, decimalSeparator: '.' };
    expect(parse(csv('cimb.csv', text), { mapping }).mutations.map((m) => [m.date, m.direction, m.amountSen])).toEqual([
      ['2026-11-05', 'DB', 15_000_000],
      ['2026-11-25', 'CR', FIFTY_THOUSAND_AND_NINE],
    ]);
  });

  it('reads number cells of a sheet whatever separator the mapping names', () => {
    const source = xlsx([['LAPORAN MUTASI REKENING'], ['Nomor Rekening', '7123456789'], ['Periode', '01/11/2026 s/d 30/11/2026'], ['No', 'Tanggal', 'Deskripsi', 'Nominal', 'Tipe', 'Saldo'], [1, '25/11/2026', 'TRANSFER MASUK', 50009, 'Kredit', 1050009]]);
    expect(parse(source, { mapping: SYARIAH_MAPPING }).mutations.map((m) => [m.direction, m.amountSen, m.balanceSen])).toEqual([['CR', FIFTY_THOUSAND_AND_NINE, 105_000_900]]);
  });

  it('is not used when the file is a layout Serambi knows', () => {
    expect(parse(csv('bca.csv', bcaNewYear), { mapping: SYARIAH_MAPPING }).format).toBe('bca');
  });
});

describe('refusals of the whole file', () => {
  it('empty', () => {
    expect(refusal(csv('a.csv', ''))).toEqual({ key: 'statements.errors.empty' });
    expect(refusal(csv('a.csv', '\r\n  \n\t\n'))).toEqual({ key: 'statements.errors.empty' });
    expect(refusal({ kind: 'grid', fileName: 'a.xlsx', rows: [] })).toEqual({ key: 'statements.errors.empty' });
    expect(refusal({ kind: 'grid', fileName: 'a.xlsx', rows: [[null, ' '], []] })).toEqual({ key: 'statements.errors.empty' });
  });

  it('truncated: cut in the middle of a row', () => {
    const cut = mandiri.slice(0, mandiri.indexOf('0,00;75.004,00'));
    expect(refusal(csv('mandiri.csv', cut))).toEqual({ key: 'statements.errors.truncated' });
  });

  it('truncated: a BCA export without its closing totals, even cut at a line end', () => {
    const cut = bcaNewYear.slice(0, bcaNewYear.indexOf('Saldo Awal'));
    expect(refusal(csv('bca.csv', cut))).toEqual({ key: 'statements.errors.truncated' });
  });

  it('truncated: an MT940 without its closing balance', () => {
    expect(refusal(csv('mt940.txt', mt940.slice(0, mt940.indexOf(':62F:'))))).toEqual({ key: 'statements.errors.truncated' });
  });

  it('the statement of another account than the one chosen', () => {
    expect(refusal(csv('bca.csv', bcaNewYear), { expectedAccount: '0613005010' })).toEqual({ key: 'statements.errors.otherAccount', params: { file: '0613005009', chosen: '0613005010' } });
    expect(refusal(csv('mt940.txt', mt940), { expectedAccount: '0613005009' })).toEqual({ key: 'statements.errors.otherAccount', params: { file: '1370012345678', chosen: '0613005009' } });
    expect(refusal(csv('mandiri.csv', mandiri), { expectedAccount: '137 001 234 5679' })).toMatchObject({ key: 'statements.errors.otherAccount' });
    expect(refusal(csv('bca.csv', bcaNewYear), { expectedAccount: '061-300-5009' })).toEqual({ ok: true });
  });

  it('no mutations', () => {
    const none = bcaNewYear.replace(/^'.*\n/gm, '');
    expect(none).toContain('Saldo Akhir');
    expect(refusal(csv('bca.csv', none))).toEqual({ key: 'statements.errors.noMutations' });
    expect(refusal(csv('mandiri.csv', 'Tgl.;Tgl. Val.;Rincian Transaksi;No. Referensi;Debit;Kredit;Saldo\n'))).toEqual({ key: 'statements.errors.noMutations' });
    expect(refusal(csv('mutasi.csv', genericSyariah), { mapping: { ...SYARIAH_MAPPING, headerRow: 50 } })).toEqual({ key: 'statements.errors.noMutations' });
  });

  it('a layout Serambi does not know, without a mapping', () => {
    expect(refusal(csv('mutasi.csv', genericSyariah))).toEqual({ key: 'statements.errors.unknownLayout' });
    expect(refusal(csv('mutasi.csv', genericSyariah), { format: 'generic' })).toEqual({ key: 'statements.errors.noMapping' });
  });

  it.each<[string, unknown]>([
    ['neither an amount nor debit and credit columns', { headerRow: 4, date: 2, dateFormat: 'DD/MM/YYYY', description: 3, debit: 4, decimalSeparator: ',' }],
    ['a column 0', { ...SYARIAH_MAPPING, date: 0 }],
    ['one column for two fields', { ...SYARIAH_MAPPING, balance: 4 }],
    ['an unknown date format', { ...SYARIAH_MAPPING, dateFormat: 'YYYYMMDD' }],
    ['no decimal separator', { ...SYARIAH_MAPPING, decimalSeparator: undefined }],
    ['not a mapping at all', 'kolom 2 tanggal'],
  ])('a bad mapping: %s', (_what, mapping) => {
    expect(refusal(csv('mutasi.csv', genericSyariah), { mapping })).toEqual({ key: 'statements.errors.badMapping' });
  });

  it('a file not in the format chosen', () => {
    expect(refusal(csv('bca.csv', bcaNewYear), { format: 'mandiri' })).toEqual({ key: 'statements.errors.formatMismatch', params: { format: 'MANDIRI' } });
    expect(refusal(csv('mandiri.csv', mandiri), { format: 'mt940' })).toEqual({ key: 'statements.errors.formatMismatch', params: { format: 'MT940' } });
  });
});
