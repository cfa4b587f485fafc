import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumberId, formatRupiah } from '../domain/money';
import { cleanText, isBlankCell, MAX_INVOICE_AMOUNT, readAmountCell, readDueDateCell, readEmail, readPhone, readTextCell, type CellValue } from './cells';

const value = <T>(read: { ok: true; value: T } | { ok: false; key: string }) => (read.ok ? read.value : read.key);

describe('text cells', () => {
  it('collapses spaces, line breaks and invisible characters', () => {
    expect(cleanText('  Budi\u00a0 \n Santoso\u200b ')).toBe('Budi Santoso');
  });

  it('cleans and tells blank cells exactly as the plain rule does, on its fast path too', () => {
    // the rule itself: invisible characters dropped, any run of whitespace one space, ends trimmed
    const rule = (text: string) => text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
    const char = fc.constantFrom('a', 'B', '7', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u200b', '\u200d', '\u2060', '\ufeff', "'", '/');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(cleanText(text)).toBe(rule(text));
        expect(isBlankCell(text)).toBe(rule(text) === '');
      }),
    );
  });

  it.each<[CellValue, string]>([
    ['  Andi ', 'Andi'],
    [12345, '12345'],
    [81234567890, '81234567890'],
    [null, ''],
    [undefined, ''],
    [new Date(Date.UTC(2026, 0, 7)), 'invoices.errors.textExpected'],
    [true, 'invoices.errors.textExpected'],
  ])('%o → %s', (cell, expected) => {
    expect(value(readTextCell(cell))).toBe(expected);
  });

  it('sees whitespace-only strings as blank', () => {
    expect(isBlankCell(' \u00a0')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });
});

describe('Jumlah', () => {
  it.each<[CellValue, number | string]>([
    [50000, 50000],
    ['50000', 50000],
    ['50.000', 50000],
    ['50.000,00', 50000],
    ['Rp 50.000', 50000],
    ['Rp50.000,-', 50000],
    ['IDR 1.250.000', 1250000],
    ['50,000', 50000],
    ['50,000.00', 50000],
    ['1,250,000', 1250000],
    ['50,00', 50],
    [' 75.500 ', 75500],
  ])('reads %o as %s', (cell, rupiah) => {
    expect(value(readAmountCell(cell))).toBe(rupiah);
  });

  it.each<[CellValue, string]>([
    ['50.5', 'invoices.errors.amountAmbiguous'],
    ['1,5', 'invoices.errors.amountAmbiguous'],
    ['50.50', 'invoices.errors.amountAmbiguous'],
    ['Rp 12,75', 'invoices.errors.amountAmbiguous'],
    ['50.000,50', 'invoices.errors.amountWhole'],
    ['50,000.25', 'invoices.errors.amountWhole'],
    [50000.5, 'invoices.errors.amountWhole'],
    [0, 'invoices.errors.amountPositive'],
    [-50000, 'invoices.errors.amountPositive'],
    ['-50.000', 'invoices.errors.amountPositive'],
    ['0', 'invoices.errors.amountPositive'],
    [MAX_INVOICE_AMOUNT + 1, 'invoices.errors.amountTooLarge'],
    ['99.999.999.999.999.999', 'invoices.errors.amountTooLarge'],
    ['lima puluh ribu', 'invoices.errors.amountUnreadable'],
    ['50 000', 'invoices.errors.amountUnreadable'],
    ['1.00.0', 'invoices.errors.amountUnreadable'],
    ['1e5', 'invoices.errors.amountUnreadable'],
    [Number.NaN, 'invoices.errors.amountUnreadable'],
    [true, 'invoices.errors.amountUnreadable'],
    [new Date(Date.UTC(2026, 0, 7)), 'invoices.errors.amountUnreadable'],
  ])('refuses %o (%s), never misreading it', (cell, key) => {
    expect(value(readAmountCell(cell))).toBe(key);
  });

  it('gives the text back in the refusal so the user sees what was read', () => {
    expect(readAmountCell(' 50.5 ')).toEqual({ ok: false, key: 'invoices.errors.amountAmbiguous', params: { value: '50.5' } });
  });
});

describe('Jatuh Tempo', () => {
  it.each<[CellValue, string]>([
    ['10/07/2026', '2026-07-10'],
    ['1/7/2026', '2026-07-01'],
    ['2026-07-10', '2026-07-10'],
    [46000, '2025-12-09'],
    [new Date(Date.UTC(2026, 6, 10)), '2026-07-10'],
    [new Date(2026, 6, 10), '2026-07-10'],
  ])('reads %o as %s', (cell, day) => {
    expect(value(readDueDateCell(cell))).toBe(day);
  });

  it('reads serials in the 1904 system when the workbook uses it', () => {
    expect(value(readDueDateCell(44538, true))).toBe('2025-12-09');
  });

  it.each<CellValue>(['31/02/2026', '07-10-2026', '10 Juli 2026', '2026/07/10', '10/07/26', 'besok', 20260710, true])('refuses %o as unreadable', (cell) => {
    expect(value(readDueDateCell(cell))).toBe('invoices.errors.dueDateUnreadable');
  });
});

describe('contacts', () => {
  it('lower-cases a valid email', () => {
    expect(value(readEmail('Budi.Santoso@Contoh.CO.ID'))).toBe('budi.santoso@contoh.co.id');
  });

  it.each(['budi@', 'budi contoh.co.id', 'a@b@c.id', 'budi@contoh', `${'a'.repeat(250)}@contoh.id`, 'a@x.id; b@y.id'])('refuses email %s', (text) => {
    expect(value(readEmail(text))).toBe('invoices.errors.email');
  });

  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['62 812 3456 7890', '+6281234567890'],
    ['81234567890', '+6281234567890'],
  ])('normalises phone %s to %s', (text, e164) => {
    expect(value(readPhone(text))).toBe(e164);
  });

  it.each([
    ['12', 'invoices.errors.phoneInvalid'],
    ['0812abc', 'invoices.errors.phoneInvalid'],
    ['021 2650 6300', 'invoices.errors.phoneNotMobile'],
    ['+65 8123 4567', 'invoices.errors.phoneNotIndonesian'],
  ])('refuses phone %s with %s', (text, key) => {
    expect(value(readPhone(text))).toBe(key);
  });
});

describe('Jumlah, for any amount', () => {
  const amount = fc.integer({ min: 1, max: MAX_INVOICE_AMOUNT });
  const english = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  it('reads every whole amount written the Indonesian or the English way', () => {
    fc.assert(
      fc.property(amount, (n) => {
        for (const text of [formatNumberId(n), `${formatRupiah(n)},00`, english(n), `${english(n)}.00`, String(n)]) {
          expect(readAmountCell(text)).toEqual({ ok: true, value: n });
        }
      }),
    );
  });

  it('never takes an amount with sen as a whole one', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 99 }), (n, sen) => {
        const cents = String(sen).padStart(2, '0');
        expect(readAmountCell(`${formatNumberId(n)},${cents}`).ok).toBe(false);
        expect(readAmountCell(`${english(n)}.${cents}`).ok).toBe(false);
        expect(readAmountCell(n + sen / 100).ok).toBe(false);
      }),
    );
  });
});
