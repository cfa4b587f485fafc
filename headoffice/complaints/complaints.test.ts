import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, startTestHeadoffice } from '../testing';
import { admin, complaintDesk, loggedComplaint, type TestHeadoffice } from './testing';

// Friday 20 November 2026; the branches open 08:00–16:00 WIB, so 02:00Z is 09:00 WIB.
const at = (hhmm: string) => Date.parse(`2026-11-20T${hhmm}:00Z`);
const NOW = at('03:00');

type Row = {
  id: string;
  number: string;
  branch: string;
  status: string;
  escalation: string;
  escalations: number;
  department: string | null;
  createdBy: string | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  articleIds: string[];
  sla: { firstResponse: { state: string; elapsedMs: number; dueAt: number }; resolution: { state: string; elapsedMs: number } };
};

describe.each(DIALECTS)('every branch’s complaints at head office on %s', (dialect) => {
  let ho: TestHeadoffice;
  let jkt: Awaited<ReturnType<typeof complaintDesk>>;
  let bdg: Awaited<ReturnType<typeof complaintDesk>>;
  const a = loggedComplaint();
  const b = loggedComplaint({ category: 'penagihan', channel: 'email', facts: { billingReason: 'Tagihan ganda' } });
  const c = loggedComplaint({ category: 'metode-pembayaran', customer: { name: 'Rina Kartika', phone: '+6285712345678', nik: null }, verifiedBy: 'phone', facts: { canUseApp: true } });
  const d = loggedComplaint({ category: 'konfirmasi-pembayaran', facts: { paidAt: at('01:00'), paymentRecorded: false } });
  const list = async (query = '') => {
    const response = await ho.app.inject({ method: 'GET', url: `/admin/api/complaints${query}`, headers: admin });
    expect(response.statusCode).toBe(200);
    return (response.json() as { complaints: Row[] }).complaints;
  };

  beforeEach(async () => {
    ho = await startTestHeadoffice(dialect, () => NOW);
    jkt = await complaintDesk(ho, 'JKT01', 'siti');
    bdg = await complaintDesk(ho, 'BDG01', 'andi');
    const report = { problem: 'Kode bayar', cause: 'Belum tahu caranya', actionsTaken: ['Arahkan ke aplikasi'], resolvedBy: 'cs', customerInformed: true, paymentCodeGivenByCs: false, articleIds: ['cara-melakukan-create-va-mas'] };
    const pushed = [
      ...(await jkt.push([
        jkt.chain.next('complaint.logged', a, at('02:00')),
        jkt.chain.next('complaint.logged', b, at('02:01')),
        jkt.chain.next('complaint.customerContacted', { id: a.id, note: 'Ditelepon balik' }, at('02:10')),
        jkt.chain.next('complaint.escalated', { id: a.id, to: 'cs-manager', department: null, request: 'Mohon dicek' }, at('02:20')),
        jkt.chain.next('complaint.escalated', { id: a.id, to: 'department', department: 'Finance', request: 'Cek mutasi' }, at('02:30')),
        jkt.chain.next('complaint.departmentResponded', { id: a.id, department: 'Finance', response: 'Sedang dicek' }, at('02:45')),
      ])).results,
      ...(await bdg.push([
        bdg.chain.next('complaint.logged', c, at('02:02')),
        bdg.chain.next('complaint.logged', d, at('02:03')),
        bdg.chain.next('complaint.customerContacted', { id: c.id, note: 'Dijelaskan' }, at('02:05')),
        bdg.chain.next('complaint.waitingCustomer', { id: c.id, note: 'Menunggu bukti' }, at('02:10')),
        bdg.chain.next('complaint.customerReplied', { id: c.id, note: 'Bukti dikirim' }, at('02:20')),
        bdg.chain.next('complaint.articleUsed', { id: c.id, articleId: 'gagal-melakukan-create-va-mas' }, at('02:25')),
        bdg.chain.next('complaint.resolved', { id: c.id, report }, at('02:40')),
        bdg.chain.next('complaint.resolved', { id: d.id, report: { ...report, articleIds: [] } }, at('02:10')),
        bdg.chain.next('complaint.reopened', { id: d.id, reason: 'Nasabah datang lagi' }, at('02:30')),
        // two desks acting on the same complaint offline: a step its status no longer allows changes nothing
        bdg.chain.next('complaint.escalated', { id: c.id, to: 'cs-manager', department: null, request: 'Terlambat' }, at('02:50')),
      ])).results,
    ];
    expect(pushed.map((r) => r.status)).toEqual(pushed.map(() => 'accepted'));
  });
  afterEach(() => ho.close());

  it('lists them newest first with per-branch numbers, statuses, escalation and SLA at head office’s clock', async () => {
    const rows = await list();
    expect(rows.map((r) => r.number)).toEqual(['KL-BDG01-000002', 'KL-BDG01-000001', 'KL-JKT01-000002', 'KL-JKT01-000001']);
    const [rowD, rowC, rowB, rowA] = rows as [Row, Row, Row, Row];

    expect(rowA).toMatchObject({ id: a.id, branch: 'JKT01', status: 'escalated-department', escalation: 'department', escalations: 2, department: 'Finance', createdBy: 'siti', firstResponseAt: at('02:10'), resolvedAt: null });
    expect(rowA.sla.firstResponse).toMatchObject({ state: 'met', elapsedMs: 10 * 60_000, dueAt: at('02:15') });
    expect(rowA.sla.resolution).toMatchObject({ state: 'running', elapsedMs: 60 * 60_000 });
    // nobody answered B within its 15 business minutes
    expect(rowB.sla.firstResponse).toMatchObject({ state: 'breached', elapsedMs: 59 * 60_000 });
    // C waited on the customer for 10 minutes: not counted
    expect(rowC).toMatchObject({ status: 'resolved', escalation: 'none', escalations: 0, resolvedAt: at('02:40'), articleIds: ['cara-melakukan-create-va-mas', 'gagal-melakukan-create-va-mas'] });
    expect(rowC.sla.resolution).toMatchObject({ state: 'met', elapsedMs: 28 * 60_000 });
    expect(rowD).toMatchObject({ status: 'reopened', resolvedAt: null, firstResponseAt: at('02:10'), createdBy: 'andi' });
  });

  it('filters by branch, status, category, customer (name, phone in any form) and SLA attention', async () => {
    const numbers = async (query: string) => (await list(query)).map((r) => r.number);
    expect(await numbers('?branch=BDG01')).toEqual(['KL-BDG01-000002', 'KL-BDG01-000001']);
    expect(await numbers('?status=resolved')).toEqual(['KL-BDG01-000001']);
    expect(await numbers('?category=penagihan')).toEqual(['KL-JKT01-000002']);
    expect(await numbers('?text=rina')).toEqual(['KL-BDG01-000001']);
    expect(await numbers('?text=0857-1234')).toEqual(['KL-BDG01-000001']);
    expect(await numbers('?text=3171012345678901')).toEqual(['KL-BDG01-000002', 'KL-JKT01-000002', 'KL-JKT01-000001']);
    expect(await numbers('?text=50%25')).toEqual([]);
    expect(await numbers('?attention=true')).toEqual(['KL-JKT01-000002']);
    expect(await numbers(`?from=${at('02:01')}&to=${at('02:03')}`)).toEqual(['KL-BDG01-000001', 'KL-JKT01-000002']);
    expect((await ho.app.inject({ method: 'GET', url: '/admin/api/complaints?status=closed', headers: admin })).statusCode).toBe(400);
  });

  it('refuses another branch’s complaint, an unknown one, and a complaint logged twice', async () => {
    const results = await bdg.push([
      bdg.chain.next('complaint.stepSet', { id: a.id, stepId: 'verifikasi', done: true }),
      bdg.chain.next('complaint.customerContacted', { id: randomUUID(), note: 'x' }),
      bdg.chain.next('complaint.logged', { ...c }),
    ]);
    expect(results.results).toMatchObject([
      { status: 'rejected', reason: 'conflict', detail: 'errors.notFound' },
      { status: 'rejected', reason: 'conflict', detail: 'errors.notFound' },
      { status: 'rejected', reason: 'conflict', detail: 'errors.conflict' },
    ]);
    // the other desk of the branch receives the branch's complaint events, and no other branch's
    const other = await complaintDesk(ho, 'JKT01', 'budi');
    const types = (await other.pull()).events.filter((e) => e.type.startsWith('complaint.')).map((e) => (JSON.parse(e.payload) as { id: string }).id);
    expect(new Set(types)).toEqual(new Set([a.id, b.id]));
  });

  it('answers only the admin token, and serves its page under the admin CSP', async () => {
    expect((await ho.app.inject({ method: 'GET', url: '/admin/api/complaints' })).statusCode).toBe(401);
    const page = await ho.app.inject({ method: 'GET', url: '/admin/complaints' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Keluhan semua cabang');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect((await ho.app.inject({ method: 'GET', url: '/admin/complaints.js' })).headers['content-type']).toContain('javascript');
  });
});
