import type { ResolutionReportInput } from '../../../shared/api/methods/complaints';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/index';
import { rejection } from '../testing';
import { disbursementComplaint, HOUR, startComplaintDesk, type ComplaintDesk } from './testing';

// Every complaints.* method the desk answers, through the dispatcher, on a real temporary ledger.
// Complaints are independent, so one desk serves the file; each case makes its own.
let t: ComplaintDesk;
beforeAll(async () => {
  t = await startComplaintDesk();
});
afterAll(() => t.close());

const count = (table: string) => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const ARTICLE = 'notifikasi-paid-tidak-update-sedangkan-konsumen';

const create = (overrides: Partial<MethodInput<'complaints.create'>> = {}) =>
  t.call('complaints.create', { ...disbursementComplaint(t.clock.now), ...overrides }, t.token.citra);

describe('complaints.create', () => {
  it('logs the complaint at the core clock, phone and NIK normalised, with a branch number and the SOP advice', async () => {
    const before = count('complaints');
    const created = await create({ articleIds: [ARTICLE] });
    expect(created).toMatchObject({
      number: `KL-JKT01-${String(before + 1).padStart(6, '0')}`,
      category: 'pencairan-pinjaman',
      status: 'open',
      customer: { name: 'Budi Santoso', phone: '+6281234567890', nik: '3201011205900001' },
      verifiedBy: 'nik',
      createdAt: t.clock.now,
      createdBy: 'Citra',
      firstResponseAt: null,
      escalation: 'none',
      facts: { disbursementStartedAt: t.clock.now - HOUR },
      advice: { kind: 'disbursement', advice: 'tell-wait-max-2h', elapsedMs: HOUR },
      articles: [{ id: ARTICLE, question: expect.stringContaining('Notifikasi paid') as string }],
    });
    expect(created.timeline.map((e) => e.type)).toEqual(['complaint.logged', 'complaint.articleUsed']);
    expect(await t.call('complaints.get', { id: created.id }, t.token.kamal)).toEqual(created);
  });

  it('keeps only the facts of its category', async () => {
    const created = await create({ facts: { disbursementStartedAt: t.clock.now - HOUR, paidAt: t.clock.now, canUseApp: true } });
    expect(created.facts).toEqual({ disbursementStartedAt: t.clock.now - HOUR });
  });

  it('advises reporting to the manager once the disbursement is over 2 hours old', async () => {
    const created = await create({ facts: { disbursementStartedAt: t.clock.now - 2 * HOUR - 1 } });
    expect(created.advice).toEqual({ kind: 'disbursement', advice: 'ask-proof-and-report-manager', elapsedMs: 2 * HOUR + 1 });
  });

  it.each<[string, Partial<MethodInput<'complaints.create'>>, { path: string; key: string; params?: object }[]]>([
    ['a NIK with 15 digits', { customer: { name: 'Budi Santoso', nik: '320101120590000' } }, [
      { path: 'customer.nik', key: 'complaints.errors.nik', params: { reason: 'length' } },
    ]],
    ['a foreign phone', { verifiedBy: 'phone', customer: { name: 'Budi Santoso', phone: '+65 9123 4567' } }, [
      { path: 'customer.phone', key: 'complaints.errors.phone', params: { reason: 'notIndonesian' } },
    ]],
    ['verified by phone without a phone', { verifiedBy: 'phone', customer: { name: 'Budi Santoso', nik: '3201011205900001' } }, [
      { path: 'customer.phone', key: 'complaints.errors.verifierMissing' },
    ]],
    ['verified by NIK without a NIK', { verifiedBy: 'nik', customer: { name: 'Budi Santoso', phone: '081234567890' } }, [
      { path: 'customer.nik', key: 'complaints.errors.verifierMissing' },
    ]],
    ['verified by full name, a number typed as the name', { verifiedBy: 'full-name', customer: { name: '081234567890' } }, [
      { path: 'customer.name', key: 'complaints.errors.fullName' },
    ]],
    ['a disbursement without its start time', { facts: {} }, [{ path: 'facts.disbursementStartedAt', key: 'validation.required' }]],
    ['a disbursement that starts in the future', { facts: { disbursementStartedAt: Date.UTC(2030, 0, 1) } }, [
      { path: 'facts.disbursementStartedAt', key: 'complaints.errors.futureTime' },
    ]],
    ['a billing complaint without its reason', { category: 'penagihan', facts: {} }, [{ path: 'facts.billingReason', key: 'validation.required' }]],
    ['a payment confirmation without paidAt and recorded', { category: 'konfirmasi-pembayaran', facts: {} }, [
      { path: 'facts.paidAt', key: 'validation.required' },
      { path: 'facts.paymentRecorded', key: 'validation.required' },
    ]],
    ['a payment code given without the risk notice', { category: 'metode-pembayaran', facts: { canUseApp: false } }, [
      { path: 'facts.riskNoticeGiven', key: 'complaints.errors.riskNotice' },
    ]],
    ['an article the knowledge base does not have', { articleIds: [ARTICLE, 'tidak-ada'] }, [{ path: 'articleIds.1', key: 'complaints.errors.unknownArticle' }]],
    ['an empty description', { description: '  ' }, [{ path: 'description', key: 'validation.required' }]],
    ['an unknown channel', { channel: 'fax' as never }, [{ path: 'channel', key: 'validation.oneOf' }]],
  ])('refuses %s with a message per field and saves nothing', async (_case, overrides, fields) => {
    const journal = count('journal');
    const complaints = count('complaints');
    const error = await rejection(create(overrides));
    expect(error.code).toBe('bad_input');
    expect(error.fields?.map((f) => ({ path: f.path, key: f.key, ...(f.params ? { params: f.params } : {}) }))).toEqual(fields);
    expect(count('journal')).toBe(journal);
    expect(count('complaints')).toBe(complaints);
  });

  it('is for CS only', async () => {
    const error = await rejection(t.call('complaints.create', disbursementComplaint(t.clock.now), t.token.maya));
    expect(error.code).toBe('forbidden');
  });
});

