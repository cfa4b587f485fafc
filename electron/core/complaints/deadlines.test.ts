import type { ResolutionReportInput } from '../../../shared/api/methods/complaints';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disbursementComplaint, startComplaintDesk, type ComplaintDesk } from './testing';

// Every complaint shows its deadlines, computed at the core's clock in business time: a warning
// before a breach, the breach marked, no time counted while waiting on the customer. The clock is
// moved by the test; nothing waits.
let t: ComplaintDesk;
beforeAll(async () => {
  t = await startComplaintDesk();
});
afterAll(() => t.close());

const MIN = 60_000;
// Monday 14 December 2026, 09:00 WIB
const MONDAY_9 = Date.UTC(2026, 11, 14, 2, 0);
const billing = () => ({ ...disbursementComplaint(t.clock.now), category: 'penagihan' as const, facts: { billingReason: 'Tagihan dobel' } });
const attention = async () => (await t.call('complaints.list', { attention: true }, t.token.maya)).complaints.map((c) => c.id);

describe('SLA deadlines', () => {
  it('run in business hours: logged Friday 15:50, the first answer is due Monday 08:05', async () => {
    await t.travel(Date.UTC(2026, 11, 11, 8, 50));
    const { sla } = await t.call('complaints.create', billing(), t.token.citra);
    expect(sla.firstResponse.dueAt).toBe(Date.UTC(2026, 11, 14, 1, 5));
    // penagihan: 16 business hours: 10 minutes on Friday, Monday, then Tuesday until 15:50
    expect(sla.resolution.dueAt).toBe(Date.UTC(2026, 11, 15, 8, 50));
  });

  it('warn before the first response is due, mark the breach after, and keep the outcome once answered', async () => {
    await t.travel(MONDAY_9);
    // a 30-minute lead on a 15-minute target is cut to half of it: a new complaint starts calm
    const { id, sla } = await t.call('complaints.create', billing(), t.token.citra);
    expect(sla.firstResponse).toMatchObject({ state: 'running', elapsedMs: 0, remainingMs: 15 * MIN, dueAt: MONDAY_9 + 15 * MIN });
    expect(sla.resolution.state).toBe('running');
    expect(await attention()).not.toContain(id);

    await t.travel(MONDAY_9 + 8 * MIN);
    expect((await t.call('complaints.get', { id }, t.token.citra)).sla.firstResponse.state).toBe('warning');
    expect(await attention()).toContain(id);

    await t.travel(MONDAY_9 + 20 * MIN);
    const late = await t.call('complaints.get', { id }, t.token.citra);
    expect(late.sla.firstResponse).toMatchObject({ state: 'breached', overdueMs: 5 * MIN, remainingMs: 0 });
    const answered = await t.call('complaints.contact', { id, note: 'Nasabah ditelepon' }, t.token.citra);
    expect(answered.sla.firstResponse).toMatchObject({ state: 'breached', elapsedMs: 20 * MIN });
    const row = t.core.db.prepare(`SELECT fr_outcome FROM complaints WHERE id = ?`).get(id);
    expect(row).toEqual({ fr_outcome: 'breached' });
  });

  it('meet the target when answered in time', async () => {
    await t.travel(MONDAY_9 + 60 * MIN);
    const { id } = await t.call('complaints.create', billing(), t.token.citra);
    await t.travel(MONDAY_9 + 74 * MIN);
    const answered = await t.call('complaints.contact', { id, note: 'Dijawab' }, t.token.citra);
    expect(answered.sla.firstResponse.state).toBe('met');
    expect(await attention()).not.toContain(id);
  });

  it('pause while waiting on the customer', async () => {
    await t.travel(MONDAY_9 + 2 * 60 * MIN);
    const { id } = await t.call('complaints.create', billing(), t.token.citra);
    await t.call('complaints.contact', { id, note: 'Dijawab' }, t.token.citra);
    await t.travel(MONDAY_9 + 3 * 60 * MIN);
    await t.call('complaints.waitCustomer', { id, note: 'Minta bukti transfer' }, t.token.citra);
    // two days later, the clock still shows the hour it ran
    await t.travel(MONDAY_9 + 2 * 24 * 60 * MIN);
    const waiting = await t.call('complaints.get', { id }, t.token.citra);
    expect(waiting.sla.resolution).toMatchObject({ state: 'paused', elapsedMs: 60 * MIN });
    await t.call('complaints.customerReplied', { id, note: 'Bukti dikirim' }, t.token.citra);
    await t.travel(MONDAY_9 + 2 * 24 * 60 * MIN + 30 * MIN);
    expect((await t.call('complaints.get', { id }, t.token.citra)).sla.resolution).toMatchObject({ state: 'running', elapsedMs: 90 * MIN });
  });

  it('stop the resolution clock at the resolution', async () => {
    await t.travel(MONDAY_9 + 4 * 60 * MIN);
    const created = await t.call('complaints.create', disbursementComplaint(t.clock.now), t.token.citra);
    await t.travel(MONDAY_9 + 5 * 60 * MIN);
    const report: ResolutionReportInput = { problem: 'Dana belum masuk', cause: 'Antrian bank', actionsTaken: ['Cek'], resolvedBy: 'cs', customerInformed: true, disbursementResult: 'berhasil' };
    const resolved = await t.call('complaints.resolve', { id: created.id, report }, t.token.citra);
    expect(resolved.sla.resolution).toMatchObject({ state: 'met', elapsedMs: 60 * MIN });
    await t.travel(MONDAY_9 + 10 * 24 * 60 * MIN);
    expect((await t.call('complaints.get', { id: created.id }, t.token.citra)).sla.resolution).toMatchObject({ state: 'met', elapsedMs: 60 * MIN });
  });
});
