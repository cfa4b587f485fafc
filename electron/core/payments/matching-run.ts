import { MUTATION_CHUNK, type MatchDecisionEvent } from '../../../shared/events/payments';
import { matchCredits, type Credit, type Decision, type PaymentCandidate } from '../../../shared/payments/matching';
import type { Tx } from '../dispatch/types';
import { prepared, type Db } from '../ledger/sql';
import { branchZone } from '../complaints/settings';
import { FED_DEBIT_DAYS, fedDebitTwins, fedTwins, type FedTwin, type WaitingCredit } from './fed-twins';
import { localDayKey } from '../../../shared/domain/time';

// Matching runs with every import (its decisions travel in the import's own events, so each row
// is written once, already decided), after a feed arrives by pull, and on `serambi match` for any
// credit still new. The rules are shared/payments/matching.ts; this reads the payments once, with
// one prepared statement, and records the decisions in chunks.

export interface MatchCounts {
  matched: number;
  ambiguous: number;
  unmatched: number;
}

/** A payment as the matcher reads it: id, total, code, status, created_at, expires_at. */
type PaymentRow = [id: string, total: number, code: number, status: 'open' | 'paid', createdAt: number, expiresAt: number];

/**
 * The payments of one account with the totals of a JSON array, open or paid. CROSS JOIN keeps the
 * totals the outer loop, so each is one search of the index on account and total.
 */
export const PAYMENTS_OF_TOTALS = `SELECT p.id, p.total, p.code, p.status, p.created_at, p.expires_at FROM json_each(?) AS t
  CROSS JOIN pay_expected p INDEXED BY pay_expected_by_total ON p.account_id = ? AND p.total = t.value
  WHERE p.status IN ('open', 'paid')`;

/**
 * Decides `credits` against the payments of their totals, still open or already paid (those only
 * say why a credit matched none: "already paid"). Only the totals the credits carry are read, by
 * the index on account and total, so the work follows the credits, not the account's history.
 */
export function decide(db: Db, credits: readonly Credit[]): { decisions: MatchDecisionEvent[]; counts: MatchCounts } {
  const counts: MatchCounts = { matched: 0, ambiguous: 0, unmatched: 0 };
  if (credits.length === 0) return { decisions: [], counts };
  const totalsByAccount = new Map<string, Set<number>>();
  for (const c of credits) {
    // a credit with sen pays no payment (totals are whole rupiah)
    if (c.amountSen % 100 !== 0) continue;
    let totals = totalsByAccount.get(c.account);
    if (!totals) totalsByAccount.set(c.account, (totals = new Set()));
    totals.add(c.amountSen / 100);
  }
  // rows as arrays: a statement's credits can name a hundred thousand totals
  const select = prepared<[string, string], PaymentRow>(db, PAYMENTS_OF_TOTALS).raw(true);
  const payments: PaymentCandidate[] = [];
  for (const [account, totals] of totalsByAccount) {
    for (const [id, total, code, status, createdAt, expiresAt] of select.all(JSON.stringify([...totals]), account)) {
      payments.push({ id, account, total, code, status, createdAt, expiresAt });
    }
  }
  const decisions = matchCredits(credits, payments, branchZone(db)).map((d) => {
    counts[d.outcome] += 1;
    return decisionEvent(d);
  });
  return { decisions, counts };
}

/**
 * A decision as it travels: only its cause or count besides the outcome. The reason in words is
 * built from the credit's row when read, so 100,000 decisions format no amount and carry no text.
 */
export function decisionEvent(d: Decision): MatchDecisionEvent {
  const event: MatchDecisionEvent = { mutationId: d.creditId, outcome: d.outcome, paymentId: d.paymentId, candidates: d.candidates.length > 50 ? d.candidates.slice(0, 50) : d.candidates };
  if (d.detail.outcome === 'unmatched') event.cause = d.detail.cause;
  else if (d.detail.outcome === 'ambiguous') event.count = d.detail.count;
  return event;
}

type Emit = Pick<Tx, 'db' | 'emit'>;

/** The credits still new that `filter` selects, in statement order. */
export function waitingCredits(db: Db, filter = '', params: string[] = []): WaitingCredit[] {
  const rows = prepared<string[], [id: string, account: string, date: string, time: string | null, amountSen: number, source: string]>(
    db,
    `SELECT id, account_id, date, time, amount_sen, source FROM pay_mutations WHERE status = 'new' AND direction = 'CR' ${filter} ORDER BY seq`,
  )
    .raw(true)
    .all(...params);
  return rows.map(([id, account, date, time, amountSen, source]) => ({ id, account, date, time, direction: 'CR' as const, amountSen, fed: source === 'feed' }));
}

/**
 * Decides the credits still new that `filter` selects, and records the decisions; a fed credit a
 * statement already showed is dropped instead (fed-twins.ts).
 */
function matchWaiting(tx: Emit, filter: string, params: string[]): MatchCounts {
  let credits = waitingCredits(tx.db, filter, params);
  const twins = fedTwins(tx.db, credits);
  if (twins.length > 0) {
    emitTwins(tx, twins);
    const dropped = new Set(twins.map((twin) => twin.fedId));
    credits = credits.filter((c) => !dropped.has(c.id));
  }
  const { decisions, counts } = decide(tx.db, credits);
  for (let i = 0; i < decisions.length; i += MUTATION_CHUNK) tx.emit('payments.matched', { decisions: decisions.slice(i, i + MUTATION_CHUNK) });
  return counts;
}

/** Every credit not yet through matching (from a feed, or an older desk's import): a person asked. */
export function runMatching(tx: Emit): MatchCounts {
  return matchWaiting(tx, '', []);
}

/** Credits still new, but for fed ones head office gave another desk to decide. */
export function runMatchingOwn(tx: Emit, deviceId: string): MatchCounts {
  return matchWaiting(tx, `AND (source <> 'feed' OR decider IS NULL OR decider = ?)`, [deviceId]);
}

function emitTwins(tx: Emit, twins: readonly FedTwin[]): void {
  for (let i = 0; i < twins.length; i += MUTATION_CHUNK) tx.emit('payments.fedTwinned', { pairs: twins.slice(i, i + MUTATION_CHUNK) });
}

/**
 * After a pull: the fed credits head office gave this desk to decide, and its fed debits of the
 * last days a statement already showed. The other desks of the branch leave them to it and take
 * its decisions by pull.
 */
export function matchFedCredits(tx: Emit, deviceId: string, now: number): MatchCounts {
  const since = localDayKey(now - FED_DEBIT_DAYS * 86_400_000, branchZone(tx.db));
  const debits = fedDebitTwins(tx.db, deviceId, since);
  if (debits.length > 0) emitTwins(tx, debits);
  return matchWaiting(tx, `AND source = 'feed' AND decider = ?`, [deviceId]);
}
