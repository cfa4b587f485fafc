import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComplaintDesk, type ComplaintDesk } from '../complaints/testing';
import { applyFedTwins, fedDebitTwins, fedTwins, type WaitingCredit } from './fed-twins';

// A statement row and a fed credit of the same account, day and amount are one transfer, one for
// one: the fed row is dropped only while nobody decided it, and a statement row pairs once.
let t: ComplaintDesk;
beforeAll(async () => {
  t = await startComplaintDesk();
  t.core.db.prepare(`INSERT INTO pay_accounts (id, bank, number, holder, created_at) VALUES ('acc', 'BCA', '0123456789', 'PT', 0)`).run();
});
afterAll(() => t.close());

function row(id: string, source: 'statement' | 'feed', amountSen: number, status = 'new', date = '2026-11-21'): void {
  t.core.db
    .prepare(`INSERT INTO pay_mutations (id, account_id, date, direction, amount_sen, description, key, source, status) VALUES (?, 'acc', ?, 'CR', ?, 'TRSF', ?, ?, ?)`)
    .run(id, date, amountSen, `k-${id}`, source, status);
}

function debit(id: string, source: 'statement' | 'feed', date: string, decider: string | null = null): void {
  t.core.db
    .prepare(`INSERT INTO pay_mutations (id, account_id, date, direction, amount_sen, description, key, source, status, decider) VALUES (?, 'acc', ?, 'DB', 1000000, 'BIAYA ADM', ?, ?, 'debit', ?)`)
    .run(id, date, source === 'feed' ? `feed:${id}` : `k-${id}`, source, decider);
}

const fed = (id: string, amountSen: number, date = '2026-11-21'): WaitingCredit => ({ id, account: 'acc', date, time: '10:02', direction: 'CR', amountSen, fed: true });

describe('fed twins', () => {
  it('pairs fed credits with statement rows of their day and amount, one for one in statement order', () => {
    row('s1', 'statement', 5_000_900, 'matched');
    row('s2', 'statement', 5_000_900, 'unmatched');
    row('s3', 'statement', 7_500_000, 'unmatched', '2026-11-20');
    for (const id of ['f1', 'f2', 'f3', 'f4']) row(id, 'feed', id === 'f4' ? 7_500_000 : 5_000_900);
    const credits = [fed('f1', 5_000_900), fed('f2', 5_000_900), fed('f3', 5_000_900), fed('f4', 7_500_000), { ...fed('s9', 5_000_900), fed: false }];
    expect(fedTwins(t.core.db, credits)).toEqual([
      { fedId: 'f1', statementId: 's1' },
      { fedId: 'f2', statementId: 's2' },
    ]);
  });

  it('drops a fed row still new and names it on its statement row, which then pairs no more', () => {
    applyFedTwins(t.core.db, [{ fedId: 'f1', statementId: 's1' }]);
    const rows = () => t.core.db.prepare(`SELECT id, twin_id FROM pay_mutations WHERE id IN ('s1', 's2', 'f1', 'f2') ORDER BY id`).all();
    expect(rows()).toEqual([
      { id: 'f2', twin_id: null },
      { id: 's1', twin_id: 'f1' },
      { id: 's2', twin_id: null },
    ]);
    expect(fedTwins(t.core.db, [fed('f2', 5_000_900), fed('f3', 5_000_900)])).toEqual([{ fedId: 'f2', statementId: 's2' }]);
    // f2 decided here first (another desk's decision came before the pairing): both stay
    t.core.db.prepare(`UPDATE pay_mutations SET status = 'unmatched' WHERE id = 'f2'`).run();
    applyFedTwins(t.core.db, [{ fedId: 'f2', statementId: 's2' }]);
    expect(rows()).toEqual([
      { id: 'f2', twin_id: null },
      { id: 's1', twin_id: 'f1' },
      { id: 's2', twin_id: null },
    ]);
  });

  it('pairs the fed debits this desk decides, of the days asked, and drops them though a debit is never decided', () => {
    debit('sd1', 'statement', '2026-11-20');
    debit('sd2', 'statement', '2026-11-10');
    debit('fd1', 'feed', '2026-11-20', 'me');
    debit('fd2', 'feed', '2026-11-20', 'another-desk');
    debit('fd3', 'feed', '2026-11-10', 'me');
    // fd3 is older than the days asked; fd2 is another desk's to look at
    expect(fedDebitTwins(t.core.db, 'me', '2026-11-14')).toEqual([{ fedId: 'fd1', statementId: 'sd1' }]);
    expect(fedDebitTwins(t.core.db, 'another-desk', '2026-11-14')).toEqual([{ fedId: 'fd2', statementId: 'sd1' }]);
    applyFedTwins(t.core.db, [{ fedId: 'fd1', statementId: 'sd1' }]);
    expect(t.core.db.prepare(`SELECT id FROM pay_mutations WHERE id IN ('fd1', 'sd1')`).pluck().all()).toEqual(['sd1']);
    // the statement debit is taken: the other desk's fed debit finds none left
    expect(fedDebitTwins(t.core.db, 'another-desk', '2026-11-14')).toEqual([]);
  });
});
