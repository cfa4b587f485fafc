import type { Sql } from '../db/database';
import { appendHeadofficeEventIn } from '../sync/origin';
import { DECIDER_UNSEEN_MS } from './feed';

// A fed credit goes to one desk to decide (feed.ts). Should that desk go unseen before it pulled
// the credit (switched off, its line down, revoked), the credit would wait for it: the payment
// would stay open past the SOP's 15 minutes. Head office keeps the credits it has not yet seen
// decided, and gives those of an unseen desk to the next desk of the branch that pulls.

/** How long a credit stays on the list: after a week a person has long dealt with it. */
const WAITING_KEPT_MS = 7 * 86_400_000;

/** A fed credit given to `decider` to decide, waiting until head office sees it decided. */
export async function noteWaiting(sql: Sql, branchCode: string, mutationId: string, decider: string, now: number): Promise<void> {
  // the list is trimmed here, as credits come, rather than at every pull
  await sql(`DELETE FROM ho_fed_waiting WHERE branch_code = ? AND routed_at < ?`, [branchCode, now - WAITING_KEPT_MS]);
  await sql(
    `INSERT INTO ho_fed_waiting (branch_code, mutation_id, decider, routed_at) VALUES (?, ?, ?, ?) ON CONFLICT (branch_code, mutation_id) DO NOTHING`,
    [branchCode, mutationId, decider, now],
  );
}

/** Credits of the branch a desk decided (or dropped as a statement's twin), by any desk: they wait no more. */
export async function settleWaiting(sql: Sql, branchCode: string | null, mutationIds: readonly string[]): Promise<void> {
  if (branchCode === null || mutationIds.length === 0) return;
  // the list is short (credits of the last minutes): read it rather than look up a thousand ids
  const waiting = await sql<{ mutation_id: string }>(`SELECT mutation_id FROM ho_fed_waiting WHERE branch_code = ?`, [branchCode]);
  if (waiting.length === 0) return;
  const decided = new Set(mutationIds);
  const settled = waiting.map((w) => w.mutation_id).filter((id) => decided.has(id));
  for (let c = 0; c < settled.length; c += 500) {
    const ids = settled.slice(c, c + 500);
    await sql(`DELETE FROM ho_fed_waiting WHERE branch_code = ? AND mutation_id IN (${ids.map(() => '?').join(', ')})`, [branchCode, ...ids]);
  }
}

/**
 * Before a desk's pull: its branch's credits waiting for a desk unseen for DECIDER_UNSEEN_MS (or
 * revoked) are given to this desk, which is pulling and so in service. The change travels as
 * `mutation.rerouted` in this very pull, and the desk's matching after the pull decides them.
 * The number of credits given.
 */
export async function rerouteWaiting(sql: Sql, device: { id: string; branch_code: string | null }, now: number): Promise<number> {
  const branch = device.branch_code;
  if (branch === null) return 0;
  const orphaned = await sql<{ mutation_id: string }>(
    `SELECT w.mutation_id FROM ho_fed_waiting w LEFT JOIN devices d ON d.id = w.decider
     WHERE w.branch_code = ? AND w.decider <> ? AND (d.id IS NULL OR d.revoked_at IS NOT NULL OR COALESCE(d.last_seen_at, 0) < ?)
     ORDER BY w.routed_at, w.mutation_id`,
    [branch, device.id, now - DECIDER_UNSEEN_MS],
  );
  for (const { mutation_id: mutationId } of orphaned) {
    const appended = await appendHeadofficeEventIn(sql, branch, { type: 'mutation.rerouted', payload: { mutationId, decider: device.id }, username: null }, now);
    if (!appended.ok) throw new Error(`mutation.rerouted refused: ${appended.verdict.reason}`);
    await sql(`UPDATE ho_fed_waiting SET decider = ?, routed_at = ? WHERE branch_code = ? AND mutation_id = ?`, [device.id, now, branch, mutationId]);
  }
  return orphaned.length;
}
