import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHeadoffice } from '../../headoffice/app';
import { createEnrollCode } from '../../headoffice/devices/devices';
import { DECIDER_UNSEEN_MS } from '../../headoffice/payments/feed';
import { ADMIN_TOKEN, databaseFor } from '../../headoffice/testing';
import { CODE_BLOCK_SIZE, LEASE_BLOCKS } from '../../shared/payments/unique-code';
import { rejection, startTestCore, type TestCore } from '../../electron/core/testing';
import { mulberry32 } from '../support/random';

// Unique codes across branches, proved on real desks and a real head office over loopback HTTP:
// desks of two branches take leases, lose the line, and keep creating payments to one company
// account; no two open payments ever share a total. Then a bank-feed credit reaches the desk that
// gave the code and marks the payment paid, and the branch's other desk learns it by pull.

const ACCOUNT = '1234567890';
const FEED_SECRET = 'feed-secret-for-tests';
const PASSWORD = 'kantor-sandi-123';

let ho: Awaited<ReturnType<typeof buildHeadoffice>>;
let database: Awaited<ReturnType<typeof databaseFor>>;
let url: string;
const desks: TestCore[] = [];
/** how far head office's clock is ahead of the desks' (a desk left switched off, say) */
let ahead = 0;

beforeEach(async () => {
  database = await databaseFor('sqlite');
  ahead = 0;
  ho = await buildHeadoffice({ databaseUrl: database.url, adminToken: ADMIN_TOKEN, passwordCost: 10, feedSecret: FEED_SECRET, clock: () => Date.now() + ahead });
  url = await ho.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  await ho.app.close().catch(() => undefined);
  await database.drop();
});

/**
 * A desk enrolled to `branch` with a back-office user, logged in, and the company account added.
 * The branch's first desk sets the branch up; a later one is enrolled and gets it all by pull.
 */
async function branchDesk(branch: string, username: string): Promise<{ desk: TestCore; token: string; accountId: string }> {
  const desk = await startTestCore({ setup: false, dataDir: mkdtempSync(join(tmpdir(), 'serambi-desk-')) });
  desks.push(desk);
  const code = await createEnrollCode(ho.ctx.db, branch, Date.now());
  const first = !(await ho.ctx.db.read(`SELECT id FROM devices WHERE branch_code = ? AND kind = 'desk'`, [branch])).length;
  if (first) {
    await desk.call('setup.init', {
      branch: { code: branch, name: `Cabang ${branch}`, timeZone: 'WIB' },
      admin: { username: 'admin', displayName: 'Admin Cabang', password: PASSWORD },
    });
    const admin = await desk.login('admin', PASSWORD);
    await desk.call('users.create', { username, displayName: username, roles: ['back-office'], password: PASSWORD }, admin);
    await desk.call('sync.enroll', { headofficeUrl: url, code }, admin);
  } else {
    await desk.call('sync.enroll', { headofficeUrl: url, code });
  }
  await desk.core.sync.syncOnce();
  const token = await desk.login(username, PASSWORD);
  const known = (await desk.call('payments.accounts', {}, token)).accounts.find((a) => a.number === ACCOUNT);
  const accountId = known?.id ?? (await desk.call('payments.addAccount', { bank: 'BCA', number: ACCOUNT, holder: 'PT Serambi Finansial' }, token)).id;
  await desk.call('sync.now', {}, token);
  return { desk, token, accountId };
}

async function openTotals(d: { desk: TestCore; token: string }): Promise<number[]> {
  return (await d.desk.call('payments.list', { status: 'open', limit: 500 }, d.token)).payments.map((p) => p.total);
}

