import { createHash } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchDecisionEvent } from '../../../shared/events/payments';
import { decisionReason, matchCredits, type Credit, type PaymentCandidate } from '../../../shared/payments/matching';
import { fromLocalParts } from '../../../shared/domain/time';
import { PaymentReasons1764600000000 } from '../ledger/migrations/1764600000000-payment-reasons';
import { startComplaintDesk, type ComplaintDesk } from '../complaints/testing';
import { digest } from './import-handlers';
import { decisionEvent } from './matching-run';
import { keptReason } from './projectors';
import { mutationReason } from './queries';

// A statement row's de-duplication key is a short digest, the rows an account already holds are
// found by it, and a credit's decision reason is read from its row: the row keeps only what the row
// itself cannot tell. These are the guarantees that make all three invisible at the desk.

describe('the de-duplication key digest', () => {
  it('is the first 22 characters of the SHA-256 of the key in base64url, the same in every version', () => {
    // keys already held by ledgers were made this way: a different digest would import them twice
    expect(digest('0123456789|2026-11-21|CR|5000900|TRSF E-BANKING CR BUDI||2000000#1')).toBe('dDiv1vaZJNuuG1UD2-D1rv');
    expect(digest('0123456789|2026-11-20|CR|3000000|SETORAN TUNAI|||#2')).toBe('VkYtMUA3eZ4KNHyD-xweYO');
    for (const key of ['a', 'é ü', 'x'.repeat(300), '0123456789|2026-11-20|CR|3000000|SETORAN TUNAI|||#1']) {
      expect(digest(key)).toBe(createHash('sha256').update(key).digest('base64url').slice(0, 22));
      expect(digest(key)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
  });

  it('tells the first and the second identical transfer of a day apart', () => {
    expect(digest('0123456789|2026-11-20|CR|3000000|SETORAN TUNAI|||#1')).not.toBe(digest('0123456789|2026-11-20|CR|3000000|SETORAN TUNAI|||#2'));
  });
});

const ACC = 'acc';
const wib = (day: number, hour: number, minute = 0) => fromLocalParts({ year: 2026, month: 11, day, hour, minute }, 'WIB');

function payment(over: Partial<PaymentCandidate>): PaymentCandidate {
  return { id: 'P', account: ACC, total: 50_009, code: 9, status: 'open', createdAt: wib(21, 10), expiresAt: wib(22, 10), ...over };
}

function credit(id: string, over: Partial<Credit>): Credit {
  return { id, account: ACC, date: '2026-11-21', time: '10:05', direction: 'CR', amountSen: 5_000_900, ...over };
}

/** The row a projector writes for `d`, read back the way the desk reads it. */
function readBack(c: Credit, d: MatchDecisionEvent, code: number | null) {
  return mutationReason({
    status: d.outcome,
    date: c.date,
    time: c.time,
    amount_sen: c.amountSen,
    candidates: d.candidates.length ? JSON.stringify(d.candidates) : null,
    reason: keptReason(d),
    payment_code: code,
  });
}

describe('a decision reason read from the credit row', () => {
  it('says the same words as the decision, for every outcome and cause', () => {
    const payments = [
      payment({ id: 'P9', total: 50_009, code: 9 }),
      payment({ id: 'A1', total: 70_001, code: 1 }),
      payment({ id: 'A2', total: 70_001, code: 1 }),
      payment({ id: 'PAID', total: 60_002, code: 2, status: 'paid' }),
      payment({ id: 'OLD', total: 80_003, code: 3, createdAt: wib(19, 10), expiresAt: wib(20, 10) }),
      payment({ id: 'GONE', total: 85_005, code: 5, createdAt: wib(19, 10), expiresAt: wib(20, 10) }),
      payment({ id: 'LATER', total: 90_004, code: 4, createdAt: wib(21, 12), expiresAt: wib(22, 12) }),
    ];
    const credits = [
      credit('matched', {}),
      credit('matchedNoTime', { amountSen: 8_000_300, date: '2026-11-20', time: null }),
      credit('ambiguous', { amountSen: 7_000_100 }),
      credit('hasSen', { amountSen: 5_000_950 }),
      credit('alreadyPaid', { amountSen: 6_000_200 }),
      credit('expired', { amountSen: 8_500_500, time: '09:00' }),
      credit('beforePayment', { amountSen: 9_000_400 }),
      credit('noPayment', { amountSen: 1_234_500, time: null }),
    ];
    const decisions = matchCredits(credits, payments, 'WIB');
    const words = decisions.map((d, i) => decisionReason(credits[i]!, d.detail));
    expect(words.map((w) => w.key.replace('payments.reasons.', ''))).toEqual(['unique', 'unique', 'ambiguous', 'hasSen', 'alreadyPaid', 'expired', 'beforePayment', 'noPayment']);
    decisions.forEach((d, i) => {
      const code = d.paymentId ? payments.find((p) => p.id === d.paymentId)!.code : null;
      // as this desk records it now (cause or count only), and as older desks did (the words)
      const event = decisionEvent(d);
      expect(event.reason).toBeUndefined();
      expect(readBack(credits[i]!, event, code)).toEqual(words[i]);
      const legacy: MatchDecisionEvent = { mutationId: d.creditId, outcome: d.outcome, paymentId: d.paymentId, candidates: d.candidates, reason: words[i] };
      expect(readBack(credits[i]!, legacy, code)).toEqual(words[i]);
    });
  });

  it('keeps only the cause of an unmatched credit, and nothing for a matched or ambiguous one', () => {
    const reason = (key: string, params: Record<string, string | number>) => ({ key: `payments.reasons.${key}`, params });
    expect(keptReason({ outcome: 'matched', candidates: [] })).toBeNull();
    expect(keptReason({ outcome: 'ambiguous', candidates: ['A', 'B'], count: 2 })).toBeNull();
    expect(keptReason({ outcome: 'unmatched', candidates: [], cause: 'expired' })).toBe('expired');
    // decisions recorded with their words
    expect(keptReason({ outcome: 'matched', candidates: [], reason: reason('unique', { when: '21/11', amount: 'Rp 50.009', code: 9 }) })).toBeNull();
    expect(keptReason({ outcome: 'ambiguous', candidates: ['A', 'B'], reason: reason('ambiguous', { when: '21/11', amount: 'Rp 50.009', count: 2 }) })).toBeNull();
    expect(keptReason({ outcome: 'unmatched', candidates: [], reason: reason('expired', { when: '21/11', amount: 'Rp 50.009' }) })).toBe('expired');
  });

  it('keeps the count of an ambiguous credit that found more open payments than the 50 it lists', () => {
    const c = credit('many', {});
    const candidates = Array.from({ length: 50 }, (_, i) => `P${i}`);
    const words = { key: 'payments.reasons.ambiguous', params: { when: '21/11 10:05', amount: 'Rp 50.009', count: 63 } };
    const d: MatchDecisionEvent = { mutationId: 'many', outcome: 'ambiguous', paymentId: null, candidates, count: 63 };
    expect(keptReason(d)).toBe('63');
    expect(readBack(c, d, null)).toEqual(words);
    const legacy: MatchDecisionEvent = { mutationId: 'many', outcome: 'ambiguous', paymentId: null, candidates, reason: words };
    expect(keptReason(legacy)).toBe('63');
  });

  it('reads a verified or unrelated credit as decided by hand, and a debit or a new credit as undecided', () => {
    const row = { date: '2026-11-21', time: null, amount_sen: 100, candidates: null, reason: null, payment_code: 9 };
    expect(mutationReason({ ...row, status: 'verified' })).toEqual({ key: 'payments.reasons.manual', params: {} });
    expect(mutationReason({ ...row, status: 'unrelated' })).toEqual({ key: 'payments.reasons.manual', params: {} });
    expect(mutationReason({ ...row, status: 'debit' })).toBeNull();
    expect(mutationReason({ ...row, status: 'new' })).toBeNull();
  });
});

/** A desk of its own with the company's BCA account 0123456789, for the tests of the describe that asks. */
function deskWithAccount(): { t: ComplaintDesk; accountId: string } {
  const world = {} as { t: ComplaintDesk; accountId: string };
  beforeAll(async () => {
    world.t = await startComplaintDesk();
    world.accountId = (await world.t.call('payments.addAccount', { bank: 'BCA', number: '0123456789', holder: 'PT Serambi Nusantara' }, world.t.token.bona)).id;
  });
  afterAll(() => world.t.close());
  return world;
}

/** A KlikBCA statement of account 0123456789 for November 2026 with `rows`, as statement.import takes it. */
const bcaFile = (rows: string[]) =>
  Buffer.from(
    ['No. rekening : 0123456789', 'Nama : PT SERAMBI', 'Periode : 01/11/2026 - 21/11/2026', 'Kode Mata Uang : IDR', '', 'Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo', ...rows, '', 'Saldo Akhir,0', ''].join('\n'),
  ).toString('base64');

describe('through the desk', () => {
  const world = deskWithAccount();

  it('shows each credit with its reason in words, while the event carries the cause and the row keeps only that', async () => {
    const { t, accountId } = world;
    const p = await t.call('payments.expect', { accountId, amount: 150_000, reference: 'ORDER-1' }, t.token.tono);
    const file = bcaFile([`'21/11,'TRSF BUDI,'0000,${p.total}.00,CR,1`, `'21/11,'TRSF SITI,'0000,77777.00,CR,2`, `'21/11,'TRSF SEN,'0000,1000.50,CR,3`, `'21/11,'BIAYA,'0000,100.00,DB,4`]);
    await t.call('statement.import', { accountId, fileName: 'r.csv', dataBase64: file }, t.token.bona);

    const events = t.core.db.prepare(`SELECT payload FROM journal WHERE type = 'statement.imported'`).all() as { payload: string }[];
    const decisions = events.flatMap((e) => (JSON.parse(e.payload) as { decisions: MatchDecisionEvent[] }).decisions);
    expect(decisions.map((d) => [d.outcome, d.cause, d.reason])).toEqual([
      ['matched', undefined, undefined],
      ['unmatched', 'noPayment', undefined],
      ['unmatched', 'hasSen', undefined],
    ]);
    const rows = (await t.call('mutations.list', { accountId }, t.token.bona)).rows;
    const total = new Intl.NumberFormat('id-ID').format(p.total);
    expect(Object.fromEntries(rows.map((r) => [r.description, r.reason]))).toEqual({
      'TRSF BUDI': { key: 'payments.reasons.unique', params: { when: '21/11', amount: `Rp ${total}`, code: p.uniqueCode } },
      'TRSF SITI': { key: 'payments.reasons.noPayment', params: { when: '21/11', amount: 'Rp 77.777' } },
      'TRSF SEN': { key: 'payments.reasons.hasSen', params: { when: '21/11', amount: 'Rp 1.000,50' } },
      BIAYA: null,
    });

    const kept = t.core.db.prepare(`SELECT status, reason FROM pay_mutations ORDER BY seq`).all();
    expect(kept).toEqual([
      { status: 'matched', reason: null },
      { status: 'unmatched', reason: 'noPayment' },
      { status: 'unmatched', reason: 'hasSen' },
      { status: 'debit', reason: null },
    ]);
    const paid = (await t.call('payments.list', { text: 'ORDER-1' }, t.token.bona)).payments[0]!;
    expect(paid.reason).toEqual(rows.find((r) => r.status === 'matched')!.reason);
  });
});

describe('re-importing into an account', () => {
  const world = deskWithAccount();
  const file = bcaFile;
  const row = (day: number, n: number) => `'${day}/11,'SETORAN ${n},'0000,${1000 + n}.00,CR,`;

  it('finds the rows already held whether the statement days hold few rows or many more than the file', async () => {
    const { t, accountId } = world;
    const all = [row(20, 1), row(20, 2), row(20, 3), row(21, 4), row(21, 5), row(21, 6), row(21, 6)];
    expect(await t.call('statement.import', { accountId, fileName: 'a.csv', dataBase64: file(all) }, t.token.bona)).toMatchObject({ imported: 7, duplicates: 0 });
    // the same file again: as many rows held on its days as it has
    expect(await t.call('statement.import', { accountId, fileName: 'a.csv', dataBase64: file(all) }, t.token.bona)).toMatchObject({ imported: 0, duplicates: 7 });
    // two rows over the same days, which hold seven: one held, one new; the second identical transfer is held too
    expect(await t.call('statement.import', { accountId, fileName: 'b.csv', dataBase64: file([row(20, 2), row(21, 7)]) }, t.token.bona)).toMatchObject({ imported: 1, duplicates: 1 });
    expect(await t.call('statement.import', { accountId, fileName: 'c.csv', dataBase64: file([row(20, 1), row(21, 6), row(21, 6), row(21, 6)]) }, t.token.bona)).toMatchObject({
      imported: 1,
      duplicates: 3,
    });
  });
});

describe('migration 1764600000000 (payment reasons)', () => {
  let t: ComplaintDesk;
  beforeAll(async () => {
    t = await startComplaintDesk();
  });
  afterAll(() => t.close());

  it('keeps of each reason in words only what the row cannot tell, so it reads back the same', async () => {
    const db = t.core.db;
    db.prepare(`INSERT INTO pay_accounts (id, bank, number, holder, created_at) VALUES ('a', 'BCA', '5550001', 'PT', 0)`).run();
    db.prepare(`INSERT INTO pay_expected (id, account_id, base, code, total, reference, status, created_at, expires_at) VALUES ('p', 'a', 50000, 9, 50009, 'R', 'paid', 0, 1)`).run();
    const insert = db.prepare(
      `INSERT INTO pay_mutations (id, account_id, date, time, direction, amount_sen, description, key, source, status, payment_id, candidates, reason) VALUES (?, 'a', '2026-11-21', '10:05', 'CR', 5000900, 'X', ?, 'statement', ?, ?, ?, ?)`,
    );
    const words = (key: string, params: Record<string, string | number> = { when: '21/11 10:05', amount: 'Rp 50.009' }) => JSON.stringify({ key: `payments.reasons.${key}`, params });
    const many = JSON.stringify(Array.from({ length: 50 }, (_, i) => `c${i}`));
    const legacy: [string, string, string | null, string | null, string | null][] = [
      ['m1', 'matched', 'p', null, words('unique', { when: '21/11 10:05', amount: 'Rp 50.009', code: 9 })],
      ['m2', 'ambiguous', null, '["x","y"]', words('ambiguous', { when: '21/11 10:05', amount: 'Rp 50.009', count: 2 })],
      ['m3', 'ambiguous', null, many, words('ambiguous', { when: '21/11 10:05', amount: 'Rp 50.009', count: 70 })],
      ['m4', 'unmatched', null, null, words('expired')],
      ['m5', 'verified', 'p', null, JSON.stringify({ key: 'payments.reasons.manual', params: {} })],
      ['m6', 'debit', null, null, null],
    ];
    for (const [id, status, paymentId, candidates, reason] of legacy) insert.run(id, `k-${id}`, status, paymentId, candidates, reason);

    const runner = { query: async (sql: string) => db.prepare(sql).run() } as unknown as QueryRunner;
    await new PaymentReasons1764600000000().up(runner);

    const after = db.prepare(`SELECT id, reason FROM pay_mutations WHERE account_id = 'a' ORDER BY id`).all();
    expect(after).toEqual([
      { id: 'm1', reason: null },
      { id: 'm2', reason: null },
      { id: 'm3', reason: '70' },
      { id: 'm4', reason: 'expired' },
      { id: 'm5', reason: null },
      { id: 'm6', reason: null },
    ]);
    for (const [id, , , , reason] of legacy) {
      const row = db
        .prepare(`SELECT m.status, m.date, m.time, m.amount_sen, m.candidates, m.reason, p.code AS payment_code FROM pay_mutations m LEFT JOIN pay_expected p ON p.id = m.payment_id WHERE m.id = ?`)
        .get(id) as Parameters<typeof mutationReason>[0];
      expect(mutationReason(row)).toEqual(reason ? JSON.parse(reason) : null);
    }
  });
});
