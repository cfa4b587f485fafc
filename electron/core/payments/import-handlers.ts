import { hash, randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { MethodName } from '../../../shared/api/index';
import type { MutationView } from '../../../shared/api/methods/payments';
import { MUTATION_CHUNK, type MatchDecisionEvent, type MutationRow } from '../../../shared/events/payments';
import { mutationKeys } from '../../../shared/statements/dedupe';
import { parseStatement } from '../../../shared/statements/parse';
import type { ParsedStatement } from '../../../shared/statements/types';
import type { CallContext, HandlerMap, Tx } from '../dispatch/types';
import { prepared, type Db } from '../ledger/sql';
import { existingAccount } from './expected-handlers';
import { decide, runMatching, runMatchingOwn, type MatchCounts } from './matching-run';
import { listMutations, type AccountRow } from './queries';
import { decodeFile, sourceOf } from './statement-file';

// Statement import: the file is read and parsed before the write transaction (it can take a
// moment on 100,000 rows); the transaction then drops the rows this account already holds (same
// de-duplication key), records the rest as chunked events and runs matching, all or nothing.

const SAMPLE_ROWS = 200;

interface Parsed {
  account: AccountRow;
  statement: ParsedStatement;
  rows: MutationRow[];
}

/**
 * The de-duplication key as stored: a 128-bit digest of the row's fingerprint and occurrence, so
 * the unique index and the journal carry 22 characters a row instead of the whole description.
 */
export function digest(key: string): string {
  return hash('sha256', key, 'base64url').slice(0, 22);
}

function parse(ctx: CallContext, input: { accountId: string; format: string; fileName: string; dataBase64: string }): Parsed {
  const account = existingAccount(ctx.core.db, input.accountId);
  const bytes = decodeFile(input.dataBase64);
  const mapping = account.mapping ? JSON.parse(account.mapping) : undefined;
  const result = parseStatement(sourceOf(input.fileName, bytes), {
    format: input.format as never,
    ...(mapping ? { mapping } : {}),
    expectedAccount: account.number,
    fallbackYear: new Date(ctx.core.clock()).getUTCFullYear(),
  });
  if (!result.ok) throw new ApiError('bad_input', result.key, result.params);
  const statement = result.statement;
  const keys = mutationKeys(account.number, statement.mutations);
  const rows = statement.mutations.map((m, i) => ({
    id: randomUUID(),
    date: m.date,
    time: m.time,
    direction: m.direction,
    amountSen: m.amountSen,
    description: m.description.slice(0, 1000),
    reference: m.reference ? m.reference.slice(0, 120) : null,
    balanceSen: m.balanceSen,
    key: digest(keys[i]!),
  }));
  return { account, statement, rows };
}

/**
 * The rows this account already holds, by key. A key is a digest of the row's fingerprint, which
 * includes its day, so a row already held lies within the statement's days: the keys the account
 * holds on those days are read in one pass (none, for days not imported before), or, when those
 * days hold many more rows than the file, each row's key is looked up instead.
 */
function splitDuplicates(db: Db, accountId: string, rows: readonly MutationRow[]): { fresh: MutationRow[]; duplicate: Set<string>; fed: FedPair[] } {
  const duplicate = new Set<string>();
  if (rows.length === 0) return { fresh: [], duplicate, fed: [] };
  let from = rows[0]!.date;
  let to = from;
  for (const row of rows) {
    if (row.date < from) from = row.date;
    if (row.date > to) to = row.date;
  }
  const heldThen = prepared<[string, string, string], number>(db, `SELECT count(*) FROM pay_mutations WHERE account_id = ? AND date BETWEEN ? AND ?`).pluck(true).get(accountId, from, to)!;
  let held: (key: string) => boolean;
  if (heldThen <= 2 * rows.length) {
    const keys = new Set(prepared<[string, string, string], string>(db, `SELECT key FROM pay_mutations WHERE account_id = ? AND date BETWEEN ? AND ?`).pluck(true).all(accountId, from, to));
    held = (key) => keys.has(key);
  } else {
    const known = prepared<[string, string], number>(db, `SELECT 1 FROM pay_mutations WHERE account_id = ? AND key = ?`).pluck(true);
    held = (key) => known.get(accountId, key) !== undefined;
  }
  const unheld: MutationRow[] = [];
  for (const row of rows) {
    if (held(row.key)) duplicate.add(row.id);
    else unheld.push(row);
  }
  const { fresh, fed } = pairWithFeeds(db, accountId, unheld, from, to);
  for (const pair of fed) duplicate.add(pair.rowId);
  return { fresh, duplicate, fed };
}

/** A statement row that is a credit or debit the bank feed already brought: the fed row takes its key. */
interface FedPair {
  rowId: string;
  mutationId: string;
  key: string;
}

/**
 * The same transfer by feed and then by statement is one mutation. A fed row not yet seen in a
 * statement (its key is still the feed's) pairs with a statement row of its day, direction and
 * amount, the first fed with the first in the file; each pair keeps the fed row, which takes the
 * statement row's key so a re-import finds it held. Two identical transfers fed once and shown
 * twice in the statement leave one statement row to import.
 */
function pairWithFeeds(db: Db, accountId: string, rows: readonly MutationRow[], from: string, to: string): { fresh: MutationRow[]; fed: FedPair[] } {
  const waiting = prepared<[string, string, string], { id: string; date: string; direction: string; amount_sen: number }>(
    db,
    `SELECT id, date, direction, amount_sen FROM pay_mutations WHERE account_id = ? AND date BETWEEN ? AND ? AND source = 'feed' AND key LIKE 'feed:%' ORDER BY seq`,
  ).all(accountId, from, to);
  if (waiting.length === 0) return { fresh: [...rows], fed: [] };
  const byTransfer = new Map<string, string[]>();
  for (const w of waiting) {
    const transfer = `${w.date}|${w.direction}|${w.amount_sen}`;
    const ids = byTransfer.get(transfer);
    if (ids) ids.push(w.id);
    else byTransfer.set(transfer, [w.id]);
  }
  const fresh: MutationRow[] = [];
  const fed: FedPair[] = [];
  for (const row of rows) {
    const mutationId = byTransfer.get(`${row.date}|${row.direction}|${row.amountSen}`)?.shift();
    if (mutationId) fed.push({ rowId: row.id, mutationId, key: row.key });
    else fresh.push(row);
  }
  return { fresh, fed };
}

function summaryOf(parsed: Parsed, imported: number, duplicates: number, fromFeed: number) {
  const { statement } = parsed;
  const credits = statement.mutations.filter((m) => m.direction === 'CR').length;
  return {
    format: statement.format,
    accountNumber: statement.accountNumber,
    period: statement.period,
    rows: statement.mutations.length,
    credits,
    debits: statement.mutations.length - credits,
    imported,
    duplicates,
    fromFeed,
    pending: statement.pending.length,
    errors: statement.errors,
  };
}

function previewRow(accountId: string, row: MutationRow, duplicate: boolean, fromFeed: boolean): MutationView & { duplicate: boolean; fromFeed: boolean } {
  return {
    id: row.id,
    accountId,
    date: row.date,
    time: row.time,
    direction: row.direction,
    amountSen: row.amountSen,
    description: row.description,
    reference: row.reference,
    balanceSen: row.balanceSen,
    source: 'statement',
    bothSources: false,
    status: row.direction === 'DB' ? 'debit' : 'new',
    paymentId: null,
    paymentReference: null,
    candidates: [],
    reason: null,
    duplicate,
    fromFeed,
  };
}

/**
 * Records the fresh rows as chunked events, each carrying the matching decisions of its own
 * credits, so every row is written once, already decided. The last chunk carries the summary.
 */
function record(tx: Tx, parsed: Parsed, fileName: string, fresh: MutationRow[], fed: FedPair[], summary: ReturnType<typeof summaryOf>): { importId: string; counts: MatchCounts } {
  const importId = randomUUID();
  const credits = fresh.filter((r) => r.direction === 'CR').map((r) => ({ id: r.id, account: parsed.account.id, date: r.date, time: r.time, direction: 'CR' as const, amountSen: r.amountSen }));
  const { decisions, counts } = decide(tx.db, credits);
  const byRow = new Map<string, MatchDecisionEvent>(decisions.map((d) => [d.mutationId, d]));
  const chunks = Math.max(1, Math.ceil(fresh.length / MUTATION_CHUNK), Math.ceil(fed.length / MUTATION_CHUNK));
  for (let c = 0; c < chunks; c += 1) {
    const last = c === chunks - 1;
    const rows = fresh.slice(c * MUTATION_CHUNK, (c + 1) * MUTATION_CHUNK);
    tx.emit('statement.imported', {
      importId,
      accountId: parsed.account.id,
      fileName: fileName.slice(0, 255),
      format: parsed.statement.format,
      chunk: c,
      rows,
      decisions: rows.flatMap((r) => byRow.get(r.id) ?? []),
      fed: fed.slice(c * MUTATION_CHUNK, (c + 1) * MUTATION_CHUNK).map((pair) => ({ mutationId: pair.mutationId, key: pair.key })),
      summary: last ? { rows: summary.rows, credits: summary.credits, debits: summary.debits, imported: summary.imported, duplicates: summary.duplicates } : null,
    });
  }
  return { importId, counts };
}

type Method = 'statement.preview' | 'statement.import' | 'payments.match' | 'mutations.list';

export const importHandlers: HandlerMap<Extract<MethodName, Method>> = {
  'statement.preview': {
    prepare: async (input, ctx) => parse(ctx, input),
    run: (tx, _input, parsed: Parsed) => {
      const { fresh, duplicate, fed } = splitDuplicates(tx.db, parsed.account.id, parsed.rows);
      const fedRows = new Set(fed.map((pair) => pair.rowId));
      return {
        ...summaryOf(parsed, fresh.length, duplicate.size, fed.length),
        sample: parsed.rows.slice(0, SAMPLE_ROWS).map((r) => previewRow(parsed.account.id, r, duplicate.has(r.id), fedRows.has(r.id))),
      };
    },
  },
  'statement.import': {
    prepare: async (input, ctx) => parse(ctx, input),
    run: (tx, input, parsed: Parsed) => {
      const { statement } = parsed;
      if (statement.errors.length > 0) {
        throw new ApiError(
          'bad_input',
          'statements.errors.rowsRefused',
          { count: statement.errors.length },
          statement.errors.map((e) => ({ path: `rows.${e.row}`, key: e.key, params: { row: e.row, ...(e.params ?? {}) } })),
        );
      }
      if (statement.mutations.length === 0) throw new ApiError('bad_input', 'statements.errors.noMutations');
      const { fresh, duplicate, fed } = splitDuplicates(tx.db, parsed.account.id, parsed.rows);
      const summary = summaryOf(parsed, fresh.length, duplicate.size, fed.length);
      const { importId, counts } = record(tx, parsed, input.fileName, fresh, fed, summary);
      // credits still new from before (an older import) go through too; a feed another desk decides is left to it
      const earlier = runMatchingOwn(tx, tx.core.deviceId);
      return { ...summary, importId, matched: counts.matched + earlier.matched, ambiguous: counts.ambiguous + earlier.ambiguous, unmatched: counts.unmatched + earlier.unmatched };
    },
  },
  'payments.match': { run: (tx) => runMatching(tx) },
  'mutations.list': {
    run: (tx, input) => listMutations(tx.db, input, input.offset, input.limit),
  },
};
