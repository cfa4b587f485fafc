import { z } from 'zod';
import type { MutationRow } from '../../shared/events/payments';
import { CODE_BLOCK_SIZE } from '../../shared/payments/unique-code';
import { sha256 } from '../crypto';
import type { Sql } from '../db/database';

// Bank feeds (a mutation service in the style of Moota): each credit or debit on a company account
// comes to head office as a signed POST. Head office keeps it once by the feed's own mutation id
// and sends it to the branch whose desk may have a payment with that total: the desk leased the
// residue of the amount. When no desk holds it (a credit nobody expected, or an amount with sen)
// every branch taking transfers on the account gets it, for a person to look at.

const amount = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d{1,2})?$/).transform(Number)]);
const kind = z.string().transform((k) => k.trim().toUpperCase()).pipe(z.enum(['CR', 'DB', 'CREDIT', 'DEBIT']));

/** One mutation as the feed sends it; `type` (or `kinds`) is CR or DB. */
export const feedMutation = z
  .object({
    mutation_id: z.union([z.string().min(1).max(100), z.number().int()]).transform(String),
    account_number: z.string().transform((s) => s.replace(/\D/g, '')).pipe(z.string().regex(/^\d{5,20}$/)),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/),
    amount,
    type: kind.optional(),
    kinds: kind.optional(),
    description: z.string().max(1000).default(''),
    balance: amount.nullable().optional(),
  })
  .refine((m) => m.type ?? m.kinds, { message: 'type', path: ['type'] });
export type FeedMutation = z.output<typeof feedMutation>;

/** A delivery is a list of mutations, bare or as `{ mutations: [...] }` / `{ data: [...] }`. */
export const feedBody = z.union([
  z.array(feedMutation).min(1).max(1000),
  z.object({ mutations: z.array(feedMutation).min(1).max(1000) }).transform((b) => b.mutations),
  z.object({ data: z.array(feedMutation).min(1).max(1000) }).transform((b) => b.data),
]);

const toSen = (rupiah: number) => Math.round(rupiah * 100);

/** The mutation as a statement row; its id and key come from the feed's id, so a retry is the same row. */
export function feedRow(m: FeedMutation): MutationRow {
  const direction = (m.type ?? m.kinds)!.startsWith('C') ? 'CR' : 'DB';
  const digest = sha256(`feed:${m.mutation_id}`);
  return {
    id: `feed-${digest.slice(0, 40)}`,
    date: m.date.slice(0, 10),
    time: m.date.length >= 16 ? m.date.slice(11, 16) : null,
    direction,
    amountSen: toSen(m.amount),
    description: m.description,
    reference: m.mutation_id.slice(0, 120),
    balanceSen: m.balance === null || m.balance === undefined ? null : toSen(m.balance),
    key: `feed:${m.mutation_id}`.slice(0, 300),
  };
}

export interface Route {
  branchCode: string;
  decider: string | null;
}

/**
 * How long a desk may go unseen (switched off, its line down) and still be given a fed credit to
 * decide: the SOP wants a payment paid within 15 minutes of the transfer, and an online desk pulls
 * every 30 seconds.
 */
export const DECIDER_UNSEEN_MS = 10 * 60_000;

/**
 * Where a fed mutation goes. A whole-rupiah credit whose residue a desk holds goes to that desk's
 * branch, for that desk to decide: only it can have given a payment that total. Anything else goes
 * to every branch of the account, decided by the branch's most recently seen desk. A revoked desk
 * decides nothing (it will never pull again), and a holder unseen for DECIDER_UNSEEN_MS leaves the
 * credit to its branch's most recently seen desk, which knows the holder's payments it synced.
 */
export async function routesOf(sql: Sql, accountNumber: string, row: MutationRow, now: number): Promise<Route[]> {
  if (row.direction === 'CR' && row.amountSen % 100 === 0) {
    const block = Math.floor(((row.amountSen / 100) % 1000) / CODE_BLOCK_SIZE);
    const [holder] = await sql<{ device_id: string; branch_code: string; last_seen_at: number | string | null }>(
      `SELECT l.device_id, l.branch_code, d.last_seen_at FROM ho_code_leases l JOIN ho_pay_accounts a ON a.account_number = l.account_number AND a.branch_code = l.branch_code
       JOIN devices d ON d.id = l.device_id AND d.revoked_at IS NULL
       WHERE l.account_number = ? AND l.block = ?`,
      [accountNumber, block],
    );
    if (holder) {
      const seen = holder.last_seen_at === null ? 0 : Number(holder.last_seen_at);
      const decider = now - seen <= DECIDER_UNSEEN_MS ? holder.device_id : ((await latestDesk(sql, holder.branch_code)) ?? holder.device_id);
      return [{ branchCode: holder.branch_code, decider }];
    }
  }
  const branches = await sql<{ branch_code: string }>(`SELECT branch_code FROM ho_pay_accounts WHERE account_number = ? ORDER BY branch_code`, [accountNumber]);
  const routes: Route[] = [];
  for (const { branch_code: branchCode } of branches) routes.push({ branchCode, decider: await latestDesk(sql, branchCode) });
  return routes;
}

/** The branch's desk in service seen most recently. */
async function latestDesk(sql: Sql, branchCode: string): Promise<string | null> {
  const [desk] = await sql<{ id: string }>(
    `SELECT id FROM devices WHERE branch_code = ? AND kind = 'desk' AND revoked_at IS NULL ORDER BY COALESCE(last_seen_at, 0) DESC, id LIMIT 1`,
    [branchCode],
  );
  return desk?.id ?? null;
}
