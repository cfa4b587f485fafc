import { parseRupiahSen } from '../domain/money';
import { readDate, type DateOrder } from './dates';
import type { ParsedMutation, RowProblem, StatementFormat } from './types';

// The one engine behind every column layout (BCA, Mandiri, BNI, BRI and saved mappings): which
// column holds what is the layout's; reading dates, amounts, directions, PEND rows, descriptions
// continued on the next line and footer totals is the same for all.

export interface Row {
  line: number;
  cells: string[];
}

export interface TableSpec {
  format: StatementFormat;
  /** index in rows of the header; data starts after it */
  headerIndex: number;
  date: number;
  description: number[];
  reference?: number | undefined;
  balance?: number | undefined;
  amount?: number | undefined;
  /** a CR/DB (C/D, K/D, Cr/Db) marker column */
  direction?: number | undefined;
  debit?: number | undefined;
  credit?: number | undefined;
  /** an account-number column on every row (BRI's NOREK): the statement's account is read from it */
  account?: number | undefined;
  decimalSeparator?: ',' | '.' | undefined;
  dateOrder?: DateOrder;
  yearFor: (month: number) => number | null;
}

export interface TableResult {
  mutations: ParsedMutation[];
  pending: { line: number; description: string }[];
  errors: RowProblem[];
  footerSeen: boolean;
  /** the account its first row names, when the layout has an account column (digits only) */
  accountNumber: string | null;
}

const FOOTER = /^(saldo|mutasi|total|jumlah|opening|closing|ending|beginning|starting)\b/i;
const CREDIT = /^(cr|c|k|kr|kredit|credit)$/i;
const DEBIT = /^(db|d|dr|debet|debit)$/i;

/** Whitespace that `\s+ → ' '` would change: two in a row, or one that is not a plain space. */
const SPACING = /\s\s|[^\S ]/;

