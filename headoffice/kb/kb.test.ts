import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOLIDAYS_2026 } from '../../shared/calendar/holidays';
import { PLAYBOOKS } from '../../shared/complaints/playbooks';
import { admin, complaintDesk, loggedComplaint, type TestHeadoffice } from '../complaints/testing';
import { DIALECTS, startTestHeadoffice } from '../testing';
import { seedArticles } from './store';

const NOW = Date.parse('2026-11-20T03:00:00Z');
const article = {
  question: 'Cara reset PIN aplikasi MAS',
  category: 'CARA KERJA',
  section: 'APLIKASI MAS',
  stepGroups: [{ heading: null, steps: ['Buka menu Profil', 'Pilih Ubah PIN'] }],
};

type ArticleRow = { id: string; question: string; origin: string; retired: boolean; stepGroups: unknown };

describe.each(DIALECTS)('knowledge base, holidays and SLA targets from head office on %s', (dialect) => {
  let ho: TestHeadoffice;
  let desk: Awaited<ReturnType<typeof complaintDesk>>;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: Record<string, string> = admin) =>
    ho.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const articles = async () => (await call('GET', '/admin/api/kb/articles')).json().articles as ArticleRow[];
  /** What a desk of the branch receives from head office, by type. */
  const pulled = async (type: string) => (await desk.pull()).events.filter((e) => e.type === type).map((e) => JSON.parse(e.payload));

  beforeEach(async () => {
    ho = await startTestHeadoffice(dialect, () => NOW);
    desk = await complaintDesk(ho, 'JKT01');
  });
  afterEach(() => ho.close());

  it('lists the seed FAQ, publishes a new article that reaches the branches, edits and retires', async () => {
    const seeded = seedArticles();
    const before = await articles();
    expect(before).toHaveLength(seeded.length);
    expect(before.every((a) => a.origin === 'seed' && !a.retired)).toBe(true);

    const created = await call('POST', '/admin/api/kb/articles', article);
    expect(created.statusCode).toBe(200);
    expect(created.json().id).toBe('cara-reset-pin-aplikasi-mas');
    // the same question again gets an id of its own
    expect((await call('POST', '/admin/api/kb/articles', article)).json().id).toBe('cara-reset-pin-aplikasi-mas-2');

    const seedOne = seeded[0]!;
    const edited = await call('PUT', `/admin/api/kb/articles/${seedOne.id}`, { ...article, question: `${seedOne.question} (diperbarui)` });
    expect(edited.statusCode).toBe(200);
    expect((await call('POST', `/admin/api/kb/articles/${seeded[1]!.id}/retire`)).statusCode).toBe(200);

    const after = await articles();
    expect(after).toHaveLength(seeded.length + 2);
    expect(after.find((a) => a.id === seedOne.id)).toMatchObject({ origin: 'edited', question: `${seedOne.question} (diperbarui)` });
    expect(after.find((a) => a.id === seeded[1]!.id)).toMatchObject({ origin: 'seed', retired: true, question: seeded[1]!.question });
    expect(after.find((a) => a.id === 'cara-reset-pin-aplikasi-mas')).toMatchObject({ origin: 'headoffice', retired: false, stepGroups: article.stepGroups });

    const published = await pulled('kb.articlePublished');
    expect(published.map((p) => p.id)).toEqual(['cara-reset-pin-aplikasi-mas', 'cara-reset-pin-aplikasi-mas-2', seedOne.id]);
    expect(published[0]).toEqual({ id: 'cara-reset-pin-aplikasi-mas', ...article });
    expect(await pulled('kb.articleRetired')).toEqual([{ id: seeded[1]!.id }]);

    // retiring twice, or an article no branch has, is refused; publishing again brings it back
    expect((await call('POST', `/admin/api/kb/articles/${seeded[1]!.id}/retire`)).json()).toEqual({ error: { code: 'conflict', detail: 'errors.notFound' } });
    expect((await call('POST', '/admin/api/kb/articles/tidak-ada/retire')).statusCode).toBe(409);
    expect((await call('PUT', '/admin/api/kb/articles/tidak-ada', article)).statusCode).toBe(404);
    await call('PUT', `/admin/api/kb/articles/${seeded[1]!.id}`, article);
    expect((await articles()).find((a) => a.id === seeded[1]!.id)).toMatchObject({ origin: 'edited', retired: false });
  });

  it('refuses an article without steps or question, and changes nothing', async () => {
    for (const bad of [{ ...article, stepGroups: [] }, { ...article, question: '' }, { ...article, category: 'LAINNYA' }]) {
      expect((await call('POST', '/admin/api/kb/articles', bad)).statusCode).toBe(400);
    }
    expect(await articles()).toHaveLength(seedArticles().length);
    expect(await pulled('kb.articlePublished')).toEqual([]);
  });

  it('sets the holiday list for every branch, the built-in one until then', async () => {
    const settings = async () => (await call('GET', '/admin/api/complaints/settings')).json();
    expect(await settings()).toMatchObject({ holidays: HOLIDAYS_2026, holidaysFromHeadoffice: false });
    const holidays = [
      { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'nasional' },
      { date: '2026-12-31', name: 'Cuti Bersama Akhir Tahun', kind: 'cuti-bersama' },
    ];
    expect((await call('PUT', '/admin/api/complaints/holidays', { holidays })).statusCode).toBe(200);
    const sorted = [holidays[1], holidays[0]];
    expect(await settings()).toMatchObject({ holidays: sorted, holidaysFromHeadoffice: true });
    expect(await pulled('calendar.holidaysSet')).toEqual([{ holidays: sorted }]);

    for (const bad of [[{ ...holidays[0], date: '2027-02-30' }], [holidays[0], holidays[0]], [{ ...holidays[0], kind: 'libur' }]]) {
      expect((await call('PUT', '/admin/api/complaints/holidays', { holidays: bad })).statusCode).toBe(400);
    }
    // an empty list is a decision too: no holidays at all
    expect((await call('PUT', '/admin/api/complaints/holidays', { holidays: [] })).statusCode).toBe(200);
    expect(await settings()).toMatchObject({ holidays: [], holidaysFromHeadoffice: true });
  });

  it('sets a category’s SLA targets, which the branches receive and head office’s list uses', async () => {
    const complaint = loggedComplaint();
    await desk.push([desk.chain.next('complaint.logged', complaint, Date.parse('2026-11-20T02:00:00Z'))]);
    const dueAt = async () => (await call('GET', '/admin/api/complaints')).json().complaints[0].sla.firstResponse.dueAt;
    expect(await dueAt()).toBe(Date.parse('2026-11-20T02:15:00Z'));

    const targets = { firstResponseMinutes: 30, resolutionMinutes: 240, warnBeforeMinutes: 10 };
    expect((await call('PUT', '/admin/api/complaints/sla-targets/pencairan-pinjaman', targets)).statusCode).toBe(200);
    const settings = (await call('GET', '/admin/api/complaints/settings')).json();
    expect(settings.targets['pencairan-pinjaman']).toEqual({ ...targets, fromHeadoffice: true });
    expect(settings.targets.penagihan).toEqual({ ...PLAYBOOKS.penagihan.slaTargets, fromHeadoffice: false });
    expect(await pulled('complaints.slaTargetsSet')).toEqual([{ category: 'pencairan-pinjaman', ...targets }]);
    expect(await dueAt()).toBe(Date.parse('2026-11-20T02:30:00Z'));

    expect((await call('PUT', '/admin/api/complaints/sla-targets/pencairan-pinjaman', { ...targets, firstResponseMinutes: 300 })).statusCode).toBe(400);
    expect((await call('PUT', '/admin/api/complaints/sla-targets/lainnya', targets)).statusCode).toBe(400);
    expect((await call('PUT', '/admin/api/complaints/sla-targets/penagihan', { ...targets, warnBeforeMinutes: -1 })).statusCode).toBe(400);
  });

  it('sets a branch’s working week, which its SLA clocks count in at head office', async () => {
    await desk.push([desk.chain.next('complaint.logged', loggedComplaint(), Date.parse('2026-11-20T08:50:00Z'))]);
    // Friday 15:50 WIB: 10 minutes before closing, so the 15-minute answer is due on Monday 08:05
    const dueAt = async () => (await call('GET', '/admin/api/complaints')).json().complaints[0].sla.firstResponse.dueAt;
    expect(await dueAt()).toBe(Date.parse('2026-11-23T01:05:00Z'));
    const day = [{ startMinute: 8 * 60, endMinute: 17 * 60 }];
    const week = { zone: 'WIB', week: { 1: day, 2: day, 3: day, 4: day, 5: day, 6: [], 7: [] } };
    expect((await call('PUT', '/admin/api/complaints/business-week', { branch: 'JKT01', week })).statusCode).toBe(200);
    expect(await dueAt()).toBe(Date.parse('2026-11-20T09:05:00Z'));
    expect((await call('GET', '/admin/api/complaints/settings')).json().businessWeeks).toEqual([{ branch: 'JKT01', week }]);
    expect(await pulled('calendar.businessWeekSet')).toEqual([{ branchCode: 'JKT01', week }]);
    const closing = [{ startMinute: 17 * 60, endMinute: 8 * 60 }];
    expect((await call('PUT', '/admin/api/complaints/business-week', { branch: null, week: { ...week, week: { ...week.week, 1: closing } } })).statusCode).toBe(400);
  });

  it('refuses these decisions from a desk, and every call without the admin token', async () => {
    const results = await desk.push([
      desk.chain.next('kb.articlePublished', { id: 'palsu', ...article }),
      desk.chain.next('calendar.holidaysSet', { holidays: [] }),
      desk.chain.next('complaints.slaTargetsSet', { category: 'penagihan', firstResponseMinutes: 1, resolutionMinutes: 2, warnBeforeMinutes: 0 }),
    ]);
    expect(results.results.map((r) => r.detail)).toEqual(['errors.forbidden', 'errors.forbidden', 'errors.forbidden']);
    expect((await articles()).some((a) => a.id === 'palsu')).toBe(false);

    for (const [method, url] of [
      ['GET', '/admin/api/kb/articles'],
      ['POST', '/admin/api/kb/articles'],
      ['GET', '/admin/api/complaints/settings'],
      ['PUT', '/admin/api/complaints/holidays'],
      ['PUT', '/admin/api/complaints/sla-targets/penagihan'],
    ] as const) {
      expect((await call(method, url, {}, { authorization: 'Bearer salah' })).statusCode, url).toBe(401);
    }
    const page = await ho.app.inject({ method: 'GET', url: '/admin/kb' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });
});
