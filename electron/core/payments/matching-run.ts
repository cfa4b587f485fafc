import { MUTATION_CHUNK, type MatchDecisionEvent } from '../../../shared/events/payments';
import { matchCredits, type Credit } from '../../../shared/payments/matching';
import type { Tx } from '../dispatch/types';
import { prepared, type Db } from '../ledger/sql';
import { branchZone } from '../complaints/settings';

// Matching runs with every import (its decisions travel in the import's own events, so each row
// is written once, already decided), after a feed arrives by pull, and on `serambi match` for any
// credit still new. The rules are shared/payments/matching.ts; this reads the payments once, with
// one prepared statement, and records the decisions in chunks.

export interface MatchCounts {
  matched: number;
  ambiguous: number;
  unmatched: number;
}

interface PaymentRow {
  id: string;
  account_id: string;
  total: number;
  code: number;
  status: 'open' | 'paid' | 'cancelled';
  created_at: number;
  expires_at: number;
}

/** Decides `credits` against the payments of their accounts still open or already paid. */
export function decide(db: Db, credits: readonly Credit[]): { decisions: MatchDecisionEvent[]; counts: MatchCounts } {
  const counts: MatchCounts = { matched: 0, ambiguous: 0, unmatched: 0 };
  if (credits.length === 0) return { decisions: [], counts };
  const select = prepared<[string], PaymentRow>(db, `SELECT id, account_id, total, code, status, created_at, expires_at FROM pay_expected WHERE account_id = ? AND status IN ('open', 'paid')`);
  // the paid ones are there only to say why a credit matched none ("already paid")
  const payments = [...new Set(credits.map((c) => c.account))].flatMap((account) =>
    select.all(account).map((p) => ({ id: p.id, account: p.account_id, total: p.total, code: p.code, status: p.status, createdAt: p.created_at, expiresAt: p.expires_at })),
  );
  const decisions = matchCredits(credits, payments, branchZone(db)).map((d) => {
    counts[d.outcome] += 1;
    return { mutationId: d.creditId, outcome: d.outcome, paymentId: d.paymentId, candidates: d.candidates.slice(0, 50), reason: d.reason };
  });
  return { decisions, counts };
}

type Emit = Pick<Tx, 'db' | 'emit'>;

/** Decides the credits still new that `filter` selects, and records the decisions. */
function matchWaiting(tx: Emit, filter: string, params: string[]): MatchCounts {
  const rows = prepared<string[], { id: string; account_id: string; date: string; time: string | null; amount_sen: number }>(
    tx.db,
    `SELECT id, account_id, date, time, amount_sen FROM pay_mutations WHERE status = 'new' AND direction = 'CR' ${filter} ORDER BY seq`,
  ).all(...params);
  const { decisions, counts } = decide(
    tx.db,
    rows.map((c) => ({ id: c.id, account: c.account_id, date: c.date, time: c.time, direction: 'CR' as const, amountSen: c.amount_sen })),
  );
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

/**
 * After a pull: the fed credits head office gave this desk to decide. The other desks of the
 * branch leave them to it and take its decision by pull.
 */
export function matchFedCredits(tx: Emit, deviceId: string): MatchCounts {
  return matchWaiting(tx, `AND source = 'feed' AND decider = ?`, [deviceId]);
}