describe('working a complaint', () => {
  it('ticks playbook steps of its category only, and untick them', async () => {
    const { id } = await create();
    expect((await t.call('complaints.setStep', { id, stepId: 'verifikasi', done: true }, t.token.citra)).stepsDone).toEqual(['verifikasi']);
    expect((await t.call('complaints.setStep', { id, stepId: 'verifikasi', done: false }, t.token.maya)).stepsDone).toEqual([]);
    const error = await rejection(t.call('complaints.setStep', { id, stepId: 'tanya-penagihan', done: true }, t.token.citra));
    expect(error.fields).toEqual([{ path: 'stepId', key: 'complaints.errors.unknownStep' }]);
  });

  it('takes the first contact as the first response, later ones do not move it', async () => {
    const { id } = await create();
    const first = t.clock.now;
    const contacted = await t.call('complaints.contact', { id, note: 'Nasabah ditelepon' }, t.token.citra);
    expect(contacted.firstResponseAt).toBe(first);
    t.clock.advance(60_000);
    const again = await t.call('complaints.contact', { id, note: 'Ditelepon lagi' }, t.token.citra);
    expect(again.firstResponseAt).toBe(first);
    expect(again.timeline.filter((e) => e.type === 'complaint.customerContacted').map((e) => e.note)).toEqual(['Nasabah ditelepon', 'Ditelepon lagi']);
  });

  it('waits on the customer and goes back to where it was when they reply', async () => {
    const { id } = await create();
    await t.call('complaints.escalate', { id, to: 'cs-manager', request: 'Dana belum masuk' }, t.token.citra);
    expect((await t.call('complaints.waitCustomer', { id, note: 'Minta bukti transfer' }, t.token.maya)).status).toBe('waiting-customer');
    expect((await rejection(t.call('complaints.waitCustomer', { id, note: 'lagi' }, t.token.maya))).key).toBe('complaints.errors.wrongState');
    expect((await t.call('complaints.customerReplied', { id, note: 'Bukti dikirim' }, t.token.maya)).status).toBe('escalated-manager');
  });

  it('escalates CS → CS manager → department, each by their own role', async () => {
    const { id } = await create();
    const byManager = await rejection(t.call('complaints.escalate', { id, to: 'cs-manager', request: 'Tolong' }, t.token.maya));
    expect([byManager.code, byManager.key]).toEqual(['forbidden', 'complaints.errors.escalateRole']);
    const toManager = await t.call('complaints.escalate', { id, to: 'cs-manager', request: 'Dana belum masuk 3 jam' }, t.token.citra);
    expect([toManager.status, toManager.escalation]).toEqual(['escalated-manager', 'cs-manager']);
    const byCs = await rejection(t.call('complaints.escalate', { id, to: 'department', department: 'Finance', request: 'Cek' }, t.token.citra));
    expect(byCs.code).toBe('forbidden');
    const noDepartment = await rejection(t.call('complaints.escalate', { id, to: 'department', request: 'Cek' }, t.token.maya));
    expect(noDepartment.fields).toEqual([{ path: 'department', key: 'complaints.errors.departmentRequired' }]);
    const toDepartment = await t.call('complaints.escalate', { id, to: 'department', department: 'Finance', request: 'Cek mutasi' }, t.token.maya);
    expect(toDepartment).toMatchObject({ status: 'escalated-department', escalation: 'department', department: 'Finance' });
    const answered = await t.call('complaints.departmentResponse', { id, response: 'Dana dicairkan ulang' }, t.token.maya);
    expect(answered.timeline.at(-1)).toMatchObject({ type: 'complaint.departmentResponded', by: 'Maya', note: 'Dana dicairkan ulang', department: 'Finance' });
    expect(answered.timeline.find((e) => e.type === 'complaint.escalated' && e.department === 'Finance')?.note).toBe('Cek mutasi');
  });

  it('refuses a department response before a department was asked', async () => {
    const { id } = await create();
    expect((await rejection(t.call('complaints.departmentResponse', { id, response: 'x' }, t.token.maya))).key).toBe('complaints.errors.wrongState');
  });

  it('remembers the articles used, once each', async () => {
    const { id } = await create();
    await t.call('complaints.useArticle', { id, articleId: ARTICLE }, t.token.citra);
    const used = await t.call('complaints.useArticle', { id, articleId: ARTICLE }, t.token.citra);
    expect(used.articles.map((a) => a.id)).toEqual([ARTICLE]);
    const error = await rejection(t.call('complaints.useArticle', { id, articleId: 'tidak-ada' }, t.token.citra));
    expect(error.fields).toEqual([{ path: 'articleId', key: 'complaints.errors.unknownArticle' }]);
  });
});

