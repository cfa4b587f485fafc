import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComplaintDesk, type ComplaintDesk } from '../complaints/testing';
import { decide, PAYMENTS_OF_TOTALS } from './matching-run';

// What matching reads: the payments of the totals its credits carry, by the index on account and
// total, whatever else the account holds. The clock is the test core's (21/11/2026 10:00 WIB).
let t: ComplaintDesk;
beforeAll(async () => {
  t = await startComplaintDesk();
  const db = t.core.db;
  db.prepare(`INSERT INTO pay_accounts (id, bank, number, holder, created_at) VALUES ('acc', 'BCA', '0123456789', 'PT', 0), ('other', 'BCA', '9876543210', 'PT', 0)`).run();
  const insert = db.prepare(`INSERT INTO pay_expected (id, account_id, base, code, total, reference, status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const now = t.clock.now;
  const open = (id: string, account: string, total: number, status = 'open') => insert.run(id, account, total - 9, 9, total, id, status, now - 60_000, now + 86_400_000);
  open('open-50009', 'acc', 50_009);
  open('paid-60009', 'acc', 60_009, 'paid');
  open('cancelled-70009', 'acc', 70_009, 'cancelled');
  open('other-account-50009', 'other', 50_009);
  // a history the credits do not name
  for (let i = 0; i < 500; i += 1) open(`history-${i}`, 'acc', 100_009 + i * 1000, 'paid');
});
afterAll(() => t.close());

const credit = (id: string, amountSen: number) => ({ id, account: 'acc', date: '2026-11-21', time: '10:05', direction: 'CR' as const, amountSen });

describe('decide', () => {
  it('finds the open payment of a credit’s total on its own account, and the paid one of another', () => {
    const { decisions, counts } = decide(t.core.db, [credit('m1', 5_000_900), credit('m2', 6_000_900), credit('m3', 7_000_900), credit('m4', 5_000_950)]);
    expect(decisions.map((d) => [d.mutationId, d.outcome, d.paymentId, d.cause])).toEqual([
      ['m1', 'matched', 'open-50009', undefined],
      ['m2', 'unmatched', null, 'alreadyPaid'],
      ['m3', 'unmatched', null, 'noPayment'],
      ['m4', 'unmatched', null, 'hasSen'],
    ]);
    expect(counts).toEqual({ matched: 1, ambiguous: 0, unmatched: 3 });
  });

  it('reads only the payments of the totals asked, each total one search of the index on account and total', () => {
    const read = t.core.db.prepare(PAYMENTS_OF_TOTALS).all(JSON.stringify([50_009, 60_009, 70_009, 1]), 'acc') as { id: string }[];
    expect(read.map((p) => p.id).sort()).toEqual(['open-50009', 'paid-60009']);
    const plan = (t.core.db.prepare(`EXPLAIN QUERY PLAN ${PAYMENTS_OF_TOTALS}`).all('[]', 'acc') as { detail: string }[]).map((p) => p.detail);
    expect(plan).toEqual([expect.stringMatching(/^SCAN t VIRTUAL TABLE/), 'SEARCH p USING INDEX pay_expected_by_total (account_id=? AND total=?)']);
  });
});
