import { randomUUID } from 'node:crypto';
import type { ResolutionReportInput } from '../../../shared/api/methods/complaints';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintEvents } from '../../../shared/events/complaints';
import type { EventPayload, EventType } from '../../../shared/events/index';
import type { PulledEvent } from '../../../shared/sync/protocol';
import { projectors } from '../handlers';
import { eventHash, GENESIS_HASH } from '../ledger/journal';
import { applyPulled } from '../sync/apply';
import { asPulled, journalRowsAfter } from '../testing';
import { disbursementComplaint, startComplaintDesk, type ComplaintDesk } from './testing';

// Two desks of one branch: what one records, the other rebuilds from its events alone; and head
// office's calendar and targets, pulled, move every complaint's SLA clocks.
let a: ComplaintDesk;
let b: ComplaintDesk;
beforeAll(async () => {
  [a, b] = await Promise.all([startComplaintDesk(), startComplaintDesk()]);
});
afterAll(async () => {
  await a.close();
  await b.close();
});


const eventsOf = (desk: ComplaintDesk, afterSeq = 0): PulledEvent[] => journalRowsAfter(desk.core, 'complaint.', afterSeq).map(asPulled);

/** Head office's own chain, as a pull brings it. */
const headoffice = { deviceId: `headoffice-${randomUUID()}`, seq: 0, prev: GENESIS_HASH };
function fromHeadoffice<T extends EventType>(type: T, payload: EventPayload<T>, at: number): PulledEvent {
  const event = { eventId: randomUUID(), deviceId: headoffice.deviceId, deviceSeq: ++headoffice.seq, userId: null, username: 'pusat', at, type, payload: JSON.stringify(payload), prevHash: headoffice.prev };
  const hash = eventHash(event);
  headoffice.prev = hash;
  return { ...event, hash, cursor: headoffice.seq };
}

const TABLES = {
  complaints: `SELECT * FROM complaints ORDER BY id`,
  timeline: `SELECT complaint_id, at, type, user_id, note, department FROM complaint_timeline ORDER BY complaint_id, seq`,
  articles: `SELECT * FROM complaint_articles ORDER BY complaint_id, article_id`,
  attachments: `SELECT * FROM complaint_attachments ORDER BY id`,
};
const tables = (desk: ComplaintDesk) => Object.fromEntries(Object.entries(TABLES).map(([name, sql]) => [name, desk.core.db.prepare(sql).all()]));
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('bukti')]).toString('base64');

describe('complaint projections', () => {
  it('exist for every event of the complaints desk and of what it reads from head office', () => {
    expect(Object.keys(complaintEvents).filter((type) => !(type in projectors))).toEqual([]);
  });

  it('give another desk the same complaints from the events alone', async () => {
    const report: ResolutionReportInput = { problem: 'Dana belum masuk', cause: 'Gangguan', actionsTaken: ['Cek'], resolvedBy: 'department', department: 'Finance', customerInformed: true, disbursementResult: 'berhasil' };
    const one = await a.call('complaints.create', { ...disbursementComplaint(a.clock.now), articleIds: ['cara-melakukan-create-va-mas'] }, a.token.citra);
    await a.call('complaints.setStep', { id: one.id, stepId: 'verifikasi', done: true }, a.token.citra);
    await a.call('complaints.contact', { id: one.id, note: 'Ditelepon' }, a.token.citra);
    await a.call('complaints.escalate', { id: one.id, to: 'cs-manager', request: 'Tolong cek' }, a.token.citra);
    await a.call('complaints.waitCustomer', { id: one.id, note: 'Minta bukti' }, a.token.maya);
    a.clock.advance(60_000);
    await a.call('complaints.customerReplied', { id: one.id, note: 'Bukti masuk' }, a.token.maya);
    await a.call('complaints.attach', { id: one.id, fileName: 'bukti.png', mimeType: 'image/png', dataBase64: PNG }, a.token.maya);
    await a.call('complaints.escalate', { id: one.id, to: 'department', department: 'Finance', request: 'Cek mutasi' }, a.token.maya);
    await a.call('complaints.departmentResponse', { id: one.id, response: 'Sudah dicairkan' }, a.token.maya);
    await a.call('complaints.resolve', { id: one.id, report }, a.token.maya);
    await a.call('complaints.reopen', { id: one.id, reason: 'Belum masuk' }, a.token.citra);
    const two = await a.call('complaints.create', { ...disbursementComplaint(a.clock.now), channel: 'email' }, a.token.citra);
    await a.call('complaints.useArticle', { id: two.id, articleId: 'cara-melakukan-create-va-mas' }, a.token.citra);

    const events = eventsOf(a);
    expect(new Set(events.map((e) => e.type)).size).toBe(11);
    expect(applyPulled(b.core.db, projectors, events, events.length, b.clock.now)).toEqual({ applied: events.length, skipped: 0, failed: 0 });
    expect(tables(b)).toEqual(tables(a));
    // The same view at the same instant; names aside, as these two test desks made their users apart.
    b.clock.now = a.clock.now;
    const names = (view: Awaited<ReturnType<typeof a.call<'complaints.get'>>>) => ({
      ...view,
      createdBy: null,
      timeline: view.timeline.map((e) => ({ ...e, by: null })),
      report: view.report && { ...view.report, by: null },
    });
    const viewA = names(await a.call('complaints.get', { id: one.id }, a.token.kiki));
    expect(names(await b.call('complaints.get', { id: one.id }, b.token.kiki))).toEqual(viewA);
    // B has no copy of the proof: the file stays at the desk that took it
    expect((await b.call('complaints.attachment', { id: one.id, attachmentId: viewA.attachments[0]!.id }, b.token.kiki).catch((e: Error) => e.message))).toBe('complaints.errors.attachmentNotFound');
  });

  it('keep a pulled step that no longer fits as a visible conflict', async () => {
    const { id } = await a.call('complaints.create', disbursementComplaint(a.clock.now), a.token.citra);
    const afterCreate = (a.core.db.prepare(`SELECT max(seq) AS n FROM journal`).get() as { n: number }).n;
    applyPulled(b.core.db, projectors, eventsOf(a, 0).filter((e) => e.payload.includes(id)), 0, b.clock.now);
    // apart: A waits on the customer, B escalates it up to a department
    await a.call('complaints.waitCustomer', { id, note: 'Tunggu' }, a.token.citra);
    await b.call('complaints.escalate', { id, to: 'cs-manager', request: 'Cek' }, b.token.citra);
    await b.call('complaints.escalate', { id, to: 'department', department: 'IT', request: 'Cek' }, b.token.maya);
    const outcome = applyPulled(b.core.db, projectors, eventsOf(a, afterCreate), 0, b.clock.now);
    // waiting fits any working status, the department's included
    expect(outcome).toEqual({ applied: 1, skipped: 0, failed: 0 });
    expect((await b.call('complaints.get', { id }, b.token.citra)).status).toBe('waiting-customer');
    await a.call('complaints.customerReplied', { id, note: 'Balas' }, a.token.citra);
    await a.call('complaints.escalate', { id, to: 'cs-manager', request: 'Cek' }, a.token.citra);
    // A's escalation to the manager does not fit a complaint B already took to a department
    const late = applyPulled(b.core.db, projectors, eventsOf(a, afterCreate + 1), 0, b.clock.now);
    expect(late.failed).toBeGreaterThan(0);
    expect(b.core.db.prepare(`SELECT type FROM sync_conflicts`).all()).toContainEqual({ type: 'complaint.escalated' });
  });
});

