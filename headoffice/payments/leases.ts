import { planLease } from '../../shared/payments/unique-code';
import type { HeadofficeContext } from '../context';
import type { DeviceRow } from '../devices/devices';
import { appendHeadofficeEventIn } from '../sync/origin';
import { blockHolders } from './events';

export interface Lease {
  accountNumber: string;
  blocks: number[];
  expiresAt: number;
}

/**
 * Renews and tops up a desk's code blocks for each account of its branch, in one write
 * transaction: blocks are chosen and recorded under the single writer, so two desks asking at the
 * same moment never get the same block. Returns the leases written this time (none when every
 * lease is fresh).
 */
export async function leaseCodes(ctx: HeadofficeContext, device: DeviceRow): Promise<Lease[]> {
  const branch = device.branch_code;
  if (device.kind !== 'desk' || !branch) return [];
  return ctx.db.write(async (sql) => {
    const now = ctx.clock();
    const accounts = await sql<{ account_number: string }>(`SELECT account_number FROM ho_pay_accounts WHERE branch_code = ? ORDER BY account_number`, [branch]);
    const leased: Lease[] = [];
    for (const { account_number: accountNumber } of accounts) {
      const plan = planLease(await blockHolders(sql, accountNumber), device.id, now);
      if (!plan) continue;
      const lease = { accountNumber, blocks: plan.blocks, expiresAt: plan.expiresAt };
      const appended = await appendHeadofficeEventIn(sql, branch, { type: 'payments.codesLeased', payload: { deviceId: device.id, ...lease }, username: null }, now);
      if (appended.ok) leased.push(lease);
    }
    return leased;
  });
}
