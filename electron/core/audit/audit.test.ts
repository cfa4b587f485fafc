import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, rejection, startTestCore, type TestCore } from '../testing';

let t: TestCore;
let admin: string;

beforeEach(async () => {
  t = await startTestCore();
  admin = await t.login(ADMIN.username, ADMIN.password);
  await t.call('users.create', { username: 'budi', displayName: 'Budi', roles: ['kasie'], password: 'kasie-sandi-1' }, admin);
});
afterEach(() => t.close());

describe('audit trail', () => {
  it('lists every change newest first, with who, which device and when, secrets masked', async () => {
    const { entries } = await t.call('audit.list', { limit: 100 }, admin);
    expect(entries.map((e) => e.type)).toEqual(['user.created', 'auth.loginSucceeded', 'user.created', 'branch.created']);
    const created = entries[0]!;
    expect(created).toMatchObject({ username: 'admin', deviceId: t.core.deviceId, at: t.clock.now });
    expect(created.payload).toMatchObject({ username: 'budi', passwordHash: '***' });
  });

  it('records logins under the account concerned', async () => {
    await t.login('budi', 'kasie-sandi-1');
    await rejection(t.login('budi', 'salah'));
    const { entries } = await t.call('audit.list', { username: 'budi', limit: 10 }, admin);
    expect(entries.map((e) => e.type)).toEqual(['auth.loginFailed', 'auth.loginSucceeded']);
  });

  it('filters by user, type prefix and text, and pages with before', async () => {
    const byType = await t.call('audit.list', { type: 'user', limit: 100 }, admin);
    expect(byType.entries.every((e) => e.type.startsWith('user.'))).toBe(true);
    const byText = await t.call('audit.list', { text: 'BUDI', limit: 100 }, admin);
    expect(byText.entries).toHaveLength(1);
    const page1 = await t.call('audit.list', { limit: 3 }, admin);
    expect(page1.nextBefore).not.toBeNull();
    const page2 = await t.call('audit.list', { limit: 3, before: page1.nextBefore! }, admin);
    expect(page2.entries.map((e) => e.type)).toEqual(['branch.created']);
    expect(page2.nextBefore).toBeNull();
  });

  it('verifies an intact chain', async () => {
    expect(await t.call('audit.verify', {}, admin)).toEqual({ ok: true, checked: 4, brokenAt: null });
  });

  it('cannot be edited through SQL', () => {
    expect(() => t.core.db.prepare(`UPDATE journal SET payload = '{}' WHERE device_seq = 1`).run()).toThrow(/append-only/);
    expect(() => t.core.db.prepare(`DELETE FROM journal`).run()).toThrow(/append-only/);
  });

  it('says where a tampered chain breaks', async () => {
    // Someone with the file drops the trigger and rewrites history.
    t.core.db.exec('DROP TRIGGER journal_no_update');
    t.core.db.prepare(`UPDATE journal SET payload = replace(payload, 'budi', 'mallory') WHERE device_seq = 4`).run();
    const result = await t.call('audit.verify', {}, admin);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toMatchObject({ deviceSeq: 4, reason: 'hash' });
    expect(result.checked).toBe(3);
  });

  it('is closed to a CS', async () => {
    await t.call('users.create', { username: 'siti', displayName: 'Siti', roles: ['cs'], password: 'cs-sandi-123' }, admin);
    const cs = await t.login('siti', 'cs-sandi-123');
    expect((await rejection(t.call('audit.list', { limit: 10 }, cs))).code).toBe('forbidden');
  });
});
