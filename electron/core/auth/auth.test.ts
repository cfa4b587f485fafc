import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, rejection, startTestCore, type TestCore } from '../testing';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from './lockout';

let t: TestCore;
let admin: string;
const journalCount = () => (t.core.db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;

beforeEach(async () => {
  t = await startTestCore();
  admin = await t.login(ADMIN.username, ADMIN.password);
  await t.call('users.create', { username: 'siti', displayName: 'Siti Aminah', roles: ['cs'], password: 'cs-sandi-123' }, admin);
});
afterEach(() => t.close());

describe('login and lockout', () => {
  it('counts down the tries and locks the account on the fifth wrong password', async () => {
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const error = await rejection(t.login('siti', 'salah'));
      expect(error.key).toBe('errors.wrongPassword');
      expect(error.params).toEqual({ remaining: MAX_FAILED_ATTEMPTS - i });
    }
    const locked = await rejection(t.login('siti', 'salah'));
    expect(locked.code).toBe('account_locked');
    expect(locked.params).toEqual({ minutes: LOCKOUT_MINUTES });
    // The right password is refused too while the lock lasts…
    expect((await rejection(t.login('siti', 'cs-sandi-123'))).code).toBe('account_locked');
    t.clock.advance(LOCKOUT_MINUTES * 60_000 - 1);
    expect((await rejection(t.login('siti', 'cs-sandi-123'))).code).toBe('account_locked');
    // …and accepted once it is over.
    t.clock.advance(1);
    await expect(t.login('siti', 'cs-sandi-123')).resolves.toEqual(expect.any(String));
  });

  it('resets the count after a good password', async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await rejection(t.login('siti', 'salah'));
    await t.login('siti', 'cs-sandi-123');
    expect((await rejection(t.login('siti', 'salah'))).params).toEqual({ remaining: MAX_FAILED_ATTEMPTS - 1 });
  });

  it('lets an admin lift a lockout with a password reset', async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await rejection(t.login('siti', 'salah'));
    await t.call('users.resetPassword', { username: 'siti', password: 'sandi-baru-99' }, admin);
    await expect(t.login('siti', 'sandi-baru-99')).resolves.toEqual(expect.any(String));
  });

  it('does not say whether an unknown user exists', async () => {
    const error = await rejection(t.login('tidakada', 'apa-saja'));
    expect(error.key).toBe('errors.invalidCredentials');
  });

  it('refuses a disabled user and ends their sessions', async () => {
    const siti = await t.login('siti', 'cs-sandi-123');
    await t.call('users.setDisabled', { username: 'siti', disabled: true }, admin);
    expect((await rejection(t.call('auth.session', {}, siti))).code).toBe('unauthenticated');
    expect((await rejection(t.login('siti', 'cs-sandi-123'))).key).toBe('errors.userDisabled');
  });
});

describe('idle lock', () => {
  it('locks a session after the branch idle time and unlocks with the password', async () => {
    const siti = await t.login('siti', 'cs-sandi-123');
    t.clock.advance(10 * 60_000 + 1);
    expect((await rejection(t.call('users.list', {}, siti))).code).toBe('session_locked');
    expect((await t.call('auth.session', {}, siti)).locked).toBe(true);
    // A wrong password at the lock screen names the field and keeps the session.
    const wrong = await rejection(t.call('auth.unlock', { password: 'salah' }, siti));
    expect(wrong).toMatchObject({ code: 'bad_input', key: 'errors.wrongPassword', fields: [{ path: 'password', key: 'errors.wrongPassword' }] });
    await t.call('auth.unlock', { password: 'cs-sandi-123' }, siti);
    expect((await t.call('auth.session', {}, siti)).locked).toBe(false);
  });

  it('keeps an active session open', async () => {
    const siti = await t.login('siti', 'cs-sandi-123');
    for (let i = 0; i < 5; i++) {
      t.clock.advance(9 * 60_000);
      expect((await t.call('auth.session', {}, siti)).locked).toBe(false);
    }
  });

  it('does not count the desk polling its sync status as activity', async () => {
    const siti = await t.login('siti', 'cs-sandi-123');
    for (let i = 0; i < 2; i++) {
      t.clock.advance(6 * 60_000);
      await t.call('sync.status', {}, siti);
    }
    expect((await t.call('auth.session', {}, siti)).locked).toBe(true);
  });

  it('follows the idle time an admin sets', async () => {
    await t.call('settings.updateBranch', { idleLockMinutes: 1 }, admin);
    const siti = await t.login('siti', 'cs-sandi-123');
    t.clock.advance(60_001);
    expect((await t.call('auth.session', {}, siti)).locked).toBe(true);
  });
});

describe('users', () => {
  it('refuses a duplicate user name on the field, and changes nothing', async () => {
    const before = journalCount();
    const error = await rejection(
      t.call('users.create', { username: 'SITI', displayName: 'Lain', roles: ['teller'], password: 'apa-saja-123' }, admin),
    );
    expect(error.code).toBe('bad_input');
    expect(error.fields?.[0]).toMatchObject({ path: 'username', key: 'errors.userExists' });
    expect(journalCount()).toBe(before);
  });

  it('reports every bad field at once', async () => {
    const before = journalCount();
    const error = await rejection(
      t.call('users.create', { username: 'x', displayName: '', roles: [], password: 'short' } as never, admin),
    );
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['displayName', 'password', 'roles', 'username']);
    expect(error.fields?.find((f) => f.path === 'password')?.key).toBe('validation.passwordLength');
    expect(journalCount()).toBe(before);
  });

  it('keeps the last active admin', async () => {
    expect((await rejection(t.call('users.update', { username: 'admin', roles: ['cs'] }, admin))).key).toBe('errors.lastAdmin');
    expect((await rejection(t.call('users.setDisabled', { username: 'admin', disabled: true }, admin))).key).toBe(
      'errors.cannotDisableSelf',
    );
    await t.call('users.update', { username: 'siti', roles: ['cs', 'admin'] }, admin);
    await t.call('users.update', { username: 'admin', roles: ['kacab'] }, admin);
    // The former admin's own session follows its roles at once.
    expect((await rejection(t.call('users.list', {}, admin))).code).toBe('forbidden');
    const siti = await t.login('siti', 'cs-sandi-123');
    expect((await t.call('users.list', {}, siti)).users.find((u) => u.username === 'admin')?.roles).toEqual(['kacab']);
  });

  it('never returns a password hash', async () => {
    const { users } = await t.call('users.list', {}, admin);
    expect(JSON.stringify(users)).not.toMatch(/scrypt/);
  });
});

describe('setup', () => {
  it('happens once', async () => {
    const error = await rejection(
      t.call('setup.init', {
        branch: { code: 'BDG01', name: 'Bandung', timeZone: 'WIB' },
        admin: { username: 'lain', displayName: 'Lain', password: 'kata-sandi-1' },
      }),
    );
    expect(error.key).toBe('errors.alreadyInitialized');
  });
});
