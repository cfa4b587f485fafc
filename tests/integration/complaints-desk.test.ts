import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/api/index';
import { defaultBranchCalendar } from '../../shared/calendar/business-hours';
import { HOLIDAYS_2026, holidayDateSet } from '../../shared/calendar/holidays';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, type ComplaintCategory, type ComplaintChannel, type ComplaintStatus } from '../../shared/complaints/model';
import { PLAYBOOKS } from '../../shared/complaints/playbooks';
import { slaClock, type SlaPause } from '../../shared/complaints/sla';
import { parseIsoWeek } from '../../shared/domain/time';
import { rejection } from '../../electron/core/testing';
import { startComplaintDesk, type ComplaintDesk } from '../../electron/core/complaints/testing';
import { mulberry32 } from '../support/random';

// The complaints desk end to end through its methods. A seeded mix of complaints is logged and
// worked across one week (and its edges) on the injected clock; the test keeps its own tally of
// what it did, and the weekly evaluation must report exactly that tally. SLA outcomes in the tally
// come from shared slaClock over the test's own record of each complaint's pauses.

const MIN = 60_000;
const WEEK = '2026-W50'; // Monday 7 – Sunday 13 December 2026, WIB
const range = parseIsoWeek(WEEK, 'WIB')!;
const ARTICLES = ['notifikasi-paid-tidak-update-sedangkan-konsumen', 'gagal-melakukan-create-va-mas', 'user-tidak-dapat-login-aplikasi-mas', 'cara-melakukan-create-va-mas'];
const FACTS: Record<ComplaintCategory, (at: number) => MethodInput<'complaints.create'>['facts']> = {
  penagihan: () => ({ billingReason: 'Tagihan tidak sesuai' }),
  'pencairan-pinjaman': (at) => ({ disbursementStartedAt: at - 30 * MIN }),
  'konfirmasi-pembayaran': (at) => ({ paidAt: at - 3 * 60 * MIN, paymentRecorded: false }),
  'metode-pembayaran': () => ({ canUseApp: true }),
};
const REPORT_FIELD: Record<ComplaintCategory, object> = {
  penagihan: {},
  'pencairan-pinjaman': { disbursementResult: 'berhasil' },
  'konfirmasi-pembayaran': { paymentReceived: true },
  'metode-pembayaran': { paymentCodeGivenByCs: false },
};

const prng = mulberry32;

/** What the test itself recorded about one complaint. */
interface Tally {
  id: string;
  category: ComplaintCategory;
  channel: ComplaintChannel;
  status: ComplaintStatus;
  resumeTo: ComplaintStatus;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  pauses: SlaPause[];
  escalations: number;
  articles: Set<string>;
}

let t: ComplaintDesk;
const tallies: Tally[] = [];
let now: number;

beforeAll(async () => {
  t = await startComplaintDesk();
  const random = prng(50);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  // logging times: through the week, office hours and not, plus one just before and one just after
  const starts = Array.from({ length: 40 }, () => range.start + Math.floor(random() * (range.end - range.start)));
  starts.push(range.start - 1, range.end, range.start, range.end - 1);
  // one schedule of everything that happens, in time order: the desk's clock only moves forward
  type Step = { at: number; run: () => Promise<void> };
  const queue: Step[] = [];
  for (const createdAt of starts) {
    const tally = { createdAt } as Tally;
    queue.push({
      at: createdAt,
      run: async () => {
        const category = pick(COMPLAINT_CATEGORIES);
        const channel = pick(COMPLAINT_CHANNELS);
        const input = {
          customer: { name: 'Dewi Lestari', phone: '0812 1111 2222' },
          verifiedBy: 'phone' as const,
          category,
          channel,
          description: 'Keluhan nasabah',
          facts: FACTS[category](createdAt),
        };
        const { id } = await t.call('complaints.create', input, t.token.citra);
        Object.assign(tally, { id, category, channel, status: 'open', resumeTo: 'open', firstResponseAt: null, resolvedAt: null, pauses: [], escalations: 0, articles: new Set() });
        tallies.push(tally);
        let at = createdAt;
        for (let n = Math.floor(random() * 7); n > 0; n--) {
          at += Math.floor(random() * (random() < 0.6 ? 40 * MIN : 30 * 60 * MIN));
          queue.push({ at, run: () => act(tally, random) });
        }
      },
    });
  }
  while (queue.length > 0) {
    queue.sort((a, b) => a.at - b.at);
    const step = queue.shift()!;
    if (step.at !== t.clock.now) await t.travel(step.at);
    await step.run();
  }
  now = range.end + 3 * 24 * 60 * MIN;
  await t.travel(now);
}, 60_000);
afterAll(() => t.close());

