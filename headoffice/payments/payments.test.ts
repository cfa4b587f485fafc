import { createHmac, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEASE_BLOCKS, LEASE_MS, RENEW_BEFORE_MS, REUSE_AFTER_MS } from '../../shared/payments/unique-code';
import { complaintDesk, type TestHeadoffice } from '../complaints/testing';
import { buildHeadoffice } from '../app';
import { revokeDevice } from '../devices/devices';
import { DECIDER_UNSEEN_MS } from './feed';
import { DIALECTS, startTestHeadoffice } from '../testing';

// Head office's part of mutation matching: code leases that never give one block to two desks,
// and the signed bank feed, kept once and sent to the desk that can have the payment.

const ACCOUNT = '1234567890';
const SECRET = 'feed-secret-for-tests';
const START = Date.parse('2026-11-21T03:00:00Z');

type Desk = Awaited<ReturnType<typeof complaintDesk>>;
type Lease = { accountNumber: string; blocks: number[]; expiresAt: number };

describe.each(DIALECTS)('mutation matching at head office on %s', (dialect) => {
  let ho: TestHeadoffice;
  let now = START;
  let feedApp: Awaited<ReturnType<typeof buildHeadoffice>>['app'] | null = null;

  beforeEach(async () => {
    now = START;
    ho = await startTestHeadoffice(dialect, () => now);
  });
  afterEach(async () => {
    await feedApp?.close();
    feedApp = null;
    await ho.close();
  });

  async function deskWithAccount(branch: string, account = ACCOUNT): Promise<Desk> {
    const desk = await complaintDesk(ho, branch, 'budi');
    const pushed = await desk.push([desk.chain.next('payments.accountAdded', { id: randomUUID(), bank: 'BCA', number: account, holder: 'PT Serambi Finansial' }, now)]);
    expect(pushed.results[0]!.status).toBe('accepted');
    return desk;
  }

  async function lease(desk: Desk): Promise<Lease[]> {
    const response = await ho.app.inject({ method: 'POST', url: '/sync/code-leases', headers: { authorization: desk.auth }, payload: { epoch: desk.epoch } });
    expect(response.statusCode).toBe(200);
    return (response.json() as { leased: Lease[] }).leased;
  }

  const leaseEvents = async (desk: Desk) =>
    (await desk.pull()).events.filter((e) => e.type === 'payments.codesLeased').map((e) => JSON.parse(e.payload) as Lease & { deviceId: string });

  it('leases each desk its own blocks, across branches, and says them by pull', async () => {
    const jkt1 = await deskWithAccount('JKT01');
    const jkt2 = await complaintDesk(ho, 'JKT01', 'siti');
    const bdg = await deskWithAccount('BDG01');
    const leases = [await lease(jkt1), await lease(jkt2), await lease(bdg)];
    for (const l of leases) expect(l).toEqual([{ accountNumber: ACCOUNT, blocks: expect.any(Array), expiresAt: START + LEASE_MS }]);
    const blocks = leases.map((l) => l[0]!.blocks);
    for (const b of blocks) expect(b).toHaveLength(LEASE_BLOCKS);
    expect(new Set(blocks.flat()).size).toBe(3 * LEASE_BLOCKS);
    // the branch's desks read both of their leases on the branch's chain; the other branch sees neither
    const onJkt = await leaseEvents(jkt2);
    expect(onJkt.map((e) => e.deviceId).sort()).toEqual([jkt1.deviceId, jkt2.deviceId].sort());
    expect((await leaseEvents(bdg)).map((e) => e.deviceId)).toEqual([bdg.deviceId]);
  });

  it('says nothing while a lease is fresh, renews the same blocks before it ends', async () => {
    const desk = await deskWithAccount('JKT01');
    const [first] = await lease(desk);
    expect(await lease(desk)).toEqual([]);
    now = START + LEASE_MS - RENEW_BEFORE_MS + 1;
    const [renewed] = await lease(desk);
    expect(renewed).toEqual({ accountNumber: ACCOUNT, blocks: first!.blocks, expiresAt: now + LEASE_MS });
  });

  it('gives a lapsed desk’s blocks to another only once its payments must all have expired', async () => {
    const gone = await deskWithAccount('JKT01');
    const [held] = await lease(gone);
    const others = [];
    for (let i = 0; i < 9; i += 1) others.push(await deskWithAccount(`B${i}`));
    for (const d of others) expect(await lease(d)).toHaveLength(1);
    // all 20 blocks are held: a tenth desk waits
    const late = await deskWithAccount('LATE1');
    now = START + LEASE_MS + 1;
    expect(await lease(late)).toEqual([]);
    now = START + LEASE_MS + REUSE_AFTER_MS;
    const [taken] = await lease(late);
    expect(taken!.blocks.every((b) => held!.blocks.includes(b))).toBe(true);
  });

  it('refuses a lease pushed by a desk', async () => {
    const desk = await deskWithAccount('JKT01');
    const pushed = await desk.push([desk.chain.next('payments.codesLeased', { deviceId: desk.deviceId, accountNumber: ACCOUNT, blocks: [0, 1, 2], expiresAt: now + LEASE_MS }, now)]);
    expect(pushed.results[0]).toMatchObject({ status: 'rejected', reason: 'conflict', detail: 'errors.forbidden' });
  });

  describe('the bank feed', () => {
    async function withFeed(secret: string | null = SECRET) {
      const built = await buildHeadoffice({ databaseUrl: ho.databaseUrl, clock: () => now, adminToken: 'admin-token-for-tests-0123456789', feedSecret: secret });
      feedApp = built.app;
      return built.app;
    }
    const sign = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');
    const post = (app: Awaited<ReturnType<typeof withFeed>>, body: string, signature = sign(body)) =>
      app.inject({ method: 'POST', url: '/api/mutations/webhook', headers: { 'content-type': 'application/json', signature }, payload: body });
    const credit = (id: string, amount: number, account = ACCOUNT) => ({
      mutation_id: id,
      account_number: account,
      date: '2026-11-21 10:02:00',
      amount,
      type: 'CR',
      description: 'TRSF E-BANKING CR 2111/FTSCY/WS95031 50009.00 BUDI SANTOSO',
      balance: 1_250_009,
    });
    const fedOn = async (desk: Desk) =>
      (await desk.pull()).events.filter((e) => e.type === 'mutation.fed').map((e) => JSON.parse(e.payload) as { feedId: string; decider: string | null; row: { amountSen: number; date: string; time: string; direction: string } });

    it('refuses a delivery without the right signature, or with no secret configured, and keeps nothing', async () => {
      await deskWithAccount('JKT01');
      const body = JSON.stringify([credit('m-1', 50_009)]);
      expect((await post(await withFeed(null), body)).statusCode).toBe(503);
      await feedApp!.close();
      const app = await withFeed();
      expect((await post(app, body, sign(body, 'another-secret'))).statusCode).toBe(401);
      expect((await post(app, body, '')).statusCode).toBe(401);
      expect((await post(app, `${body} `, sign(body))).statusCode).toBe(401);
      const bad = JSON.stringify([{ ...credit('m-2', 50_009), date: '21/11/2026' }]);
      const refused = await post(app, bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('date') } });
      expect(await ho.ctx.db.read(`SELECT feed_id FROM ho_feed_mutations`)).toEqual([]);
    });

    it('sends a credit to the desk holding its residue, once, however often it is delivered', async () => {
      const jkt = await deskWithAccount('JKT01');
      const bdg = await deskWithAccount('BDG01');
      const [jktLease] = await lease(jkt);
      await lease(bdg);
      const residue = jktLease!.blocks[0]! * 50 + 9;
      const amount = 50_000 + residue;
      const app = await withFeed();
      const body = JSON.stringify({ mutations: [credit('m-100', amount), credit('m-101', 75_000.5), credit('m-102', 10_000, '9999999999')] });
      const first = await post(app, body);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ received: 3, duplicates: 0, routed: 2, unrouted: 1 });
      const again = await post(app, body);
      expect(again.json()).toEqual({ received: 3, duplicates: 3, routed: 0, unrouted: 0 });

      const onJkt = await fedOn(jkt);
      const onBdg = await fedOn(bdg);
      // the code's credit goes to the desk that could have given it; the one with sen to both branches
      expect(onJkt.map((f) => f.feedId).sort()).toEqual(['m-100', 'm-101']);
      expect(onJkt.find((f) => f.feedId === 'm-100')).toMatchObject({ decider: jkt.deviceId, row: { amountSen: amount * 100, date: '2026-11-21', time: '10:02', direction: 'CR' } });
      expect(onBdg.map((f) => f.feedId)).toEqual(['m-101']);
      expect(onBdg[0]!.decider).toBe(bdg.deviceId);
    });

    it('leaves the credit of an unseen holder’s residue to its branch’s desk seen last, so it is decided within the SOP’s 15 minutes', async () => {
      const holder = await deskWithAccount('JKT01');
      const [held] = await lease(holder);
      const residue = (block: number) => 50_000 + block * 50 + 9;
      const app = await withFeed();
      // the holder alone at its branch, unseen for a while: it is still the one to decide
      now = START + DECIDER_UNSEEN_MS + 60_000;
      await post(app, JSON.stringify([credit('m-300', residue(held!.blocks[0]!))]));
      expect(await fedOn(holder)).toEqual([expect.objectContaining({ feedId: 'm-300', decider: holder.deviceId })]);
      // a second desk of the branch online, the holder switched off since
      const online = await complaintDesk(ho, 'JKT01', 'siti');
      now += DECIDER_UNSEEN_MS + 60_000;
      await online.pull();
      await post(app, JSON.stringify([credit('m-301', residue(held!.blocks[1]!))]));
      expect((await fedOn(online)).find((f) => f.feedId === 'm-301')).toMatchObject({ decider: online.deviceId });
    });

    it('leaves a revoked desk out: the credit of its residue goes to its branch, for a desk still in service', async () => {
      const retired = await deskWithAccount('JKT01');
      const [held] = await lease(retired);
      const kept = await complaintDesk(ho, 'JKT01', 'siti');
      await kept.pull();
      expect(await revokeDevice(ho.ctx.db, retired.deviceId, now)).toBe(true);
      const app = await withFeed();
      const amount = 50_000 + held!.blocks[0]! * 50 + 9;
      expect((await post(app, JSON.stringify([credit('m-200', amount)]))).json()).toEqual({ received: 1, duplicates: 0, routed: 1, unrouted: 0 });
      expect(await fedOn(kept)).toEqual([expect.objectContaining({ feedId: 'm-200', decider: kept.deviceId })]);
    });
  });
});
