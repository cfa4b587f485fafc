import type { BankAccountView, ExpectedPaymentView, MutationView } from '../../../shared/api/methods/payments';
import { decisionReason, reasonBase, type UnmatchedCause } from '../../../shared/payments/matching';
import { columnMappingSchema, type ColumnMapping } from '../../../shared/statements/types';
import { prepared, type Db } from '../ledger/sql';

// The SQL of the payments desk's reads. Tables are written only by ./projectors.ts.

export interface AccountRow {
  id: string;
  bank: string;
  number: string;
  holder: string;
  mapping: string | null;
}

export interface PaymentRow {
  id: string;
  account_id: string;
  bank: string;
  number: string;
  base: number;
  code: number;
  total: number;
  reference: string;
  payer_name: string | null;
  status: 'open' | 'paid' | 'cancelled';
  created_at: number;
  created_by: string | null;
  expires_at: number;
  paid_at: number | null;
  paid_how: 'auto' | 'manual' | null;
  mutation_id: string | null;
  /** the paying credit's decision, as its row keeps it (see mutationReason) */
  m_status: MutationView['status'] | null;
  m_date: string | null;
  m_time: string | null;
  m_amount_sen: number | null;
  m_candidates: string | null;
  m_reason: string | null;
}

export interface MutationRowDb {
  id: string;
  account_id: string;
  date: string;
  time: string | null;
  direction: 'CR' | 'DB';
  amount_sen: number;
  description: string;
  reference: string | null;
  balance_sen: number | null;
  source: 'statement' | 'feed';
  both_sources: 0 | 1;
  status: MutationView['status'];
  payment_id: string | null;
  payment_reference: string | null;
  payment_code: number | null;
  candidates: string | null;
  reason: string | null;
}

type Reason = NonNullable<MutationView['reason']>;

/**
 * A credit's decision in words, read from its row: the day, time and amount are the row's own, the
 * code its payment's, the count its candidates'. The row keeps only what these cannot tell: why an
 * unmatched credit paid none (`reason` holds the cause, e.g. 'expired'), and for an ambiguous one
 * the number of open payments when more were found than the 50 it lists.
 */
export function mutationReason(row: {
  status: MutationView['status'];
  date: string;
  time: string | null;
  amount_sen: number;
  candidates: string | null;
  reason: string | null;
  payment_code: number | null;
}): Reason | null {
  const credit = { date: row.date, time: row.time, amountSen: row.amount_sen };
  switch (row.status) {
    case 'matched':
      // the payment is always on the desk that holds its credit; without it the code is not known
      return row.payment_code === null ? { key: 'payments.reasons.unique', params: reasonBase(credit) } : decisionReason(credit, { outcome: 'matched', code: row.payment_code });
    case 'ambiguous':
      return decisionReason(credit, { outcome: 'ambiguous', count: row.reason ? Number(row.reason) : row.candidates ? (JSON.parse(row.candidates) as string[]).length : 0 });
    case 'unmatched':
      return decisionReason(credit, { outcome: 'unmatched', cause: (row.reason ?? 'noPayment') as UnmatchedCause });
    case 'verified':
    case 'unrelated':
      return { key: 'payments.reasons.manual', params: {} };
    default:
      return null;
  }
}

export function findAccount(db: Db, id: string): AccountRow | undefined {
  return prepared<[string], AccountRow>(db, `SELECT id, bank, number, holder, mapping FROM pay_accounts WHERE id = ?`).get(id);
}

export function listAccounts(db: Db): AccountRow[] {
  return prepared<[], AccountRow>(db, `SELECT id, bank, number, holder, mapping FROM pay_accounts ORDER BY bank, number`).all();
}

