import { describe, expect, it } from 'vitest';
import { DATE_FORMATS, type ColumnMapping } from '../../shared/statements/types';
import { ApiError } from '../../shared/api/errors';
import { asksForMapping, dateExample, letterOf, mappingForm, readMappingForm, type MappingForm } from './paymentMapping';

const SYARIAH: ColumnMapping = { headerRow: 4, date: 2, dateFormat: 'DD/MM/YYYY', description: 3, amount: 4, direction: 5, balance: 6, decimalSeparator: ',' };
const SPLIT: ColumnMapping = { headerRow: 1, date: 1, dateFormat: 'MM/DD/YYYY', description: 2, reference: 3, debit: 4, credit: 5, decimalSeparator: '.' };

describe('the mapping form', () => {
  it('starts from the usual Indonesian export when the account has no mapping', () => {
    expect(mappingForm(null)).toEqual({
      headerRow: 1,
      date: null,
      dateFormat: 'DD/MM/YYYY',
      description: null,
      reference: null,
      balance: null,
      layout: 'single',
      amount: null,
      direction: null,
      debit: null,
      credit: null,
      decimalSeparator: ',',
    });
  });

  it.each<[string, ColumnMapping]>([
    ['one amount column with CR/DB', SYARIAH],
    ['separate debit and credit columns', SPLIT],
    ['a signed amount column', { headerRow: 2, date: 1, dateFormat: 'YYYY-MM-DD', description: 3, amount: 4, decimalSeparator: '.' }],
  ])('shows a saved mapping and gives it back unchanged: %s', (_what, saved) => {
    expect(readMappingForm(mappingForm(saved))).toEqual({ ok: true, mapping: saved });
  });

  it('opens a debit and credit mapping on that layout', () => {
    expect(mappingForm(SPLIT).layout).toBe('split');
    expect(mappingForm(SYARIAH).layout).toBe('single');
  });

  it('sends only the chosen amount layout’s columns', () => {
    const form: MappingForm = { ...mappingForm(SYARIAH), layout: 'split', debit: 7, credit: 8 };
    const read = readMappingForm(form);
    expect(read).toEqual({ ok: true, mapping: { headerRow: 4, date: 2, dateFormat: 'DD/MM/YYYY', description: 3, balance: 6, debit: 7, credit: 8, decimalSeparator: ',' } });
  });

  it('names every field left empty, under its path in the contract', () => {
    expect(readMappingForm({ ...mappingForm(null), headerRow: null })).toEqual({
      ok: false,
      fields: [
        { field: 'mapping.headerRow', key: 'validation.required' },
        { field: 'mapping.date', key: 'validation.required' },
        { field: 'mapping.description', key: 'validation.required' },
        { field: 'mapping.amount', key: 'statements.errors.mappingAmount' },
      ],
    });
    expect(readMappingForm({ ...mappingForm(SYARIAH), layout: 'split', credit: 9 })).toEqual({ ok: false, fields: [{ field: 'mapping.debit', key: 'validation.required' }] });
  });
});

describe('helpers', () => {
  it('letters a column number as the sheet does, nothing for an empty field', () => {
    expect([1, 2, 26, 27, null, undefined, 0].map(letterOf)).toEqual(['A', 'B', 'Z', 'AA', '', '', '']);
  });

  it('offers Atur Kolom for the refusals it answers, and for no other', () => {
    expect(asksForMapping(new ApiError('bad_input', 'statements.errors.noMapping'))).toBe(true);
    expect(asksForMapping(new ApiError('bad_input', 'statements.errors.unknownLayout'))).toBe(true);
    expect(asksForMapping(new ApiError('bad_input', 'statements.errors.badMapping'))).toBe(true);
    expect(asksForMapping(new ApiError('bad_input', 'statements.errors.otherAccount'))).toBe(false);
    expect(asksForMapping(new Error('statements.errors.noMapping'))).toBe(false);
  });

  it('writes 24 November 2026 in each date format', () => {
    expect(DATE_FORMATS.map(dateExample)).toEqual(['24/11/2026', '24-11-2026', '2026-11-24', '11/24/2026', '24/11']);
  });
});