const note = 'Catatan';
/** One random step the complaint's status allows, done through the desk and recorded in the tally. */
async function act(c: Tally, random: () => number): Promise<void> {
  const at = t.clock.now;
  const roll = random();
  const id = c.id;
  const setStatus = (status: ComplaintStatus) => {
    const paused = (s: ComplaintStatus) => s === 'waiting-customer' || s === 'resolved';
    if (!paused(c.status) && paused(status)) c.pauses.push({ from: at, to: null });
    if (paused(c.status) && !paused(status)) c.pauses.at(-1)!.to = at;
    c.status = status;
  };
  if (roll < 0.15) {
    const articleId = ARTICLES[Math.floor(random() * ARTICLES.length)]!;
    await t.call('complaints.useArticle', { id, articleId }, t.token.citra);
    c.articles.add(articleId);
    return;
  }
  switch (c.status) {
    case 'open':
    case 'reopened':
    case 'escalated-manager':
    case 'escalated-department':
      if (roll < 0.35) {
        await t.call('complaints.contact', { id, note }, t.token.citra);
        c.firstResponseAt ??= at;
      } else if (roll < 0.5 && c.status !== 'escalated-department') {
        if (c.status === 'escalated-manager') await t.call('complaints.escalate', { id, to: 'department', department: 'Finance', request: note }, t.token.maya);
        else await t.call('complaints.escalate', { id, to: 'cs-manager', request: note }, t.token.citra);
        c.escalations += 1;
        setStatus(c.status === 'escalated-manager' ? 'escalated-department' : 'escalated-manager');
      } else if (roll < 0.65) {
        await t.call('complaints.waitCustomer', { id, note }, t.token.citra);
        c.resumeTo = c.status;
        setStatus('waiting-customer');
      } else await resolve(c, at);
      return;
    case 'waiting-customer':
      if (roll < 0.6) {
        await t.call('complaints.customerReplied', { id, note }, t.token.citra);
        setStatus(c.resumeTo);
      } else await resolve(c, at);
      return;
    case 'resolved':
      if (roll < 0.3) {
        await t.call('complaints.reopen', { id, reason: 'Nasabah kembali' }, t.token.citra);
        setStatus('reopened');
        c.resolvedAt = null;
      }
      return;
  }

  async function resolve(complaint: Tally, time: number) {
    const report = { problem: 'Masalah', cause: 'Sebab', actionsTaken: ['Tindakan'], resolvedBy: 'cs' as const, customerInformed: true as const, ...REPORT_FIELD[complaint.category] };
    await t.call('complaints.resolve', { id: complaint.id, report }, t.token.citra);
    complaint.firstResponseAt ??= time;
    complaint.resolvedAt = time;
    setStatus('resolved');
  }
}

const calendar = defaultBranchCalendar({ zone: 'WIB', holidays: holidayDateSet(HOLIDAYS_2026) });
function outcome(c: Tally, minutes: number, stoppedAt: number | null): 'met' | 'breached' | null {
  const { state } = slaClock({ startedAt: c.createdAt, calendar, pauses: c.pauses, targetMs: minutes * MIN, warnBeforeMs: 0, now, stoppedAt });
  return state === 'met' || state === 'breached' ? state : null;
}

