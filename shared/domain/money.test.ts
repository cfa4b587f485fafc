import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatNumberId, formatRupiah, formatRupiahSen, parseRupiahSen, parseWholeRupiah } from './money';

const safeInteger = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('formatRupiah / formatNumberId', () => {
  it.each([
    [0, 'Rp 0', '0'],
    [9, 'Rp 9', '9'],
    [999, 'Rp 999', '999'],
    [1000, 'Rp 1.000', '1.000'],
    [50009, 'Rp 50.009', '50.009'],
    [1234567, 'Rp 1.234.567', '1.234.567'],
    [-50009, '-Rp 50.009', '-50.009'],
    [-0, 'Rp 0', '0'],
    [Number.MAX_SAFE_INTEGER, 'Rp 9.007.199.254.740.991', '9.007.199.254.740.991'],
  ])('%d → %s / %s', (n, rupiah, plain) => {
    expect(formatRupiah(n)).toBe(rupiah);
    expect(formatNumberId(n)).toBe(plain);
  });

  it.each([0.5, 1e16, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d: money is never a float', (n) => {
    expect(() => formatRupiah(n)).toThrow(RangeError);
    expect(() => formatNumberId(n)).toThrow(RangeError);
    expect(() => formatRupiahSen(n)).toThrow(RangeError);
  });
});

describe('formatRupiahSen', () => {
  it.each([
    [0, 'Rp 0,00'],
    [5, 'Rp 0,05'],
    [5000950, 'Rp 50.009,50'],
    [123456789, 'Rp 1.234.567,89'],
    [-50, '-Rp 0,50'],
  ])('%d sen → %s', (sen, text) => {
    expect(formatRupiahSen(sen)).toBe(text);
  });
});

describe('parseRupiahSen: what people and bank exports type', () => {
  it.each([
    // Indonesian format, with and without currency and the whole-rupiah mark
    ['50.009,00', 5000900],
    ['Rp 50.009', 5000900],
    ['Rp50.009,-', 5000900],
    ['Rp. 50.009', 5000900],
    ['rp 50.009,-', 5000900],
    ['50009,-', 5000900],
    ['50,009.-', 5000900],
    ['1.234.567,89', 123456789],
    ['50,5', 5050],
    ['50,05', 5005],
    // English exports
    ['50,009.00', 5000900],
    ['IDR 50,009.00', 5000900],
    ['50.50', 5050],
    ['50.5', 5050],
    ['1,234,567.89', 123456789],
    // bare digits, padded digits
    ['50009', 5000900],
    ['0000050009', 5000900],
    ['50009,00', 5000900],
    ['50009.00', 5000900],
    ['0,50', 50],
    // a single separator before exactly three digits groups thousands, in either convention
    ['50.009', 5000900],
    ['50,009', 5000900],
    ['1.000', 100000],
    // several separators of one kind group thousands
    ['1.000.000', 100000000],
    ['1,000,000', 100000000],
    // both kinds: the last is the decimal separator
    ['1.000,00', 100000],
    ['1,000.00', 100000],
    ['1.000,5', 100050],
    // signs, before or after the currency; our own negative format reads back
    ['-Rp 50.009', -5000900],
    ['Rp -50.009', -5000900],
    ['-50.009,00', -5000900],
    ['+50.009', 5000900],
    ['\u2212Rp 1.000', -100000],
    ['-0', 0],
    // whitespace around, and the no-break space Intl puts after "Rp"
    ['  Rp\u00a050.009  ', 5000900],
  ])('%j → %d sen', (text, sen) => {
    expect(parseRupiahSen(text)).toEqual({ ok: true, sen });
  });

  it('never returns -0', () => {
    const r = parseRupiahSen('-0,00');
    expect(r.ok && Object.is(r.sen, 0)).toBe(true);
  });

  it.each(['', '   ', 'Rp', 'IDR ', 'rp.'])('%j is empty', (text) => {
    expect(parseRupiahSen(text)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    '12a', 'abc', '1.00.0', '--5', '-', '-Rp -5', '+-5', '5-',
    '50.', ',50', '.5', '50,', '50 009', '1.000,', '1,000.00.00',
    '1.234,567', // three decimals after a mixed group: never sen
    '1,234.567',
    '1234.567', // a thousands group cannot start with four digits
    '0.500', // nor with a zero
    '05.000',
    '1.0000',
    '50,005,-', '50,5,-', '50.00,-', ',-', 'Rp ,-',
    '1.000,00,00',
    'Rp 50.009 CR', '50e3', '0x10', 'Infinity', 'NaN',
  ])('%j is invalid', (text) => {
    expect(parseRupiahSen(text)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an amount whose sen would pass MAX_SAFE_INTEGER', () => {
    expect(parseRupiahSen('90071992547409,91')).toEqual({ ok: true, sen: Number.MAX_SAFE_INTEGER });
    expect(parseRupiahSen('90071992547409,92')).toEqual({ ok: false, reason: 'tooLarge' });
    expect(parseRupiahSen('Rp 9.007.199.254.740.991')).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseRupiahSen(s).ok === 'boolean'));
  });

  it('reads Intl id-ID and en-US output of the same cents', () => {
    const id = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 2 });
    const en = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (sen) => {
        expect(parseRupiahSen(id.format(sen / 100))).toEqual({ ok: true, sen });
        expect(parseRupiahSen(en.format(sen / 100))).toEqual({ ok: true, sen });
      }),
    );
  });

  it('format → parse round-trips for any safe number of sen', () => {
    fc.assert(fc.property(safeInteger, (sen) => {
      expect(parseRupiahSen(formatRupiahSen(sen))).toEqual({ ok: true, sen: sen === 0 ? 0 : sen });
    }));
  });
});