/** This desk's unexpired blocks of an account's total residues. */
export function leasedBlocks(db: Db, accountNumber: string, deviceId: string, now: number): { blocks: number[]; expiresAt: number | null } {
  const rows = prepared<[string, string, number], { block: number; expires_at: number }>(
    db,
    `SELECT block, expires_at FROM pay_code_leases WHERE account_number = ? AND device_id = ? AND expires_at > ? ORDER BY block`,
  ).all(accountNumber, deviceId, now);
  return { blocks: rows.map((r) => r.block), expiresAt: rows.length ? Math.min(...rows.map((r) => r.expires_at)) : null };
}

export function accountView(account: AccountRow, codes: { blocks: number[]; state: BankAccountView['codes']; expiresAt: number | null }): BankAccountView {
  return {
    id: account.id,
    bank: account.bank,
    number: account.number,
    holder: account.holder,
    blocks: codes.blocks,
    codes: codes.state,
    leaseExpiresAt: codes.expiresAt,
    mapping: savedMapping(account.mapping),
  };
}

/**
 * The account's saved mapping as the contract shows it. One saved before the contract checked
 * mappings may not pass: it shows as none (the import says the mapping is incomplete), so the
 * account list still loads and Atur Kolom starts afresh.
 */
export function savedMapping(stored: string | null): ColumnMapping | null {
  if (!stored) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  const read = columnMappingSchema.safeParse(value);
  return read.success ? read.data : null;
}

const PAYMENT_COLUMNS = `p.id, p.account_id, a.bank, a.number, p.base, p.code, p.total, p.reference, p.payer_name, p.status, p.created_at,
  u.display_name AS created_by, p.expires_at, p.paid_at, p.paid_how, p.mutation_id,
  m.status AS m_status, m.date AS m_date, m.time AS m_time, m.amount_sen AS m_amount_sen, m.candidates AS m_candidates, m.reason AS m_reason`;
// a paid payment's reason is its credit's decision
const PAYMENT_FROM = `FROM pay_expected p JOIN pay_accounts a ON a.id = p.account_id LEFT JOIN users u ON u.id = p.created_by
  LEFT JOIN pay_mutations m ON m.id = p.mutation_id`;

export function paymentView(row: PaymentRow, now: number): ExpectedPaymentView {
  return {
    id: row.id,
    accountId: row.account_id,
    accountLabel: `${row.bank} ${row.number}`,
    base: row.base,
    uniqueCode: row.code,
    total: row.total,
    reference: row.reference,
    payerName: row.payer_name,
    // an open payment past its window is expired by reading: no timer has to write it
    status: row.status === 'open' && row.expires_at <= now ? 'expired' : row.status,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    paidAt: row.paid_at,
    mutationId: row.mutation_id,
    paidHow: row.paid_how,
    reason: paymentReason(row),
  };
}

function paymentReason(row: PaymentRow): ExpectedPaymentView['reason'] {
  const decided =
    row.m_status !== null && row.m_date !== null && row.m_amount_sen !== null
      ? mutationReason({ status: row.m_status, date: row.m_date, time: row.m_time, amount_sen: row.m_amount_sen, candidates: row.m_candidates, reason: row.m_reason, payment_code: row.code })
      : null;
  return decided ?? (row.paid_how === 'manual' ? { key: 'payments.reasons.manual' } : null);
}

export function findPayment(db: Db, id: string): PaymentRow | undefined {
  return prepared<[string], PaymentRow>(db, `SELECT ${PAYMENT_COLUMNS} ${PAYMENT_FROM} WHERE p.id = ?`).get(id);
}

export function listPayments(
  db: Db,
  filter: { accountId?: string | undefined; status?: ExpectedPaymentView['status'] | undefined; text?: string | undefined; limit: number },
  now: number,
): ExpectedPaymentView[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.accountId) {
    where.push('p.account_id = ?');
    args.push(filter.accountId);
  }
  if (filter.status === 'open') {
    where.push(`p.status = 'open' AND p.expires_at > ?`);
    args.push(now);
  } else if (filter.status === 'expired') {
    where.push(`p.status = 'open' AND p.expires_at <= ?`);
    args.push(now);
  } else if (filter.status) {
    where.push('p.status = ?');
    args.push(filter.status);
  }
  if (filter.text) {
    const digits = filter.text.replace(/\D/g, '');
    where.push(`(p.reference LIKE ? ESCAPE '\\' OR p.payer_name LIKE ? ESCAPE '\\'${digits ? ' OR p.total = ?' : ''})`);
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    args.push(like, like, ...(digits ? [Number(digits)] : []));
  }
  const sql = `SELECT ${PAYMENT_COLUMNS} ${PAYMENT_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.created_at DESC LIMIT ?`;
  return db
    .prepare<unknown[], PaymentRow>(sql)
    .all(...args, filter.limit)
    .map((r) => paymentView(r, now));
}

