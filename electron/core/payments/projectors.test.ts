import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchDecisionEvent } from '../../../shared/events/payments';
import { startComplaintDesk, type ComplaintDesk } from '../complaints/testing';
import type { Db } from '../ledger/sql';
import { paymentProjectors } from './projectors';

// Events applied to the desk's tables. A chunk of matching decisions: each credit still new takes its
// decision and pays its payment; a credit decided first (by this desk or another) keeps its own.
let t: ComplaintDesk;
let db: Db;
beforeAll(async () => {
  t = await startComplaintDesk();
  db = t.core.db;
  db.prepare(`INSERT INTO pay_accounts (id, bank, number, holder, created_at) VALUES ('a', 'BCA', '5550001', 'PT', 0)`).run();
});
afterAll(() => t.close());

const payment = (id: string, total: number) =>
  db.prepare(`INSERT INTO pay_expected (id, account_id, base, code, total, reference, status, created_at, expires_at) VALUES (?, 'a', ?, 1, ?, ?, 'open', 0, 9)`).run(id, total - 1, total, id);
const credit = (id: string, status: string) =>
  db.prepare(`INSERT INTO pay_mutations (id, account_id, date, direction, amount_sen, description, key, source, status) VALUES (?, 'a', '2026-11-21', 'CR', 100, 'X', ?, 'statement', ?)`).run(id, `k-${id}`, status);
const matched = (mutationId: string, paymentId: string): MatchDecisionEvent => ({
  mutationId,
  outcome: 'matched',
  paymentId,
  candidates: [],
  reason: { key: 'payments.reasons.unique', params: { when: '21/11', amount: 'Rp 1', code: 1 } },
});
const apply = (decisions: MatchDecisionEvent[]) =>
  db.transaction(() => paymentProjectors['payments.matched']!(db, { type: 'payments.matched', payload: { decisions }, at: 77, deviceId: 'other', userId: null }))();
const state = (table: string, id: string) => db.prepare(`SELECT status FROM ${table} WHERE id = ?`).pluck().get(id);

describe('payments.matched applied', () => {
  it('takes every decision of a chunk whose credits are all new, and pays their payments', () => {
    payment('P1', 10_001);
    payment('P2', 20_001);
    credit('M1', 'new');
    credit('M2', 'new');
    apply([matched('M1', 'P1'), matched('M2', 'P2')]);
    expect([state('pay_mutations', 'M1'), state('pay_mutations', 'M2'), state('pay_expected', 'P1'), state('pay_expected', 'P2')]).toEqual(['matched', 'matched', 'paid', 'paid']);
    expect(db.prepare(`SELECT paid_at, paid_how, mutation_id FROM pay_expected WHERE id = 'P2'`).get()).toEqual({ paid_at: 77, paid_how: 'auto', mutation_id: 'M2' });
  });

  it('leaves a credit decided first as it was, and pays only for the credits it decides', () => {
    payment('P3', 30_001);
    payment('P4', 40_001);
    credit('M3', 'new');
    credit('M4', 'unmatched');
    apply([matched('M3', 'P3'), matched('M4', 'P4'), matched('NOT-HERE', 'P4')]);
    expect([state('pay_mutations', 'M3'), state('pay_mutations', 'M4'), state('pay_expected', 'P3'), state('pay_expected', 'P4')]).toEqual(['matched', 'unmatched', 'paid', 'open']);
    expect(db.prepare(`SELECT payment_id FROM pay_mutations WHERE id = 'M4'`).pluck().get()).toBeNull();
  });
});

describe('statement.imported naming fed rows', () => {
  const row = (id: string, key: string) => ({ id, date: '2026-11-21', time: null, direction: 'CR' as const, amountSen: 500_000, description: 'TRSF BUDI', reference: null, balanceSen: null, key });
  const imported = (importId: string, rows: ReturnType<typeof row>[], fed: { mutationId: string; key: string }[]) =>
    paymentProjectors['statement.imported']!(db, {
      type: 'statement.imported',
      payload: { importId, accountId: 'a', fileName: 'bca.csv', format: 'bca', chunk: 0, rows, decisions: [], fed, summary: null },
      at: 78,
      deviceId: 'other',
      userId: null,
    });

  it('gives the fed row the statement row’s key, unless this desk already holds that key from its own import', () => {
    paymentProjectors['mutation.fed']!(db, { type: 'mutation.fed', payload: { accountNumber: '5550001', row: row('F1', 'feed:m-1'), feedId: 'm-1', decider: null }, at: 70, deviceId: 'ho', userId: null });
    paymentProjectors['mutation.fed']!(db, { type: 'mutation.fed', payload: { accountNumber: '5550001', row: row('F2', 'feed:m-2'), feedId: 'm-2', decider: null }, at: 70, deviceId: 'ho', userId: null });
    imported('I1', [], [{ mutationId: 'F1', key: 'K1' }]);
    // this desk imported the statement of F2's day before it had F2: the key is taken, both rows stay
    imported('I2', [row('S2', 'K2')], []);
    expect(() => imported('I3', [], [{ mutationId: 'F2', key: 'K2' }])).not.toThrow();
    expect(db.prepare(`SELECT id, key FROM pay_mutations WHERE id IN ('F1', 'F2', 'S2') ORDER BY id`).all()).toEqual([
      { id: 'F1', key: 'K1' },
      { id: 'F2', key: 'feed:m-2' },
      { id: 'S2', key: 'K2' },
    ]);
  });
});

describe('mutation.rerouted applied', () => {
  const reroute = (mutationId: string, decider: string) =>
    paymentProjectors['mutation.rerouted']!(db, { type: 'mutation.rerouted', payload: { mutationId, decider }, at: 78, deviceId: 'headoffice', userId: null });
  const decider = (id: string) => db.prepare(`SELECT decider FROM pay_mutations WHERE id = ?`).pluck().get(id);

  it('gives a credit still new to the desk head office names, and leaves one decided meanwhile as it is', () => {
    credit('R1', 'new');
    credit('R2', 'matched');
    db.prepare(`UPDATE pay_mutations SET decider = 'gone' WHERE id IN ('R1', 'R2')`).run();
    reroute('R1', 'here');
    reroute('R2', 'here');
    expect([decider('R1'), decider('R2')]).toEqual(['here', 'gone']);
  });
});