describe('resolving', () => {
  const report: ResolutionReportInput = { problem: 'Dana belum masuk', cause: 'Gangguan bank', actionsTaken: ['Cek status', 'Cairkan ulang'], resolvedBy: 'cs', customerInformed: true };

  it('needs the category field of the report, naming it under report, and saves nothing', async () => {
    const { id } = await create();
    const journal = count('journal');
    const error = await rejection(t.call('complaints.resolve', { id, report }, t.token.citra));
    expect(error.fields).toEqual([{ path: 'report.disbursementResult', key: 'validation.required' }]);
    const noActions = await rejection(t.call('complaints.resolve', { id, report: { ...report, actionsTaken: [], disbursementResult: 'berhasil' } }, t.token.citra));
    expect(noActions.fields).toEqual([{ path: 'report.actionsTaken', key: 'validation.required' }]);
    const notInformed = await rejection(t.call('complaints.resolve', { id, report: { ...report, customerInformed: false as never, disbursementResult: 'berhasil' } }, t.token.citra));
    expect(notInformed.fields?.map((f) => f.path)).toEqual(['report.customerInformed']);
    const department = await rejection(t.call('complaints.resolve', { id, report: { ...report, resolvedBy: 'department', disbursementResult: 'berhasil' } }, t.token.citra));
    expect(department.fields).toEqual([{ path: 'report.department', key: 'validation.required' }]);
    expect(count('journal')).toBe(journal);
    expect((await t.call('complaints.get', { id }, t.token.citra)).status).toBe('open');
  });

  it('resolves with the report, then reopens', async () => {
    const { id } = await create({ articleIds: [ARTICLE] });
    await t.call('complaints.setStep', { id, stepId: 'verifikasi', done: true }, t.token.citra);
    t.clock.advance(5 * 60_000);
    const resolved = await t.call('complaints.resolve', { id, report: { ...report, disbursementResult: 'gagal-dicairkan-ulang' } }, t.token.citra);
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedAt: t.clock.now,
      // nobody had contacted the customer: telling them the outcome was the first response
      firstResponseAt: t.clock.now,
      report: { ...report, actionsTaken: [...report.actionsTaken], disbursementResult: 'gagal-dicairkan-ulang', stepsDone: ['verifikasi'], articleIds: [ARTICLE], department: null, resolvedAt: t.clock.now, by: 'Citra' },
    });
    expect((await rejection(t.call('complaints.contact', { id, note: 'x' }, t.token.citra))).key).toBe('complaints.errors.wrongState');
    const reopened = await t.call('complaints.reopen', { id, reason: 'Nasabah bilang dana belum masuk' }, t.token.citra);
    expect(reopened).toMatchObject({ status: 'reopened', resolvedAt: null, report: null });
    expect((await rejection(t.call('complaints.reopen', { id, reason: 'lagi' }, t.token.citra))).key).toBe('complaints.errors.wrongState');
  });
});