describe("head office's calendar and targets", () => {
  it('move the deadlines of the complaints already logged', async () => {
    // Monday 14 Dec 2026, 09:00 WIB
    await b.travel(Date.UTC(2026, 11, 14, 2, 0));
    const { id, sla } = await b.call('complaints.create', { ...disbursementComplaint(b.clock.now), category: 'penagihan', facts: { billingReason: 'Tagihan ganda' } }, b.token.citra);
    // 16 business hours: Monday 09:00 → Wednesday 09:00
    expect(sla.resolution.dueAt).toBe(Date.UTC(2026, 11, 16, 2, 0));
    const pulled = [
      fromHeadoffice('calendar.holidaysSet', { holidays: [{ date: '2026-12-15', name: 'Libur cabang', kind: 'nasional' }] }, b.clock.now),
      fromHeadoffice('complaints.slaTargetsSet', { category: 'penagihan', firstResponseMinutes: 30, resolutionMinutes: 8 * 60, warnBeforeMinutes: 60 }, b.clock.now),
    ];
    expect(applyPulled(b.core.db, projectors, pulled, 0, b.clock.now)).toEqual({ applied: 2, skipped: 0, failed: 0 });
    const after = await b.call('complaints.get', { id }, b.token.citra);
    // 8 business hours with Tuesday a holiday: Monday 09:00–16:00, then Wednesday 08:00–09:00
    expect(after.sla.resolution.dueAt).toBe(Date.UTC(2026, 11, 16, 2, 0));
    expect(after.sla.firstResponse.dueAt).toBe(b.clock.now + 30 * 60_000);
    const row = b.core.db.prepare(`SELECT res_breach_at FROM complaints WHERE id = ?`).get(id) as { res_breach_at: number };
    expect(row.res_breach_at).toBe(Date.UTC(2026, 11, 16, 2, 0) + 1);
    const settings = await b.call('complaints.settings', {}, b.token.kiki);
    expect(settings.holidays).toEqual([{ date: '2026-12-15', name: 'Libur cabang', kind: 'nasional' }]);
    expect(settings.targets.penagihan).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 480, warnBeforeMinutes: 60 });

    const week = { zone: 'WIB' as const, week: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [{ startMinute: 480, endMinute: 720 }], 7: [] } };
    applyPulled(b.core.db, projectors, [fromHeadoffice('calendar.businessWeekSet', { branchCode: 'LAIN', week }, b.clock.now)], 0, b.clock.now);
    expect((await b.call('complaints.settings', {}, b.token.kiki)).week.week[1]).toEqual([{ startMinute: 480, endMinute: 960 }]);
    applyPulled(b.core.db, projectors, [fromHeadoffice('calendar.businessWeekSet', { branchCode: 'JKT01', week }, b.clock.now)], 0, b.clock.now);
    const saturdayOnly = await b.call('complaints.get', { id }, b.token.citra);
    // open on Saturdays 08:00–12:00 only: 8 hours are Saturday 19 and Saturday 26 December
    expect(saturdayOnly.sla.resolution.dueAt).toBe(Date.UTC(2026, 11, 26, 5, 0));
  });
});