/** Open payments of an account with that total: the unique-code check and the matcher's candidates. */
export function openTotalTaken(db: Db, accountId: string, total: number, now: number): boolean {
  return !!prepared<[string, number, number], { one: number }>(
    db,
    `SELECT 1 AS one FROM pay_expected WHERE account_id = ? AND total = ? AND status = 'open' AND expires_at > ? LIMIT 1`,
  ).get(accountId, total, now);
}

// a fed row a statement showed after it took the statement row's key; a statement row the feed
// brought after it names the fed row it stands for (twin_id)
const MUTATION_COLUMNS = `m.id, m.account_id, m.date, m.time, m.direction, m.amount_sen, m.description, m.reference, m.balance_sen, m.source, m.status,
  m.payment_id, p.reference AS payment_reference, p.code AS payment_code, m.candidates, m.reason,
  (m.twin_id IS NOT NULL OR (m.source = 'feed' AND m.key NOT LIKE 'feed:%')) AS both_sources`;

export function mutationView(row: MutationRowDb): MutationView {
  return {
    id: row.id,
    accountId: row.account_id,
    date: row.date,
    time: row.time,
    direction: row.direction,
    amountSen: row.amount_sen,
    description: row.description,
    reference: row.reference,
    balanceSen: row.balance_sen,
    source: row.source,
    bothSources: row.both_sources === 1,
    status: row.status,
    paymentId: row.payment_id,
    paymentReference: row.payment_reference,
    candidates: row.candidates ? (JSON.parse(row.candidates) as string[]) : [],
    reason: mutationReason(row),
  };
}

export function findMutation(db: Db, id: string): MutationRowDb | undefined {
  return prepared<[string], MutationRowDb>(db, `SELECT ${MUTATION_COLUMNS} FROM pay_mutations m LEFT JOIN pay_expected p ON p.id = m.payment_id WHERE m.id = ?`).get(id);
}

export interface MutationFilter {
  accountId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  status?: MutationView['status'] | undefined;
  text?: string | undefined;
}

/**
 * One page of the history, newest first, and how many rows the filter has. Ordered by (date, seq)
 * so the (account_id, date, seq) and (date, seq) indexes serve both the order and the offset.
 */
export function listMutations(db: Db, filter: MutationFilter, offset: number, limit: number): { total: number; rows: MutationView[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (filter.accountId) add('m.account_id = ?', filter.accountId);
  if (filter.from) add('m.date >= ?', filter.from);
  if (filter.to) add('m.date <= ?', filter.to);
  if (filter.minAmount !== undefined) add('m.amount_sen >= ?', filter.minAmount * 100);
  if (filter.maxAmount !== undefined) add('m.amount_sen <= ?', filter.maxAmount * 100 + 99);
  if (filter.status) add('m.status = ?', filter.status);
  if (filter.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add(`(m.description LIKE ? ESCAPE '\\' OR m.reference LIKE ? ESCAPE '\\')`, like, like);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM pay_mutations m ${clause}`).get(...args)!.n;
  const rows = db
    .prepare<unknown[], MutationRowDb>(
      `SELECT ${MUTATION_COLUMNS} FROM pay_mutations m LEFT JOIN pay_expected p ON p.id = m.payment_id ${clause} ORDER BY m.date DESC, m.seq DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, offset);
  return { total, rows: rows.map(mutationView) };
}