describe('the weekly evaluation', () => {
  it('reports what was done in the week, counted by the test itself', async () => {
    const week = tallies.filter((c) => c.createdAt >= range.start && c.createdAt < range.end);
    expect(week.length).toBe(42);
    const count = <K extends string>(keys: readonly K[], key: (c: Tally) => K) => Object.fromEntries(keys.map((k) => [k, week.filter((c) => key(c) === k).length]));
    const compliance = (outcomes: Array<'met' | 'breached' | null>) => {
      const met = outcomes.filter((o) => o === 'met').length;
      const breached = outcomes.filter((o) => o === 'breached').length;
      return { met, breached, pending: outcomes.length - met - breached, percent: met + breached === 0 ? null : Math.round((1000 * met) / (met + breached)) / 10 };
    };
    const times = week.filter((c) => c.resolvedAt !== null).map((c) => c.resolvedAt! - c.createdAt).sort((a, b) => a - b);
    const uses = ARTICLES.map((id) => ({ id, complaints: week.filter((c) => c.articles.has(id)).length }))
      .filter((a) => a.complaints > 0)
      .sort((a, b) => b.complaints - a.complaints || (a.id < b.id ? -1 : 1));

    const report = await t.call('complaints.weeklyReport', { week: WEEK }, t.token.kiki);
    expect(report).toEqual({
      week: WEEK,
      zone: 'WIB',
      start: range.start,
      end: range.end,
      total: week.length,
      byCategory: count(COMPLAINT_CATEGORIES, (c) => c.category),
      byChannel: count(COMPLAINT_CHANNELS, (c) => c.channel),
      byStatus: count(['open', 'waiting-customer', 'escalated-manager', 'escalated-department', 'resolved', 'reopened'] as const, (c) => c.status),
      firstResponse: compliance(week.map((c) => outcome(c, PLAYBOOKS[c.category].slaTargets.firstResponseMinutes, c.firstResponseAt))),
      resolution: compliance(week.map((c) => outcome(c, PLAYBOOKS[c.category].slaTargets.resolutionMinutes, c.resolvedAt))),
      resolutionTime: {
        resolved: times.length,
        medianMs: times.length === 0 ? null : times.length % 2 ? times[(times.length - 1) / 2] : Math.round((times[times.length / 2 - 1]! + times[times.length / 2]!) / 2),
        p90Ms: times.length === 0 ? null : times[Math.ceil(0.9 * times.length) - 1],
      },
      escalations: { complaints: week.filter((c) => c.escalations > 0).length, total: week.reduce((n, c) => n + c.escalations, 0) },
      topArticles: uses.slice(0, 5),
      articles: uses.slice(0, 5).map((a) => ({ id: a.id, question: expect.any(String) as string })),
    });
    // the mix is varied enough for the figures to mean something
    expect(report.byStatus.resolved).toBeGreaterThan(5);
    expect(report.firstResponse.breached).toBeGreaterThan(0);
    expect(report.firstResponse.met).toBeGreaterThan(0);
    expect(report.escalations.total).toBeGreaterThan(0);
    expect(report.topArticles.length).toBeGreaterThan(1);
  });

  it('refuses a week that does not exist, naming the field', async () => {
    const error = await rejection(t.call('complaints.weeklyReport', { week: '2026-W54' }, t.token.maya));
    expect(error.fields).toEqual([{ path: 'week', key: 'validation.isoWeek' }]);
    expect((await rejection(t.call('complaints.weeklyReport', { week: 'minggu lalu' }, t.token.maya))).fields).toEqual([{ path: 'week', key: 'validation.isoWeek' }]);
  });
});

describe('bad input', () => {
  const snapshot = () => {
    const n = (table: string) => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const dir = join(t.dataDir, 'attachments');
    return {
      journal: n('journal'),
      complaints: n('complaints'),
      timeline: n('complaint_timeline'),
      attachments: n('complaint_attachments'),
      files: existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0,
    };
  };

  it('gives a precise message per field and saves nothing', async () => {
    const before = snapshot();
    const create = await rejection(
      t.call('complaints.create', {
        customer: { name: 'Dewi Lestari', phone: '0812', nik: '1234' },
        verifiedBy: 'nik',
        category: 'konfirmasi-pembayaran',
        channel: 'live-chat',
        description: 'Sudah bayar belum masuk',
        facts: { paidAt: now + 60 * MIN },
      }, t.token.citra),
    );
    expect(create.fields).toEqual([
      { path: 'customer.phone', key: 'complaints.errors.phone', params: { reason: 'invalid' } },
      { path: 'customer.nik', key: 'complaints.errors.nik', params: { reason: 'length' } },
      { path: 'facts.paymentRecorded', key: 'validation.required' },
      { path: 'facts.paidAt', key: 'complaints.errors.futureTime' },
    ]);
    const open = tallies.find((c) => c.status !== 'resolved')!;
    const resolve = await rejection(t.call('complaints.resolve', { id: open.id, report: { problem: '', cause: 'x', actionsTaken: ['x'], resolvedBy: 'cs', customerInformed: true } }, t.token.citra));
    expect(resolve.fields?.[0]).toEqual({ path: 'report.problem', key: 'validation.required' });
    const attach = await rejection(t.call('complaints.attach', { id: open.id, fileName: 'virus.exe', mimeType: 'application/x-msdownload', dataBase64: Buffer.from('MZ').toString('base64') }, t.token.citra));
    expect(attach.fields?.map((f) => f.key)).toEqual(['complaints.errors.attachmentType', 'complaints.errors.attachmentType']);
    expect(snapshot()).toEqual(before);
  });
});
