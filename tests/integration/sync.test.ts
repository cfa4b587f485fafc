import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestHeadoffice } from '../../headoffice/testing';
import { createEnrollCode } from '../../headoffice/devices/devices';
import { ADMIN, rejection, startTestCore, type TestCore } from '../../electron/core/testing';

// A branch desk and head office over real HTTP on loopback.
let ho: Awaited<ReturnType<typeof startTestHeadoffice>>;
let url: string;
const desks: TestCore[] = [];

beforeEach(async () => {
  ho = await startTestHeadoffice('sqlite');
  url = await ho.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
  await ho.close();
});

async function desk(setup: boolean, fetch?: typeof globalThis.fetch): Promise<TestCore> {
  const d = await startTestCore({ setup, dataDir: mkdtempSync(join(tmpdir(), 'serambi-desk-')), ...(fetch ? { fetch } : {}) });
  desks.push(d);
  return d;
}

async function enroll(d: TestCore, token: string | null = null, branch = 'JKT01') {
  const code = await createEnrollCode(ho.ctx.db, branch, Date.now());
  return d.call('sync.enroll', { headofficeUrl: url, code }, token);
}

describe('sync between desks through head office', () => {
  it('brings a second desk its branch and users, and a head-office user who logs in offline', async () => {
    const first = await desk(true);
    const admin = await first.login(ADMIN.username, ADMIN.password);
    await first.call('users.create', { username: 'siti', displayName: 'Siti', roles: ['cs'], password: 'cs-sandi-123' }, admin);
    expect((await first.call('setup.status', {})).headofficeUrl).toBeNull();
    await enroll(first, admin);
    // The desktop app's updater reads where to look from here.
    expect((await first.call('setup.status', {})).headofficeUrl).toBe(url);
    expect(await first.call('sync.now', {}, admin)).toMatchObject({ pending: 0 });

    const created = await ho.app.inject({
      method: 'POST',
      url: '/admin/api/users',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: { username: 'auditor', displayName: 'Auditor Pusat', roles: ['kacab'], password: 'pusat-sandi-1', branch: 'JKT01' },
    });
    expect(created.statusCode).toBe(200);

    const settings = await ho.app.inject({
      method: 'POST',
      url: '/admin/api/branches/JKT01/settings',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: { name: 'KCP Jakarta Sudirman', idleLockMinutes: 5 },
    });
    expect(settings.statusCode).toBe(200);
    await first.call('sync.now', {}, admin);
    expect(await first.call('settings.branch', {}, admin)).toMatchObject({ name: 'KCP Jakarta Sudirman', idleLockMinutes: 5 });

    const second = await desk(false);
    expect((await second.call('setup.status', {})).initialized).toBe(false);
    await enroll(second);
    await second.core.sync.syncOnce();
    expect((await second.call('setup.status', {})).branch?.code).toBe('JKT01');
    // Head office is gone; the users it sent still log in.
    await ho.app.close();
    const siti = await second.login('siti', 'cs-sandi-123');
    expect((await second.call('auth.session', {}, siti)).user.roles).toEqual(['cs']);
    await expect(second.login('auditor', 'pusat-sandi-1')).resolves.toEqual(expect.any(String));
    // The two logins are on record and wait for the line.
    const status = await second.call('sync.status', {}, siti);
    expect(status).toMatchObject({ enrolled: true, branchCode: 'JKT01', pending: 2 });
  });

  it('says it is offline, keeps the events, and sends them once head office is back', async () => {
    const first = await desk(true);
    const admin = await first.login(ADMIN.username, ADMIN.password);
    await enroll(first, admin);
    const port = Number(new URL(url).port);
    await ho.app.close();
    await first.call('users.create', { username: 'budi', displayName: 'Budi', roles: ['teller'], password: 'teller-sandi-1' }, admin);
    const offline = await rejection(first.call('sync.now', {}, admin));
    expect(offline.key).toBe('sync.error.offline');
    const status = await first.call('sync.status', {}, admin);
    expect(status.online).toBe(false);
    expect(status.pending).toBeGreaterThan(0);

    const { buildHeadoffice } = await import('../../headoffice/app');
    const again = await buildHeadoffice({ databaseUrl: ho.databaseUrl, adminToken: ADMIN_TOKEN });
    await again.app.listen({ port, host: '127.0.0.1' });
    try {
      const round = await first.call('sync.now', {}, admin);
      expect(round.pending).toBe(0);
      expect(round.pushed).toBe(status.pending);
      expect((await first.call('sync.status', {}, admin)).online).toBe(true);
    } finally {
      await again.app.close();
    }
  });

  it('turns a refused event into a visible conflict and a compensating event, and goes on', async () => {
    const first = await desk(true);
    const admin = await first.login(ADMIN.username, ADMIN.password);
    await enroll(first, admin);
    await ho.app.inject({
      method: 'POST',
      url: '/admin/api/users',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: { username: 'rina', displayName: 'Rina (pusat)', roles: ['cs'], password: 'pusat-sandi-1', branch: null },
    });
    // Made at the desk before it heard of head office's rina.
    await first.call('users.create', { username: 'rina', displayName: 'Rina', roles: ['cs'], password: 'cs-sandi-123' }, admin);
    await first.call('users.create', { username: 'dodi', displayName: 'Dodi', roles: ['cs'], password: 'cs-sandi-123' }, admin);
    await first.call('sync.now', {}, admin);
    const { conflicts } = await first.call('sync.conflicts', { open: true }, admin);
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'rejected', type: 'user.created', reason: 'conflict', detail: 'sync.rejected.usernameTaken' })]);
    // The local rina gave way to head office's (renamed and disabled); the later event was not blocked.
    await expect(first.login('rina', 'pusat-sandi-1')).resolves.toEqual(expect.any(String));
    const renamed = (await first.call('users.list', {}, admin)).users.find((u) => u.username.startsWith('rina~'));
    expect(renamed).toMatchObject({ displayName: 'Rina', disabled: true });
    await expect(first.login('dodi', 'cs-sandi-123')).resolves.toEqual(expect.any(String));
    await first.call('sync.resolveConflict', { id: conflicts[0]!.id, note: 'Nama diganti menjadi rina.s' }, admin);
    expect((await first.call('sync.conflicts', { open: true }, admin)).conflicts).toEqual([]);
    expect((await first.call('sync.now', {}, admin)).pending).toBe(0);
    expect((await first.call('audit.verify', {}, admin)).ok).toBe(true);
  });

  it('stops and says so when head office was restored from an older backup, then reseeds', async () => {
    const first = await desk(true);
    const admin = await first.login(ADMIN.username, ADMIN.password);
    await enroll(first, admin);
    await first.call('sync.now', {}, admin);
    // Head office "loses" this desk's last events, as a restore from yesterday's backup would.
    await ho.ctx.db.write(async (sql) => {
      await sql(`DELETE FROM events WHERE device_id = ? AND device_seq > 2`, [first.core.deviceId]);
      await sql(`UPDATE devices SET high_water_mark = 2, last_hash = (SELECT hash FROM events WHERE device_id = ? AND device_seq = 2) WHERE id = ?`, [first.core.deviceId, first.core.deviceId]);
    });
    await first.call('users.create', { username: 'eko', displayName: 'Eko', roles: ['ao'], password: 'ao-sandi-1234' }, admin);
    expect((await rejection(first.call('sync.now', {}, admin))).key).toBe('sync.halted.restored');
    expect((await first.call('sync.status', {}, admin)).halted).toBe('sync.halted.restored');
    await first.call('sync.reseed', {}, admin);
    const round = await first.call('sync.now', {}, admin);
    expect(round.pending).toBe(0);
    const [atHeadoffice] = await ho.ctx.db.read<{ n: number }>(`SELECT count(*) AS n FROM events WHERE device_id = ?`, [first.core.deviceId]);
    const atDesk = first.core.db.prepare(`SELECT count(*) AS n FROM journal WHERE device_id = ?`).get(first.core.deviceId) as { n: number };
    expect(Number(atHeadoffice!.n)).toBe(atDesk.n);
  });

  it('pulls in a round even while the desk keeps writing during its push', async () => {
    let duringPush: (() => Promise<unknown>) | null = null;
    const first = await desk(true, async (input, init) => {
      if (String(input).endsWith('/sync/push')) await duringPush?.();
      return fetch(input, init);
    });
    const admin = await first.login(ADMIN.username, ADMIN.password);
    await enroll(first, admin);
    await ho.app.inject({
      method: 'POST',
      url: '/admin/api/users',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: { username: 'pusat', displayName: 'Petugas Pusat', roles: ['kasie'], password: 'pusat-sandi-1', branch: 'JKT01' },
    });
    // Every push meets one more local change: a round that chased them would never reach its pull.
    let made = 0;
    duringPush = () => first.call('users.create', { username: `cs${++made}`, displayName: 'CS', roles: ['cs'], password: 'cs-sandi-123' }, admin);
    const round = await first.call('sync.now', {}, admin);
    expect(round.pulled).toBeGreaterThan(0);
    expect(round.pending).toBeGreaterThan(0);
    expect((await first.call('users.list', {}, admin)).users.map((u) => u.username)).toContain('pusat');
  });

  it('sends a change made while a round is running in the round asked for after it', async () => {
    let release: (() => void) | null = null;
    const first = await desk(true, async (input, init) => {
      // The first push waits until the change below is written.
      if (String(input).endsWith('/sync/push') && release === null) await new Promise<void>((resolve) => (release = resolve));
      return fetch(input, init);
    });
    const admin = await first.login(ADMIN.username, ADMIN.password);
    await enroll(first, admin);
    const running = first.core.sync.syncOnce();
    await expect.poll(() => release).not.toBeNull();
    await first.call('users.create', { username: 'rudi', displayName: 'Rudi Hartono', roles: ['kacab'], password: 'kacab-sandi-1' }, admin);
    const asked = first.core.sync.syncOnce();
    release!();
    expect((await running).pending).toBe(1);
    expect(await asked).toMatchObject({ pending: 0 });
    // Callers who ask while that round waits share it.
    const [a, b] = [first.core.sync.syncOnce(), first.core.sync.syncOnce()];
    expect(b).toBe(first.core.sync.syncOnce());
    await Promise.all([a, b]);
  });

  it('says plainly when head office revoked this desk', async () => {
    const first = await desk(true);
    const admin = await first.login(ADMIN.username, ADMIN.password);
    await enroll(first, admin);
    await ho.app.inject({ method: 'POST', url: `/admin/api/devices/${first.core.deviceId}/revoke`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect((await rejection(first.call('sync.now', {}, admin))).key).toBe('sync.halted.revoked');
  });

  it('refuses a wrong or used code with a field message', async () => {
    const first = await desk(true);
    const admin = await first.login(ADMIN.username, ADMIN.password);
    const error = await rejection(first.call('sync.enroll', { headofficeUrl: url, code: 'AAAA-BBBB-CCCC' }, admin));
    expect(error.fields?.[0]).toMatchObject({ path: 'code', key: 'sync.enroll.invalidCode' });
    const other = await rejection(enroll(first, admin, 'BDG01'));
    expect(other.fields?.[0]).toMatchObject({ path: 'code', key: 'sync.enroll.otherBranch' });
  });
});