describe('finding', () => {
  it('lists by status, category and text: name, description, NIK, and phone in any common form', async () => {
    const created = await create({ customer: { name: 'Sri Wahyuni', phone: '0857 1111 2222', nik: '3201 0112 0590 0002' }, description: 'Rekening tujuan salah ketik' });
    const ids = async (input: MethodInput<'complaints.list'>) => (await t.call('complaints.list', input, t.token.kiki)).complaints.map((c) => c.id);
    for (const text of ['wahyu', 'salah ketik', '+62 857-1111-2222', '6285711112222', '3201011205900002']) expect(await ids({ text })).toEqual([created.id]);
    expect(await ids({ status: 'open', category: 'pencairan-pinjaman' })).toContain(created.id);
    expect(await ids({ category: 'penagihan' })).not.toContain(created.id);
    expect(await ids({ text: '100%_' })).toEqual([]);
  });

  it('finds customers from earlier complaints and account-opening applications', async () => {
    await create({ verifiedBy: 'phone', customer: { name: 'Rudi Hartono', phone: '0813 9999 0001' } });
    const admin = await t.login('admin', 'rahasia-admin-1');
    const app = { customerName: 'Rudi Hartanto', nik: '3201011205900003', phone1: '0813 9999 0002', address: 'Jl. Melati 1', product: 'tabungan' } as const;
    await t.call('users.create', { username: 'aoku', displayName: 'AO', roles: ['ao'], password: 'aoku-sandi-123' }, admin);
    await t.call('otp.create', app, await t.login('aoku', 'aoku-sandi-123'));
    const found = await t.call('complaints.findCustomer', { query: 'rudi hart' }, t.token.citra);
    expect(found.customers.map((c) => [c.name, c.source]).sort()).toEqual([['Rudi Hartanto', 'otp'], ['Rudi Hartono', 'complaint']]);
    const byPhone = await t.call('complaints.findCustomer', { query: '+62 813-9999-0002' }, t.token.maya);
    expect(byPhone.customers).toEqual([{ name: 'Rudi Hartanto', phone: '+6281399990002', nik: '3201011205900003', source: 'otp', lastSeenAt: t.clock.now }]);
  });

  it('gives the settings in force: PLAYBOOKS targets, the 2026 holidays, Senin–Jumat 08:00–16:00 WIB', async () => {
    const settings = await t.call('complaints.settings', {}, t.token.kiki);
    expect(settings.targets['pencairan-pinjaman']).toEqual({ firstResponseMinutes: 15, resolutionMinutes: 480, warnBeforeMinutes: 30 });
    expect(settings.holidays.find((h) => h.date === '2026-08-17')?.kind).toBe('nasional');
    expect(settings.week.zone).toBe('WIB');
    expect(settings.week.week[1]).toEqual([{ startMinute: 480, endMinute: 960 }]);
    expect(settings.week.week[6]).toEqual([]);
  });
});
