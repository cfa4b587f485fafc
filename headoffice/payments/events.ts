import type { EventPayload, EventType } from '../../shared/events/index';
import { blockFreeFor, type BlockHolder } from '../../shared/payments/unique-code';
import type { Sql } from '../db/database';
import { fromHeadoffice } from '../rules/from-headoffice';
import type { IncomingEvent, Verdict } from '../rules/index';
import { settleWaiting } from './reroute';

// Mutation matching at head office. Accounts, payments, imports and verifications are the
// branch's and are kept as pushed; head office notes which branch takes transfers on which account
// (to route bank feeds and lease codes). Code leases and fed mutations are head office's alone: a
// desk that pushed one could hand itself another desk's codes, so one from a desk is refused.

type Rule<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<Verdict>;
type Effect<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<void>;
type PaymentsEventType = 'payments.accountAdded' | 'payments.codesLeased' | 'mutation.fed' | 'mutation.rerouted' | 'payments.matched' | 'payments.fedTwinned';

const OK: Verdict = { ok: true };
const conflict = (detail: string): Verdict => ({ ok: false, reason: 'conflict', detail });

/** Who holds each block of the account's residues, as leased. */
export async function blockHolders(sql: Sql, accountNumber: string): Promise<Map<number, BlockHolder>> {
  const rows = await sql<{ block: number; device_id: string; expires_at: number }>(
    `SELECT block, device_id, expires_at FROM ho_code_leases WHERE account_number = ?`,
    [accountNumber],
  );
  return new Map(rows.map((r) => [Number(r.block), { deviceId: r.device_id, expiresAt: Number(r.expires_at) }]));
}

export const paymentRules: { [T in PaymentsEventType]?: Rule<T> } = {
  'payments.accountAdded': async (_sql, event) => (event.branchCode === null ? conflict('errors.notFound') : OK),
  // The guarantee itself: whoever wrote the lease, no block goes to a second desk while the first
  // could still have a payment open in it.
  'payments.codesLeased': async (sql, event, p) => {
    if (!(await fromHeadoffice(sql, event))) return conflict('errors.forbidden');
    const [device] = await sql<{ branch_code: string | null }>(`SELECT branch_code FROM devices WHERE id = ? AND kind = 'desk'`, [p.deviceId]);
    if (!device || device.branch_code !== event.branchCode) return conflict('errors.notFound');
    const holders = await blockHolders(sql, p.accountNumber);
    return p.blocks.every((b) => blockFreeFor(holders, b, p.deviceId, event.at)) ? OK : conflict('errors.conflict');
  },
  'mutation.fed': async (sql, event) => ((await fromHeadoffice(sql, event)) ? OK : conflict('errors.forbidden')),
  'mutation.rerouted': async (sql, event) => ((await fromHeadoffice(sql, event)) ? OK : conflict('errors.forbidden')),
};

export const paymentEffects: { [T in PaymentsEventType]?: Effect<T> } = {
  // a fed credit decided (or dropped as a statement's twin) waits no more (reroute.ts)
  'payments.matched': (sql, event, p) => settleWaiting(sql, event.branchCode, p.decisions.map((d) => d.mutationId)),
  'payments.fedTwinned': (sql, event, p) => settleWaiting(sql, event.branchCode, p.pairs.map((pair) => pair.fedId)),
  'payments.accountAdded': async (sql, event, p) => {
    await sql(
      `INSERT INTO ho_pay_accounts (branch_code, account_number, bank, holder, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (branch_code, account_number) DO NOTHING`,
      [event.branchCode, p.number, p.bank, p.holder, event.at],
    );
  },
  'payments.codesLeased': async (sql, event, p) => {
    for (const block of p.blocks) {
      await sql(
        `INSERT INTO ho_code_leases (account_number, block, device_id, branch_code, leased_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_number, block) DO UPDATE SET device_id = excluded.device_id, branch_code = excluded.branch_code,
           leased_at = excluded.leased_at, expires_at = excluded.expires_at`,
        [p.accountNumber, block, p.deviceId, event.branchCode, event.at, p.expiresAt],
      );
    }
  },
};
