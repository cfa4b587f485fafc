import type { Credit } from '../../../shared/payments/matching';
import { prepared, type Db } from '../ledger/sql';

// The same transfer by statement first and by the bank feed after (a feed that came late) is one
// mutation. The statement's import already pairs a fed row that came before it (import-handlers,
// pairWithFeeds); this is the other order: a fed row whose transfer a statement row of its account,
// day, direction and amount already shows is dropped, by the desk that decides it. A fed credit is
// looked at when it is about to be decided; a fed debit, which waits for no decision, each time
// its deciding desk pulls, for FED_DEBIT_DAYS.

/** A credit still waiting for matching, and whether the bank feed brought it. */
export type WaitingCredit = Credit & { fed: boolean };

export interface FedTwin {
  fedId: string;
  statementId: string;
}

/** How many days back a fed debit still keyed by the feed is looked at for its statement row. */
export const FED_DEBIT_DAYS = 7;

type FedRow = Pick<Credit, 'id' | 'account' | 'date' | 'direction' | 'amountSen'>;

/**
 * The statement rows that already show `fed`, one for one in statement order: two identical
 * transfers fed in a day take two identical statement rows, a third none.
 */
function twinsOf(db: Db, fed: readonly FedRow[]): FedTwin[] {
  if (fed.length === 0) return [];
  const shown = prepared<[number, string, string, string], string>(
    db,
    `SELECT id FROM pay_mutations WHERE amount_sen = ? AND account_id = ? AND date = ? AND direction = ? AND source = 'statement' AND twin_id IS NULL ORDER BY seq`,
  ).pluck(true);
  const taken = new Set<string>();
  const twins: FedTwin[] = [];
  for (const row of fed) {
    const statementId = shown.all(row.amountSen, row.account, row.date, row.direction).find((id) => !taken.has(id));
    if (statementId === undefined) continue;
    taken.add(statementId);
    twins.push({ fedId: row.id, statementId });
  }
  return twins;
}

/** The fed credits among `credits` that a statement row already shows. */
export function fedTwins(db: Db, credits: readonly WaitingCredit[]): FedTwin[] {
  return twinsOf(
    db,
    credits.filter((c) => c.fed),
  );
}

/** The fed debits `deviceId` decides, dated `since` (YYYY-MM-DD) or later, that a statement row already shows. */
export function fedDebitTwins(db: Db, deviceId: string, since: string): FedTwin[] {
  const debits = prepared<[string, string], [id: string, account: string, date: string, amountSen: number]>(
    db,
    `SELECT id, account_id, date, amount_sen FROM pay_mutations
     WHERE date >= ? AND source = 'feed' AND direction = 'DB' AND decider = ? AND key LIKE 'feed:%' ORDER BY seq`,
  )
    .raw(true)
    .all(since, deviceId);
  return twinsOf(
    db,
    debits.map(([id, account, date, amountSen]) => ({ id, account, date, direction: 'DB' as const, amountSen })),
  );
}

/** Drops each fed row still undecided here (a debit is never decided) and names it on its statement row. */
export function applyFedTwins(db: Db, pairs: readonly FedTwin[]): void {
  const drop = prepared(db, `DELETE FROM pay_mutations WHERE id = ? AND source = 'feed' AND status IN ('new', 'debit')`);
  const name = prepared(db, `UPDATE pay_mutations SET twin_id = ? WHERE id = ? AND twin_id IS NULL`);
  for (const pair of pairs) {
    // a fed credit another desk's decision reached first stays, decided: both are then shown
    if (drop.run(pair.fedId).changes > 0) name.run(pair.fedId, pair.statementId);
  }
}
