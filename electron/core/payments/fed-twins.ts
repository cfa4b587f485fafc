import type { Credit } from '../../../shared/payments/matching';
import { prepared, type Db } from '../ledger/sql';

// The same transfer by statement first and by the bank feed after (a feed that came late) is one
// mutation. The statement's import already pairs a fed row that came before it (import-handlers,
// pairWithFeeds); this is the other order: a fed credit about to be decided whose transfer a
// statement row of its account, day and amount already shows is not decided but dropped.

/** A credit still waiting for matching, and whether the bank feed brought it. */
export type WaitingCredit = Credit & { fed: boolean };

export interface FedTwin {
  fedId: string;
  statementId: string;
}

/**
 * The fed credits among `credits` that a statement row already shows, one for one in statement
 * order: two identical transfers fed in a day take two identical statement rows, a third none.
 */
export function fedTwins(db: Db, credits: readonly WaitingCredit[]): FedTwin[] {
  const fed = credits.filter((c) => c.fed);
  if (fed.length === 0) return [];
  const shown = prepared<[number, string, string], string>(
    db,
    `SELECT id FROM pay_mutations WHERE amount_sen = ? AND account_id = ? AND date = ? AND direction = 'CR' AND source = 'statement' AND twin_id IS NULL ORDER BY seq`,
  ).pluck(true);
  const taken = new Set<string>();
  const twins: FedTwin[] = [];
  for (const credit of fed) {
    const statementId = shown.all(credit.amountSen, credit.account, credit.date).find((id) => !taken.has(id));
    if (statementId === undefined) continue;
    taken.add(statementId);
    twins.push({ fedId: credit.id, statementId });
  }
  return twins;
}

/** Drops each fed row still undecided here and names it on its statement row. */
export function applyFedTwins(db: Db, pairs: readonly FedTwin[]): void {
  const drop = prepared(db, `DELETE FROM pay_mutations WHERE id = ? AND source = 'feed' AND status = 'new'`);
  const name = prepared(db, `UPDATE pay_mutations SET twin_id = ? WHERE id = ? AND twin_id IS NULL`);
  for (const pair of pairs) {
    // a fed row another desk's decision reached first stays, decided: both are then shown
    if (drop.run(pair.fedId).changes > 0) name.run(pair.fedId, pair.statementId);
  }
}