describe('unique codes across branches', () => {
  it('two enrolled branches offline never give one total twice', async () => {
    const jkt = await branchDesk('JKT01', 'bo.jkt');
    const bdg = await branchDesk('BDG01', 'bo.bdg');
    for (const d of [jkt, bdg]) {
      const [account] = (await d.desk.call('payments.accounts', {}, d.token)).accounts;
      expect(account).toMatchObject({ number: ACCOUNT, codes: 'leased' });
    }
    await ho.app.close();

    // The same base amounts at both branches, in a random order, while neither can reach head office.
    const random = mulberry32(20261121);
    const bases = [50_000, 50_000, 75_000, 100_000, 150_500, 49_950, 50_001, 1_000_000];
    for (let i = 0; i < 120; i += 1) {
      const d = random() < 0.5 ? jkt : bdg;
      const base = bases[Math.floor(random() * bases.length)]!;
      await d.desk.call('payments.expect', { accountId: d.accountId, amount: base, reference: `INV-${i}` }, d.token);
    }
    const a = await openTotals(jkt);
    const b = await openTotals(bdg);
    expect(a.length + b.length).toBe(120);
    expect(new Set(a).size).toBe(a.length);
    expect(new Set(b).size).toBe(b.length);
    expect(a.filter((t) => b.includes(t))).toEqual([]);
    // and in fact the two desks' last three digits never meet
    const residues = (totals: number[]) => new Set(totals.map((t) => Math.floor((t % 1000) / CODE_BLOCK_SIZE)));
    expect([...residues(a)].filter((r) => residues(b).has(r))).toEqual([]);
  });

  it('says plainly when a desk has given every total its blocks allow for one amount', async () => {
    const jkt = await branchDesk('JKT01', 'bo.jkt');
    await ho.app.close();
    // 2 blocks are 100 totals for one amount, less the one whose code would be 0 (its own residue)
    let created = 0;
    let refused: Awaited<ReturnType<typeof rejection>> | null = null;
    while (!refused && created <= LEASE_BLOCKS * CODE_BLOCK_SIZE) {
      const attempt = jkt.desk.call('payments.expect', { accountId: jkt.accountId, amount: 20_000, reference: `INV-${created}` }, jkt.token);
      try {
        await attempt;
        created += 1;
      } catch {
        refused = await rejection(attempt);
      }
    }
    expect(created).toBeGreaterThanOrEqual(LEASE_BLOCKS * CODE_BLOCK_SIZE - 1);
    expect(created).toBeLessThanOrEqual(LEASE_BLOCKS * CODE_BLOCK_SIZE);
    expect(refused?.key).toBe('payments.errors.codesExhausted');
    // another amount still has its totals
    await expect(jkt.desk.call('payments.expect', { accountId: jkt.accountId, amount: 20_500, reference: 'INV-Y' }, jkt.token)).resolves.toMatchObject({ status: 'open' });
  });
});

/** The bank's feed, signed: one credit of `amount` rupiah to the company account on 21/11 10:02. */
async function feed(mutationId: string, amount: number, { type = 'CR', day = '2026-11-21' } = {}): Promise<unknown> {
  const body = JSON.stringify([{ mutation_id: mutationId, account_number: ACCOUNT, date: `${day} 10:02:00`, amount, type, description: `TRSF E-BANKING ${type} BUDI` }]);
  const signature = createHmac('sha256', FEED_SECRET).update(body).digest('hex');
  const answer = await fetch(new URL('/api/mutations/webhook', url), { method: 'POST', headers: { 'content-type': 'application/json', signature }, body });
  return answer.json();
}

/** statement.import's input for a KlikBCA statement of one day (21/11/2026 unless said) with `rows`. */
function statementOf(accountId: string, rows: string[], day = '2026-11-21'): { accountId: string; fileName: string; dataBase64: string } {
  const shown = day.split('-').reverse().join('/');
  const head = [`No. rekening : ${ACCOUNT}`, 'Nama : PT SERAMBI FINANSIAL', `Periode : ${shown} - ${shown}`, 'Kode Mata Uang : IDR', '', 'Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo'];
  const text = [...head, ...rows, '', 'Saldo Akhir,0', ''].join('\n');
  return { accountId, fileName: 'bca.csv', dataBase64: Buffer.from(text).toString('base64') };
}