/** A fetch whose `nth` request to /sync/pull fails as a dropped line would. */
function droppingPull(nth: number): typeof fetch {
  let pulls = 0;
  return async (input, init) => {
    if (String(input).endsWith('/sync/pull') && ++pulls === nth) throw new TypeError('fetch failed');
    return fetch(input, init);
  };
}

const count = (d: TestCore, sql: string, ...params: unknown[]) => (d.core.db.prepare(sql).get(...params) as { n: number }).n;

// A desk catching up applies several of head office's answers in one transaction; what it has
// gathered when the line drops is applied all the same, with its cursor.
describe('a desk catching up with its branch', () => {
  it('applies the answers it gathered before the line dropped, then the rest once, in order', async () => {
    const first = await desk(true);
    const token = await first.login(ADMIN.username, ADMIN.password);
    await enroll(first, token);
    await Promise.all(Array.from({ length: 2500 }, (_, i) => first.call('auth.setLocale', { locale: i % 2 ? 'id' : 'en' }, token)));
    await first.core.sync.syncOnce();
    const made = count(first, `SELECT count(*) AS n FROM journal WHERE device_id = ?`, first.core.deviceId);
    expect(made).toBeGreaterThan(2500);

    // Answers of 1000 events: the third request fails after two were gathered.
    const second = await desk(false, droppingPull(3));
    await enroll(second);
    expect((await rejection(second.core.sync.syncOnce())).key).toBe('sync.error.offline');
    expect(count(second, `SELECT count(*) AS n FROM journal WHERE device_id = ?`, first.core.deviceId)).toBe(2000);
    expect(count(second, `SELECT pull_cursor AS n FROM sync_state`)).toBeGreaterThan(0);

    expect((await second.core.sync.syncOnce()).pulled).toBe(made - 2000);
    expect(count(second, `SELECT count(*) AS n FROM journal WHERE device_id = ?`, first.core.deviceId)).toBe(made);
    // Each event once, in the first desk's order.
    const order = second.core.db.prepare(`SELECT device_seq FROM journal WHERE device_id = ? ORDER BY seq`).pluck().all(first.core.deviceId) as number[];
    expect(order).toEqual(Array.from({ length: made }, (_, i) => i + 1));
    expect((await second.core.sync.syncOnce()).pulled).toBe(0);
  });
});

