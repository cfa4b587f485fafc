import { describe, expect, it } from 'vitest';
import mt940 from '../../tests/fixtures/statements/mt940.txt?raw';
import mt940Overlap from '../../tests/fixtures/statements/mt940-overlap.txt?raw';
import { mutationKeys } from './dedupe';
import { isMt940, readMt940 } from './mt940';

const statement = (...lines: string[]) => [':20:STMT1', ':25:1370012345678', ':60F:C261124IDR0,00', ...lines, ':62F:C261126IDR0,00', '-'].join('\n');

describe('isMt940', () => {
  it('knows an MT940 file by its :20:, :25: and :61: tags', () => {
    expect(isMt940(mt940)).toBe(true);
    expect(isMt940(statement(':61:2611251125C1,00NTRFNONREF'))).toBe(true);
  });

  it('is not fooled by a CSV or by a statement without transactions', () => {
    expect(isMt940('Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n')).toBe(false);
    expect(isMt940(statement())).toBe(false);
    expect(isMt940('x :20:STMT :25:1 :61:2611251125C1,00')).toBe(false);
  });
});

describe('readMt940 on a Mandiri MT940 export', () => {
  const read = readMt940(mt940);

  it('reads the account from :25:, the closing balance as complete, and the period from the value dates', () => {
    expect(read.accountNumber).toBe('1370012345678');
    expect(read.complete).toBe(true);
    expect(read.period).toEqual({ from: '2026-11-25', to: '2026-11-26' });
    expect(read.errors).toEqual([]);
  });

  it('reads each :61: with its C/D mark, comma-decimal amount in sen, reference and :86: lines joined', () => {
    expect(read.mutations).toEqual([
      { line: 6, date: '2026-11-25', time: null, direction: 'CR', amountSen: 5_000_900, description: 'TRANSFER DR 008 BUDI SANTOSO INV DIGIPRO 50009', reference: 'FT26329A1B2C', keyReference: 'NONREF', balanceSen: null },
      { line: 9, date: '2026-11-25', time: null, direction: 'CR', amountSen: 5_000_900, description: 'TRANSFER DR 008 BUDI SANTOSO INV DIGIPRO 50009', reference: 'FT26329A1B2C', keyReference: 'NONREF', balanceSen: null },
      { line: 12, date: '2026-11-25', time: null, direction: 'DB', amountSen: 650_000, description: 'BIAYA ADM', reference: 'ADM2611', keyReference: 'ADM2611', balanceSen: null },
      { line: 14, date: '2026-11-26', time: null, direction: 'CR', amountSen: 7_512_345, description: 'TRANSFER DR 014 SITI AMINAH INV DIGIPRO 75123 BAYAR PESANAN', reference: 'INV75123 / FT26330D4E5F', keyReference: 'INV75123', balanceSen: null },
    ]);
  });

  it('keys each row by the owner\'s reference, as keys held by ledgers were made, whatever reference it shows', () => {
    const keys = mutationKeys('1370012345678', read.mutations);
    expect(keys[0]).toBe('1370012345678|2026-11-25|CR|5000900|TRANSFER DR 008 BUDI SANTOSO INV DIGIPRO 50009|NONREF|#1');
    expect(keys[1]).toBe('1370012345678|2026-11-25|CR|5000900|TRANSFER DR 008 BUDI SANTOSO INV DIGIPRO 50009|NONREF|#2');
    expect(keys[3]).toBe('1370012345678|2026-11-26|CR|7512345|TRANSFER DR 014 SITI AMINAH INV DIGIPRO 75123 BAYAR PESANAN|INV75123|#1');
  });

  it('reads a reversal of a credit (RC) as money out', () => {
    const reversal = readMt940(mt940Overlap).mutations.find((m) => m.line === 18)!;
    expect(reversal).toMatchObject({ date: '2026-11-27', direction: 'DB', amountSen: 2_000_000, description: 'KOREKSI KREDIT SALAH TRANSFER', reference: 'REV001' });
  });

  it('reads the same with CRLF line ends', () => {
    expect(readMt940(mt940.replace(/\n/g, '\r\n')).mutations).toEqual(read.mutations);
  });
});

describe('readMt940 line by line', () => {
  it('reads a reversal of a debit (RD) as money in, and a :61: without entry date', () => {
    const read = readMt940(statement(':61:261125RD15000,00NMSCNONREF', ':86:KOREKSI DEBET'));
    expect(read.mutations).toMatchObject([{ date: '2026-11-25', direction: 'CR', amountSen: 1_500_000, description: 'KOREKSI DEBET' }]);
  });

  it('reads the funds code letter after the mark, one decimal and none', () => {
    const read = readMt940(statement(':61:2611251125CR50009,5NTRFNONREF', ':61:2611251125D50009,NTRFNONREF', ':61:2611251125C0,01NTRFNONREF'));
    expect(read.errors).toEqual([]);
    expect(read.mutations.map((m) => [m.direction, m.amountSen])).toEqual([
      ['CR', 5_000_950],
      ['DB', 5_000_900],
      ['CR', 1],
    ]);
  });

  it('keeps only the digits of an account written with the bank code or currency', () => {
    expect(readMt940(':20:X\n:25:BMRIIDJA/1370012345678\n:61:2611251125C1,00NTRF\n:62F:C261125IDR1,00\n').accountNumber).toBe('1370012345678');
    expect(readMt940(':20:X\n:25:0613005009IDR\n:61:2611251125C1,00NTRF\n:62F:C261125IDR1,00\n').accountNumber).toBe('0613005009');
  });

  it('ends a description at the next tag: a line after a :61: without :86: is no description', () => {
    const read = readMt940(statement(':61:2611251125C1,00NTRFNONREF', ':86:BAGIAN SATU', 'BAGIAN DUA', ':61:2611251125C2,00NTRFNONREF', 'BUKAN DESKRIPSI'));
    expect(read.mutations.map((m) => m.description)).toEqual(['BAGIAN SATU BAGIAN DUA', '']);
  });

  it('names the line of an unreadable amount or date, and reads the others', () => {
    const read = readMt940(statement(':61:2611251125C1,00NTRFNONREF', ':61:2611251125C1,0,0NTRFNONREF', ':61:2613251325C1,00NTRFNONREF', ':61:26112X1125C1,00NTRFNONREF'));
    expect(read.mutations.map((m) => m.line)).toEqual([4]);
    expect(read.errors).toEqual([
      { row: 5, key: 'statements.errors.amount', params: { value: '2611251125C1,0,0' } },
      { row: 6, key: 'statements.errors.date', params: { value: '261325' } },
      { row: 7, key: 'statements.errors.date', params: { value: '26112X1125C1,00N' } },
    ]);
  });

  it('does not give a refused :61: the :86: that follows it', () => {
    const read = readMt940(statement(':61:2611251125C1,00NTRFNONREF', ':86:PERTAMA', ':61:2613251125C2,00NTRFNONREF', ':86:KEDUA'));
    expect(read.mutations.map((m) => m.description)).toEqual(['PERTAMA']);
  });

  it('is incomplete without its closing balance (:62F: or :62M:)', () => {
    const cut = mt940.slice(0, mt940.indexOf(':62F:'));
    const read = readMt940(cut);
    expect(read.complete).toBe(false);
    expect(read.mutations).toHaveLength(4);
    expect(readMt940(cut + ':62M:C261126IDR1168641,45\n').complete).toBe(true);
  });
});
