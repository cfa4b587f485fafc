import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnrollCode } from '../../headoffice/devices/devices';
import { ADMIN_TOKEN, startTestHeadoffice } from '../../headoffice/testing';
import { disbursementComplaint, startComplaintDesk, type ComplaintDesk } from '../../electron/core/complaints/testing';
import { ADMIN } from '../../electron/core/testing';

// The complaints desk and head office over real HTTP on loopback, sharing one injected clock:
// what the branch records, head office lists with every branch's; what head office decides (an
// article, the SLA targets, the holidays) reaches the desk by pull and changes what it shows.

let t: ComplaintDesk;
let ho: Awaited<ReturnType<typeof startTestHeadoffice>>;
const authorization = `Bearer ${ADMIN_TOKEN}`;

beforeEach(async () => {
  t = await startComplaintDesk();
  ho = await startTestHeadoffice('sqlite', () => t.clock.now);
  const url = await ho.app.listen({ port: 0, host: '127.0.0.1' });
  const token = await t.login(ADMIN.username, ADMIN.password);
  await t.call('sync.enroll', { headofficeUrl: url, code: await createEnrollCode(ho.ctx.db, 'JKT01', t.clock.now) }, token);
});
afterEach(async () => {
  await t.core.sync.idle();
  await t.close();
  await ho.close();
});

async function sync(): Promise<void> {
  await t.core.sync.idle();
  await t.core.sync.syncOnce();
}

const hoCall = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const response = await ho.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the complaints desk and head office', () => {
  it('head office sees the branch’s complaint as the desk numbers and escalates it', async () => {
    const logged = await t.call('complaints.create', disbursementComplaint(t.clock.now), t.token.citra);
    await t.call('complaints.contact', { id: logged.id, note: 'Ditelepon' }, t.token.citra);
    await t.call('complaints.escalate', { id: logged.id, to: 'cs-manager', request: 'Mohon dicek' }, t.token.citra);
    await sync();
    const [row] = (await hoCall('GET', '/admin/api/complaints')).complaints;
    expect(row).toMatchObject({ id: logged.id, number: logged.number, branch: 'JKT01', status: 'escalated-manager', escalation: 'cs-manager', firstResponseAt: t.clock.now });
    const desk = await t.call('complaints.get', { id: logged.id }, t.token.citra);
    expect(row.sla).toEqual(desk.sla);
  });

  it('an article, the SLA targets and the holidays from head office reach the desk', async () => {
    const article = { question: 'Cara reset PIN aplikasi MAS', category: 'CARA KERJA', section: 'APLIKASI MAS', stepGroups: [{ heading: null, steps: ['Buka menu Profil', 'Pilih Ubah PIN'] }] };
    const { id } = await hoCall('POST', '/admin/api/kb/articles', article);
    await hoCall('PUT', '/admin/api/complaints/sla-targets/pencairan-pinjaman', { firstResponseMinutes: 30, resolutionMinutes: 240, warnBeforeMinutes: 10 });
    const holidays = [{ date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'nasional' }];
    await hoCall('PUT', '/admin/api/complaints/holidays', { holidays });
    await sync();

    expect(await t.call('kb.get', { id }, t.token.citra)).toMatchObject({ id, question: article.question, steps: ['Buka menu Profil', 'Pilih Ubah PIN'] });
    const found = async () => (await t.call('kb.search', { text: 'reset PIN MAS' }, t.token.citra)).articles.map((a) => a.id);
    expect(await found()).toContain(id);
    const settings = await t.call('complaints.settings', {}, t.token.citra);
    expect(settings.targets['pencairan-pinjaman']).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240, warnBeforeMinutes: 10 });
    expect(settings.holidays).toEqual(holidays);

    await hoCall('POST', `/admin/api/kb/articles/${id}/retire`);
    await sync();
    // retired: no longer found nor suggested (a complaint that used it still names it)
    expect(await found()).not.toContain(id);
  });
});