/** Each run of whitespace made one space; a text already spaced so (most cells) is returned as it is, untouched. */
export function oneSpace(text: string): string {
  return SPACING.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** A cell as text: BCA's leading apostrophe dropped, runs of spaces made one. Fast when already clean. */
export function clean(text: string | undefined): string {
  if (!text) return '';
  let t = text.trim();
  if (t.charCodeAt(0) === 39 /* ' */) t = t.slice(1).trim();
  return oneSpace(t);
}

const cellAt = (row: Row, i: number | undefined) => (i === undefined ? '' : clean(row.cells[i]));

/** The description's cells joined by a space, empty ones left out. */
function descriptionOf(row: Row, columns: readonly number[]): string {
  if (columns.length === 1) return cellAt(row, columns[0]);
  let text = '';
  for (const i of columns) {
    const part = cellAt(row, i);
    if (part) text = text ? `${text} ${part}` : part;
  }
  return text;
}

/** A closing-totals row (`Saldo Akhir,=,2460139.00`): shorter than a transaction row by nature. */
export function isFooterRow(row: Row, date: number): boolean {
  const dateText = cellAt(row, date);
  return FOOTER.test(dateText) || (!dateText && FOOTER.test(clean(row.cells[0])));
}

const isBlank = (row: Row) => !row.cells.some((c) => c !== '' && clean(c) !== '');

const PLAIN_DOT = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;
const PLAIN_COMMA = /^(-?)(\d{1,13})(?:,(\d{1,2}))?$/;

function amountOf(text: string, decimalSeparator: ',' | '.' | undefined): number | null {
  // the common case of an export (`50009.00`, `50009,00`) read directly; anything else by the full rules
  const plain = decimalSeparator ? (decimalSeparator === '.' ? PLAIN_DOT : PLAIN_COMMA).exec(text) : null;
  if (plain) {
    const sen = Number(plain[2]) * 100 + Number((plain[3] ?? '').padEnd(2, '0'));
    return plain[1] ? -sen : sen;
  }
  const read = parseRupiahSen(text, decimalSeparator ? { decimalSeparator } : {});
  return read.ok ? read.sen : null;
}

export function readTable(rows: readonly Row[], spec: TableSpec): TableResult {
  const out: TableResult = { mutations: [], pending: [], errors: [], footerSeen: false, accountNumber: null };
  let last: ParsedMutation | null = null;
  for (let r = spec.headerIndex + 1; r < rows.length; r += 1) {
    const row = rows[r]!;
    if (isBlank(row)) continue;
    const dateText = cellAt(row, spec.date);
    const description = descriptionOf(row, spec.description);
    if (/^pend/i.test(dateText)) {
      out.pending.push({ line: row.line, description });
      last = null;
      continue;
    }
    if (isFooterRow(row, spec.date)) {
      out.footerSeen = true;
      last = null;
      continue;
    }
    if (!dateText) {
      // Mandiri and BCA continue a description on the next line with the date left empty.
      const hasAmount = Boolean(cellAt(row, spec.amount) || cellAt(row, spec.debit) || cellAt(row, spec.credit));
      if (last && !hasAmount && description) last.description = `${last.description} ${description}`;
      else if (hasAmount) out.errors.push({ row: row.line, key: 'statements.errors.date', params: { value: '' } });
      continue;
    }
    const date = readDate(dateText, spec.yearFor, spec.dateOrder);
    if (!date) {
      out.errors.push({ row: row.line, key: 'statements.errors.date', params: { value: dateText } });
      last = null;
      continue;
    }
    const decided = directionAndAmount(row, spec);
    if ('key' in decided) {
      out.errors.push({ ...decided, row: row.line });
      last = null;
      continue;
    }
    if (spec.account !== undefined) {
      // one statement is one account: a row of another (two exports pasted together) is refused
      const account = cellAt(row, spec.account).replace(/\D/g, '');
      out.accountNumber ??= account || null;
      if (account !== out.accountNumber) {
        out.errors.push({ row: row.line, key: 'statements.errors.rowAccount', params: { value: account, account: out.accountNumber ?? '' } });
        last = null;
        continue;
      }
    }
    const balanceText = cellAt(row, spec.balance).replace(/\s*(cr|db)$/i, '');
    const balance = balanceText ? amountOf(balanceText, spec.decimalSeparator) : null;
    last = {
      line: row.line,
      date: date.date,
      time: date.time,
      direction: decided.direction,
      amountSen: decided.amountSen,
      description,
      reference: cellAt(row, spec.reference) || null,
      balanceSen: balance,
    };
    out.mutations.push(last);
  }
  return out;
}

const bad = (value: string): RowProblem => ({ row: 0, key: 'statements.errors.amount', params: { value } });

function directionAndAmount(row: Row, spec: TableSpec): { direction: 'CR' | 'DB'; amountSen: number } | RowProblem {
  if (spec.debit !== undefined && spec.credit !== undefined) {
    const debitText = cellAt(row, spec.debit);
    const creditText = cellAt(row, spec.credit);
    const debit = debitText ? amountOf(debitText, spec.decimalSeparator) : 0;
    const credit = creditText ? amountOf(creditText, spec.decimalSeparator) : 0;
    if (debit === null) return bad(debitText);
    if (credit === null) return bad(creditText);
    if (debit > 0 && credit > 0) return bad(`${debitText} / ${creditText}`);
    if (debit === 0 && credit === 0) return bad(debitText || creditText);
    return credit > 0 ? { direction: 'CR', amountSen: credit } : { direction: 'DB', amountSen: Math.abs(debit) };
  }
  let text = cellAt(row, spec.amount);
  let marker = cellAt(row, spec.direction);
  // BCA's Excel export carries the marker in the amount: `50,009.00 CR`
  const suffix = /^(.*?)\s*\b(CR|DB|Cr|Db|C|D)$/.exec(text);
  if (suffix && /\d/.test(suffix[1]!)) {
    text = suffix[1]!;
    marker ||= suffix[2]!;
  }
  const amount = text ? amountOf(text, spec.decimalSeparator) : null;
  if (amount === null || amount === 0) return bad(text);
  if (marker) {
    if (CREDIT.test(marker)) return { direction: 'CR', amountSen: Math.abs(amount) };
    if (DEBIT.test(marker)) return { direction: 'DB', amountSen: Math.abs(amount) };
    return { row: 0, key: 'statements.errors.direction', params: { value: marker } };
  }
  if (spec.direction !== undefined) return { row: 0, key: 'statements.errors.direction', params: { value: '' } };
  return amount < 0 ? { direction: 'DB', amountSen: -amount } : { direction: 'CR', amountSen: amount };
}
