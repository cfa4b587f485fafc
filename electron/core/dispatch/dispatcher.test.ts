import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChains } from '../ledger/journal';
import { ADMIN, startTestCore, type TestCore } from '../testing';

let t: TestCore;
let admin: string;
beforeEach(async () => {
  t = await startTestCore();
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterEach(() => t.close());

const count = (sql: string) => (t.core.db.prepare(sql).get() as { n: number }).n;

describe('group commit', () => {
  it('shares one transaction among concurrent calls, yet a failing call undoes only its own writes', async () => {
    const before = count('SELECT count(*) AS n FROM journal');
    const calls = Array.from({ length: 50 }, (_, i) =>
      t.core.dispatch({
        method: 'users.create',
        // Every tenth call repeats an earlier name: refused inside the same batch.
        input: { username: `user${i % 10 === 9 ? i - 1 : i}`, displayName: `User ${i}`, roles: ['cs'], password: 'kata-sandi-1' },
        token: admin,
        transport: 'cli',
      }),
    );
    const answers = await Promise.all(calls);
    expect(answers.filter((a) => a.ok)).toHaveLength(45);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.key)).toEqual(Array(5).fill('errors.badInput'));
    expect(count('SELECT count(*) AS n FROM journal')).toBe(before + 45);
    expect(count('SELECT count(*) AS n FROM users')).toBe(46);
    expect(verifyChains(t.core.db).brokenAt).toBeNull();
  });

  it('answers an unknown method and a non-object input plainly', async () => {
    const unknown = await t.core.dispatch({ method: 'ledger.drop', input: {}, token: admin, transport: 'cli' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', key: 'errors.unknownMethod' } });
    const bad = await t.core.dispatch({ method: 'users.create', input: 'siti', token: admin, transport: 'cli' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('strips what the output contract does not declare', async () => {
    const answer = await t.core.dispatch({ method: 'users.list', input: {}, token: admin, transport: 'cli' });
    expect(answer.ok && JSON.stringify(answer.result)).not.toMatch(/passwordHash|failedAttempts/);
  });
});

describe('reads kept between writes', () => {
  it('sees a change another process commits to the same ledger (a CLI next to a running desk)', async () => {
    await t.call('users.create', { username: 'siti', displayName: 'Siti', roles: ['cs'], password: 'cs-sandi-123' }, admin);
    const siti = await t.login('siti', 'cs-sandi-123');
    expect((await t.call('auth.session', {}, siti)).user.roles).toEqual(['cs']);
    const other = await startTestCore({ dataDir: t.dataDir, setup: false });
    try {
      const otherAdmin = await other.login(ADMIN.username, ADMIN.password);
      await other.call('users.update', { username: 'siti', roles: ['cs', 'kasie'] }, otherAdmin);
      expect((await t.call('auth.session', {}, siti)).user.roles).toEqual(['cs', 'kasie']);
      await other.call('users.setDisabled', { username: 'siti', disabled: true }, otherAdmin);
      expect(await t.core.dispatch({ method: 'auth.session', input: {}, token: siti, transport: 'cli' })).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
    } finally {
      await other.core.close();
    }
  });
});