describe('parseRupiahSen with a known decimal separator', () => {
  it.each([
    ['50.009', ',', 5000900],
    ['50.009,50', ',', 5000950],
    ['50009,5', ',', 5000950],
    ['50,009', '.', 5000900],
    ['50,009.50', '.', 5000950],
    ['50.50', '.', 5050],
    ['Rp 1.000,-', ',', 100000],
    ['1,000.-', '.', 100000],
  ] as const)('%j with decimal %j → %d sen', (text, decimalSeparator, sen) => {
    expect(parseRupiahSen(text, { decimalSeparator })).toEqual({ ok: true, sen });
  });

  it.each([
    ['50.50', ','], // a group of two is not Indonesian thousands
    ['50,009.00', ','],
    ['50.009', '.'], // three decimals is not sen
    ['50,50', '.'],
    ['1.000,00', '.'],
    ['1,000,-', '.'], // the whole-rupiah mark names the other separator
  ] as const)('%j with decimal %j is refused, not guessed', (text, decimalSeparator) => {
    expect(parseRupiahSen(text, { decimalSeparator })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('parseWholeRupiah', () => {
  it.each([
    ['Rp 50.009', 50009],
    ['50.009,00', 50009],
    ['50,009.00', 50009],
    ['Rp50.009,-', 50009],
    ['1.000.000', 1000000],
    ['-Rp 50.009', -50009],
    ['Rp 9.007.199.254.740.991', Number.MAX_SAFE_INTEGER],
  ])('%j → %d', (text, rupiah) => {
    expect(parseWholeRupiah(text)).toEqual({ ok: true, rupiah });
  });

  it.each(['50,5', '50.50', '1.234.567,89', '0,01'])('%j has sen: refused, not rounded', (text) => {
    expect(parseWholeRupiah(text)).toEqual({ ok: false, reason: 'fraction' });
  });

  it('passes through the other reasons', () => {
    expect(parseWholeRupiah(' ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseWholeRupiah('12a')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseWholeRupiah('9.007.199.254.740.992')).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('formatRupiah → parse round-trips for any safe integer', () => {
    fc.assert(fc.property(safeInteger, (n) => {
      const expected = { ok: true, rupiah: n === 0 ? 0 : n };
      expect(parseWholeRupiah(formatRupiah(n))).toEqual(expected);
      expect(parseWholeRupiah(formatNumberId(n))).toEqual(expected);
      expect(parseWholeRupiah(String(n))).toEqual(expected);
    }));
  });
});
