import { ApiError } from '../../shared/api/errors';
import { columnLetter } from '../../shared/statements/columns';
import type { ColumnMapping } from '../../shared/statements/types';

// Atur Kolom Mutasi's form, apart from the screen: a saved mapping as the form shows it, and the
// form back to a mapping, with the fields a person has left empty named before anything is sent.
// The core checks the rest again (ranges, a column used twice) and names the field it refuses.

export type DateFormat = ColumnMapping['dateFormat'];
/** single: one amount column (with a CR/DB column, or the sign); split: separate debit and credit */
export type AmountLayout = 'single' | 'split';

export interface MappingForm {
  headerRow: number | null;
  date: number | null;
  dateFormat: DateFormat;
  description: number | null;
  reference: number | null;
  balance: number | null;
  layout: AmountLayout;
  amount: number | null;
  direction: number | null;
  debit: number | null;
  credit: number | null;
  decimalSeparator: ColumnMapping['decimalSeparator'];
}

/** The form's number fields, under their paths in payments.saveMapping's input. */
export const MAPPING_COLUMNS = ['headerRow', 'date', 'description', 'reference', 'balance', 'amount', 'direction', 'debit', 'credit'] as const;
export type MappingColumn = (typeof MAPPING_COLUMNS)[number];
export const MAPPING_FIELDS = ['mapping.headerRow', 'mapping.date', 'mapping.dateFormat', 'mapping.description', 'mapping.reference', 'mapping.balance', 'mapping.amount', 'mapping.direction', 'mapping.debit', 'mapping.credit', 'mapping.decimalSeparator'] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

/**
 * A saved mapping as the form shows it; with none, the usual Indonesian export: day-first dates
 * and `50.009,00`, one amount column, the column names on the first row.
 */
export function mappingForm(saved: ColumnMapping | null): MappingForm {
  const at = (n: number | undefined) => n ?? null;
  return {
    headerRow: saved?.headerRow ?? 1,
    date: at(saved?.date),
    dateFormat: saved?.dateFormat ?? 'DD/MM/YYYY',
    description: at(saved?.description),
    reference: at(saved?.reference),
    balance: at(saved?.balance),
    layout: saved && saved.amount === undefined && saved.debit !== undefined ? 'split' : 'single',
    amount: at(saved?.amount),
    direction: at(saved?.direction),
    debit: at(saved?.debit),
    credit: at(saved?.credit),
    decimalSeparator: saved?.decimalSeparator ?? ',',
  };
}

export type MappingRead = { ok: true; mapping: ColumnMapping } | { ok: false; fields: { field: MappingField; key: string }[] };

/** The form as payments.saveMapping takes it: only the chosen amount layout's columns, empty optional ones left out. */
export function readMappingForm(form: MappingForm): MappingRead {
  const missing: { field: MappingField; key: string }[] = [];
  const need = (name: MappingColumn, key = 'validation.required'): number => {
    const value = form[name];
    if (value === null) missing.push({ field: `mapping.${name}`, key });
    return value ?? 0;
  };
  const optional = (name: MappingColumn) => (form[name] === null ? {} : { [name]: form[name] });
  const headerRow = need('headerRow');
  const date = need('date');
  const description = need('description');
  const amounts =
    form.layout === 'single'
      ? { amount: need('amount', 'statements.errors.mappingAmount'), ...optional('direction') }
      : { debit: need('debit'), credit: need('credit') };
  if (missing.length) return { ok: false, fields: missing };
  return {
    ok: true,
    mapping: { headerRow, date, dateFormat: form.dateFormat, description, ...optional('reference'), ...optional('balance'), ...amounts, decimalSeparator: form.decimalSeparator },
  };
}

/** `B`: the sheet's letter of a column number, empty while the field is. */
export const letterOf = (column: number | null | undefined): string => (column ? columnLetter(column) : '');

/** 24 November 2026 written in each format, so a person picks the one their file shows. */
export function dateExample(format: DateFormat): string {
  return format.replace('DD', '24').replace('MM', '11').replace('YYYY', '2026');
}

/** The refusals of an import that Atur Kolom answers: a layout Serambi does not know, or a mapping that no longer reads. */
const MAPPING_REFUSALS: readonly string[] = ['statements.errors.noMapping', 'statements.errors.unknownLayout', 'statements.errors.badMapping'];
export const asksForMapping = (error: unknown): boolean => error instanceof ApiError && MAPPING_REFUSALS.includes(error.key);
