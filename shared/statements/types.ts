import { z } from 'zod';
import { columnLetter } from './columns';

// What a bank statement file becomes before it is stored: mutations with their line in the file,
// or a precise refusal. Pure data, shared by the core, the CLI and the tests.

export type Cell = string | number | null;

/** A text file, or a sheet the core has read into rows of cells (as the sheet shows them). */
export type StatementSource = { kind: 'text'; fileName: string; text: string } | { kind: 'grid'; fileName: string; rows: Cell[][] };

export const STATEMENT_FORMATS = ['bca', 'mandiri', 'bni', 'bri', 'mt940', 'generic'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export interface ParsedMutation {
  /** 1-based line (text) or row (sheet) where the transaction starts */
  line: number;
  /** YYYY-MM-DD, the statement's local day */
  date: string;
  time: string | null;
  direction: 'CR' | 'DB';
  /** positive, in sen */
  amountSen: number;
  description: string;
  reference: string | null;
  /**
   * What the de-duplication key reads as the reference, where it is not the reference shown: an
   * MT940 row shows the bank's own reference, while its key reads the account owner's, as keys
   * held by ledgers always have (shared/statements/dedupe.ts).
   */
  keyReference?: string | null;
  balanceSen: number | null;
}

export interface RowProblem {
  row: number;
  key: string;
  params?: Record<string, string | number>;
}

export interface ParsedStatement {
  format: StatementFormat;
  accountNumber: string | null;
  period: { from: string; to: string } | null;
  mutations: ParsedMutation[];
  /** PEND rows: not booked yet, so not mutations; they come back booked in a later statement */
  pending: { line: number; description: string }[];
  errors: RowProblem[];
}

export type ParseResult = { ok: true; statement: ParsedStatement } | { ok: false; key: string; params?: Record<string, string | number> };

export const DATE_FORMATS = ['DD/MM/YYYY', 'DD-MM-YYYY', 'YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM'] as const;

// A column number out of range names the rule, not zod's bare bound, so the person can fix it.
const column = z.number().int('statements.errors.mappingColumn').min(1, 'statements.errors.mappingColumn').max(100, 'statements.errors.mappingColumn');

/** The columns a mapping names, the ones it cannot do without first: a clash is reported on the later one. */
const MAPPED_COLUMNS = ['date', 'description', 'amount', 'direction', 'debit', 'credit', 'reference', 'balance'] as const;

/**
 * A layout the parsers do not know, described once per account by the person importing it.
 * Columns are 1-based as spreadsheet users count them (A = 1). Either one amount column (with a
 * direction column, or the sign: negative is a debit) or separate debit and credit columns. No
 * column serves two fields: that is always a slip, and the rows would read as nonsense.
 */
export const columnMappingSchema = z
  .object({
    headerRow: z.number().int('statements.errors.mappingHeaderRow').min(1, 'statements.errors.mappingHeaderRow').max(100, 'statements.errors.mappingHeaderRow'),
    date: column,
    dateFormat: z.enum(DATE_FORMATS),
    description: column,
    reference: column.optional(),
    balance: column.optional(),
    amount: column.optional(),
    direction: column.optional(),
    debit: column.optional(),
    credit: column.optional(),
    decimalSeparator: z.enum([',', '.']),
  })
  .refine((m) => m.amount !== undefined || (m.debit !== undefined && m.credit !== undefined), { message: 'statements.errors.mappingAmount', path: ['amount'] })
  .superRefine((m, ctx) => {
    const seen = new Set<number>();
    for (const field of MAPPED_COLUMNS) {
      const at = m[field];
      if (at === undefined) continue;
      if (seen.has(at)) ctx.addIssue({ code: 'custom', message: 'statements.errors.mappingSameColumn', path: [field], params: { column: columnLetter(at) } });
      seen.add(at);
    }
  });
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export interface ParseOptions {
  format?: 'auto' | StatementFormat;
  mapping?: unknown;
  /** the chosen account's number: a statement of another account is refused */
  expectedAccount?: string;
  /** the year for DD/MM dates when the file names no period */
  fallbackYear?: number;
}