describe('a bank-feed credit', () => {
  it('is matched by the desk that gave the code, and the branch’s other desk sees it paid', async () => {
    const giver = await branchDesk('JKT01', 'bo.jkt');
    const other = await branchDesk('JKT01', 'bo.jkt');
    const payment = await giver.desk.call('payments.expect', { accountId: giver.accountId, amount: 50_000, reference: 'INV-77' }, giver.token);
    await giver.desk.call('sync.now', {}, giver.token);

    expect(await feed('moota-1', payment.total)).toEqual({ received: 1, duplicates: 0, routed: 1, unrouted: 0 });

    // the other desk pulls first: it keeps the credit and leaves the decision to the giver
    await other.desk.call('sync.now', {}, other.token);
    expect((await other.desk.call('payments.list', {}, other.token)).payments.find((p) => p.id === payment.id)).toMatchObject({ status: 'open' });

    await giver.desk.call('sync.now', {}, giver.token);
    const paid = (await giver.desk.call('payments.list', {}, giver.token)).payments.find((p) => p.id === payment.id);
    expect(paid).toMatchObject({ status: 'paid' });
    const { rows } = await giver.desk.call('mutations.list', { accountId: giver.accountId }, giver.token);
    expect(rows).toEqual([expect.objectContaining({ status: 'matched', paymentId: payment.id })]);

    await giver.desk.call('sync.now', {}, giver.token);
    await other.desk.call('sync.now', {}, other.token);
    expect((await other.desk.call('payments.list', {}, other.token)).payments.find((p) => p.id === payment.id)).toMatchObject({ status: 'paid' });
  });

  it('given to a desk switched off before it pulled, goes to the branch’s desk that pulls, and is paid within the SOP’s 15 minutes', async () => {
    const giver = await branchDesk('JKT01', 'bo.jkt');
    const other = await branchDesk('JKT01', 'bo.jkt');
    const payment = await giver.desk.call('payments.expect', { accountId: giver.accountId, amount: 75_000, reference: 'INV-78' }, giver.token);
    await giver.desk.call('sync.now', {}, giver.token);
    await other.desk.call('sync.now', {}, other.token);
    expect(await feed('moota-9', payment.total)).toMatchObject({ routed: 1 });

    // the giver is switched off before it pulls the credit; the other desk leaves it to the giver
    await other.desk.call('sync.now', {}, other.token);
    const open = async () => (await other.desk.call('payments.list', {}, other.token)).payments.find((p) => p.id === payment.id)?.status;
    expect(await open()).toBe('open');
    ahead = DECIDER_UNSEEN_MS - 60_000;
    await other.desk.call('sync.now', {}, other.token);
    expect(await open()).toBe('open');

    // unseen for longer than a desk in service ever is: the next pull brings the credit to decide
    ahead = DECIDER_UNSEEN_MS + 60_000;
    await other.desk.call('sync.now', {}, other.token);
    expect(await open()).toBe('paid');
    const [waiting] = await ho.ctx.db.read<{ n: number | string }>(`SELECT count(*) AS n FROM ho_fed_waiting`);
    expect(Number(waiting!.n)).toBe(1);
    await other.desk.call('sync.now', {}, other.token);
    const [settled] = await ho.ctx.db.read<{ n: number | string }>(`SELECT count(*) AS n FROM ho_fed_waiting`);
    expect(Number(settled!.n)).toBe(0);

    // the giver, back on, learns of the decision and decides nothing itself
    await giver.desk.call('sync.now', {}, giver.token);
    expect((await giver.desk.call('payments.list', {}, giver.token)).payments.find((p) => p.id === payment.id)).toMatchObject({ status: 'paid' });
    const { rows } = await giver.desk.call('mutations.list', { accountId: giver.accountId }, giver.token);
    expect(rows).toEqual([expect.objectContaining({ status: 'matched', paymentId: payment.id })]);
    const decisions = await ho.ctx.db.read(`SELECT event_id FROM events WHERE type = 'payments.matched'`);
    expect(decisions).toHaveLength(1);
  });

  it('shown again by the statement stays one mutation, at the desk that imports it and at the branch’s other desk', async () => {
    const giver = await branchDesk('JKT01', 'bo.jkt');
    const other = await branchDesk('JKT01', 'bo.jkt');
    const payment = await giver.desk.call('payments.expect', { accountId: giver.accountId, amount: 50_000, reference: 'INV-78' }, giver.token);
    await giver.desk.call('sync.now', {}, giver.token);
    await feed('moota-2', payment.total);
    await giver.desk.call('sync.now', {}, giver.token);

    // the day's statement: the fed credit, a second genuine transfer of the same amount, a fee
    const file = statementOf(giver.accountId, [
      `'21/11,'TRSF E-BANKING CR 2111/FTSCY/WS95051 BUDI SANTOSO,'0000,${payment.total}.00,CR,${1_000_000 + payment.total}.00`,
      `'21/11,'TRSF E-BANKING CR 2111/FTSCY/WS95052 ANDI,'0000,${payment.total}.00,CR,${1_000_000 + 2 * payment.total}.00`,
      `'21/11,'BIAYA ADM,'0000,10000.00,DB,${990_000 + 2 * payment.total}.00`,
    ]);
    expect(await giver.desk.call('statement.preview', file, giver.token)).toMatchObject({ imported: 2, duplicates: 1, fromFeed: 1 });
    expect(await giver.desk.call('statement.import', file, giver.token)).toMatchObject({ imported: 2, duplicates: 1, fromFeed: 1, matched: 0, unmatched: 1 });
    // again: nothing new, and the fed credit is held by the statement's own key now
    expect(await giver.desk.call('statement.import', file, giver.token)).toMatchObject({ imported: 0, duplicates: 3, fromFeed: 0 });

    const credits = async (d: { desk: TestCore; token: string; accountId: string }) =>
      (await d.desk.call('mutations.list', { accountId: d.accountId }, d.token)).rows
        .filter((r) => r.direction === 'CR')
        .map((r) => [r.source, r.status, r.paymentId, r.bothSources])
        .sort();
    const expected = [
      ['feed', 'matched', payment.id, true],
      ['statement', 'unmatched', null, false],
    ];
    expect(await credits(giver)).toEqual(expected);
    await giver.desk.call('sync.now', {}, giver.token);
    await other.desk.call('sync.now', {}, other.token);
    expect(await credits(other)).toEqual(expected);
    // the other desk, importing the same statement, finds all of it held
    expect(await other.desk.call('statement.import', { ...file, accountId: other.accountId }, other.token)).toMatchObject({ imported: 0, duplicates: 3 });
  });

  it('brought after the statement showed it stays one mutation: the fed row is dropped at every desk', async () => {
    const giver = await branchDesk('JKT01', 'bo.jkt');
    const other = await branchDesk('JKT01', 'bo.jkt');
    const payment = await giver.desk.call('payments.expect', { accountId: giver.accountId, amount: 50_000, reference: 'INV-79' }, giver.token);
    await giver.desk.call('sync.now', {}, giver.token);
    // the statement comes first, with the transfer; the feed brings it late, twice as much once
    const file = statementOf(giver.accountId, [`'21/11,'TRSF E-BANKING CR 2111/FTSCY/WS95051 BUDI SANTOSO,'0000,${payment.total}.00,CR,${1_000_000 + payment.total}.00`]);
    expect(await giver.desk.call('statement.import', file, giver.token)).toMatchObject({ imported: 1, matched: 1 });
    await giver.desk.call('sync.now', {}, giver.token);
    await other.desk.call('sync.now', {}, other.token);
    await feed('moota-3', payment.total);
    await feed('moota-4', payment.total);

    await other.desk.call('sync.now', {}, other.token);
    await giver.desk.call('sync.now', {}, giver.token);
    const credits = async (d: { desk: TestCore; token: string; accountId: string }) =>
      (await d.desk.call('mutations.list', { accountId: d.accountId }, d.token)).rows.map((r) => [r.source, r.status, r.paymentId, r.reason?.key ?? null, r.bothSources]).sort();
    // one fed credit is the statement's transfer; the second is another transfer of that total
    const expected = [
      ['feed', 'unmatched', null, 'payments.reasons.alreadyPaid', false],
      ['statement', 'matched', payment.id, 'payments.reasons.unique', true],
    ];
    expect(await credits(giver)).toEqual(expected);
    await giver.desk.call('sync.now', {}, giver.token);
    await other.desk.call('sync.now', {}, other.token);
    expect(await credits(other)).toEqual(expected);
  });

  it('a debit brought after the statement showed it stays one mutation too, looked for by the desk that pulls it', async () => {
    const giver = await branchDesk('JKT01', 'bo.jkt');
    const other = await branchDesk('JKT01', 'bo.jkt');
    // a fed debit is looked at for a week: the day is today's on the branch's wall clock
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const ddmm = today.slice(5).split('-').reverse().join('/');
    const file = statementOf(giver.accountId, [`'${ddmm},'BIAYA ADM,'0000,10000.00,DB,990000.00`], today);
    expect(await giver.desk.call('statement.import', file, giver.token)).toMatchObject({ imported: 1 });
    await giver.desk.call('sync.now', {}, giver.token);
    await other.desk.call('sync.now', {}, other.token);
    await feed('moota-5', 10_000, { type: 'DB', day: today });
    await feed('moota-6', 10_000, { type: 'DB', day: today });

    // whichever desk head office named looks, and its finding reaches the other desk a round later
    for (const d of [giver, other, giver, other, giver]) await d.desk.call('sync.now', {}, d.token);
    // one fed debit is the statement's fee; the second is another debit of that amount
    for (const d of [giver, other]) {
      const rows = (await d.desk.call('mutations.list', { accountId: d.accountId }, d.token)).rows;
      expect(rows.map((r) => [r.source, r.status, r.bothSources]).sort()).toEqual([
        ['feed', 'debit', false],
        ['statement', 'debit', true],
      ]);
    }
  });
});