describe('the automatic loop', () => {
  it('leaves its backoff once head office answers again, so the next change syncs within the debounce', async () => {
    let lineUp = true;
    const line: typeof fetch = async (input, init) => {
      if (!lineUp) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    // random 1: the backoff after one failure is 6 s, far longer than the wait below.
    const d = await startTestCore({ dataDir: mkdtempSync(join(tmpdir(), 'serambi-desk-')), fetch: line, autoSync: true, sync: { debounceMs: 20, intervalMs: 60_000, random: () => 1 } });
    desks.push(d);
    const token = await d.login(ADMIN.username, ADMIN.password);
    await enroll(d, token);
    const status = () => d.call('sync.status', {}, token);
    const eventually = async (ok: (s: Awaited<ReturnType<typeof status>>) => boolean, ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) if (ok(await status())) return true;
      return false;
    };

    lineUp = false;
    await d.call('auth.setLocale', { locale: 'en' }, token);
    expect(await eventually((s) => s.online === false, 3_000)).toBe(true);

    lineUp = true;
    expect(await d.call('sync.now', {}, token)).toMatchObject({ pending: 0 });
    await d.call('auth.setLocale', { locale: 'id' }, token);
    expect(await eventually((s) => s.pending === 0, 1_500)).toBe(true);
  });
});
