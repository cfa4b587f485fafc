import { describe, expect, it } from 'vitest';
import bcaMultiline from '../../tests/fixtures/statements/bca-klikbca-multiline.csv?raw';
import bcaNewYear from '../../tests/fixtures/statements/bca-klikbca-newyear.csv?raw';
import bni from '../../tests/fixtures/statements/bni.csv?raw';
import mandiri from '../../tests/fixtures/statements/mandiri.csv?raw';
import { csvRows, separatorOf } from './csv';

describe('separatorOf', () => {
  it('finds the separator of each bank export', () => {
    expect(separatorOf(bcaNewYear)).toBe(',');
    expect(separatorOf(bni)).toBe(',');
    expect(separatorOf(mandiri)).toBe(';');
    expect(separatorOf('Tanggal\tKeterangan\tJumlah\n25/11/2026\tTRF, BUDI\t50009.00\n')).toBe('\t');
  });

  it('is not outvoted by commas in one description of a semicolon file with decimal commas', () => {
    // 6 semicolons on every line; the second row has 3 commas in its amounts and 3 in its text
    const text = [
      'Tgl.;Tgl. Val.;Rincian Transaksi;No. Referensi;Debit;Kredit;Saldo',
      '20/11/2026;20/11/2026;Transfer dr 008 BUDI;FT1;0,00;50.009,00;1.050.009,00',
      '20/11/2026;20/11/2026;Biaya adm, pajak, materai, Nov;ADM;6.500,00;0,00;1.043.509,00',
    ].join('\n');
    expect(separatorOf(text)).toBe(';');
    expect(separatorOf(`${text}\n21/11/2026;21/11/2026;Bayar INV 1, INV 2, INV 3, INV 4, INV 5;FT2;0,00;1,00;1.043.510,00`)).toBe(';');
  });

  it('is not outvoted by preamble lines or footers', () => {
    const text = 'Nomor Rekening;1370012345678\nPeriode;20/11/2026 - 22/11/2026\n\nA,B,C\n1,2,3\n4,5,6\nSaldo Akhir;=;10\n';
    expect(separatorOf(text)).toBe(',');
  });
});

describe('csvRows', () => {
  it('splits plain lines and numbers them from 1', () => {
    expect(csvRows('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2', '3'] },
    ]);
  });

  it('reads CRLF and lone CR line ends like LF', () => {
    const lf = csvRows('a;b\n1;2\n3;4\n');
    expect(csvRows('a;b\r\n1;2\r\n3;4\r\n')).toEqual(lf);
    expect(csvRows('a;b\r1;2\r3;4\r')).toEqual(lf);
    expect(csvRows('a;b\n1;2\n3;4')).toEqual(lf);
  });

  it('keeps empty cells and blank lines in place', () => {
    expect(csvRows(';;SITI AMINAH;;\n\nx;y\n')).toEqual([
      { line: 1, cells: ['', '', 'SITI AMINAH', '', ''] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['x', 'y'] },
    ]);
  });

  it('reads quoted cells: separators and doubled quotes inside, quotes removed', () => {
    expect(csvRows('25/11/2026,"TRANSFER, BUDI ""BS"" SANTOSO","50,009.00",C\n')).toEqual([
      { line: 1, cells: ['25/11/2026', 'TRANSFER, BUDI "BS" SANTOSO', '50,009.00', 'C'] },
    ]);
    expect(csvRows('"a";"b;c"\n', ';')[0]!.cells).toEqual(['a', 'b;c']);
    expect(csvRows('"";x\n', ';')[0]!.cells).toEqual(['', 'x']);
  });

  it('leaves a quote inside an unquoted cell as it is', () => {
    expect(csvRows('KARTU DEBIT 5" LCD,2\n')[0]!.cells).toEqual(['KARTU DEBIT 5" LCD', '2']);
  });

  it('joins a quoted cell over line ends and gives the row its first line; later rows keep their own line', () => {
    const rows = csvRows(bcaMultiline);
    const at = (line: number) => rows.find((r) => r.line === line);
    expect(at(7)!.cells).toEqual(["'24/11", 'TRSF E-BANKING CR 2411/FTSCY/WS95031\n50009.00\nBUDI SANTOSO', "'0000", '50009.00', 'CR', '1050009.00']);
    expect(at(10)!.cells[1]).toBe('KARTU DEBIT "TOKO MAJU"\nJAKARTA PUSAT');
    expect(at(12)!.cells).toEqual(["'26/11", "'SETORAN TUNAI", "'0259", '1,000,000.00', 'CR', '2025009.00']);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 10, 12, 13, 14, 15, 16]);
  });

  it('joins a quoted cell over CRLF line ends with a plain line break', () => {
    expect(csvRows('a,"x\r\ny",b\r\nc,d,e\r\n')).toEqual([
      { line: 1, cells: ['a', 'x\ny', 'b'] },
      { line: 3, cells: ['c', 'd', 'e'] },
    ]);
  });

  it('keeps a quoted cell that runs to the end of a cut file as one last short row', () => {
    const rows = csvRows('a,b,c\n1,"TRANSFER DARI\nBUDI');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({ line: 2, cells: ['1', 'TRANSFER DARI\nBUDI'] });
  });

  it('uses the separator it is given', () => {
    expect(csvRows('a;b,c\n', ',')[0]!.cells).toEqual(['a;b', 'c']);
    expect(csvRows('a;b,c\n', ';')[0]!.cells).toEqual(['a', 'b,c']);
  });
});
