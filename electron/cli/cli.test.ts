import { execFile } from 'node:child_process';

import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useCliDataDir } from './testing';

const cli = useCliDataDir('serambi-cli-');
const run = cli.run;

const ADMIN_ENV = { SERAMBI_USER: 'admin', SERAMBI_PASSWORD: 'rahasia-admin-1' };

describe('serambi init and user add', () => {
  it('creates the branch and its admin, then users with roles given in any case', async () => {
    const init = await run(['init', '--branch', 'jkt01', '--admin', 'admin', '--json'], { SERAMBI_PASSWORD: 'rahasia-admin-1' });
    expect(init.code).toBe(0);
    expect(JSON.parse(init.out)).toMatchObject({ branch: { code: 'JKT01', timeZone: 'WIB' }, admin: { username: 'admin', roles: ['admin'] } });

    const add = await run(['user', 'add', 'siti', '--role', 'CS,Back-Office', '--json'], { ...ADMIN_ENV, SERAMBI_NEW_PASSWORD: 'siti-sandi-1' });
    expect(add.code).toBe(0);
    expect(JSON.parse(add.out)).toMatchObject({ username: 'siti', roles: ['back-office', 'cs'] });

    const human = await run(['user', 'add', 'budi', '--role', 'kasie'], { ...ADMIN_ENV, SERAMBI_NEW_PASSWORD: 'budi-sandi-1' });
    expect(human.out).toMatch(/budi/);
  });

  it('exits 2 with a one-line reason on bad input, and changes nothing', async () => {
    await run(['init', '--branch', 'JKT01', '--admin', 'admin'], { SERAMBI_PASSWORD: 'rahasia-admin-1' });
    const cases = [
      { argv: ['user', 'add', 'siti', '--role', 'cashier'], env: { ...ADMIN_ENV, SERAMBI_NEW_PASSWORD: 'siti-sandi-1' }, reason: /cashier/ },
      { argv: ['user', 'add', 'siti', '--role', 'cs'], env: ADMIN_ENV, reason: /SERAMBI_NEW_PASSWORD/ },
      { argv: ['user', 'add', 'siti', '--role', 'cs'], env: { ...ADMIN_ENV, SERAMBI_NEW_PASSWORD: 'pendek' }, reason: /password/ },
      { argv: ['user', 'add', 'siti', '--role', 'cs', '--bogus'], env: ADMIN_ENV, reason: /bogus/ },
      { argv: ['init', '--admin', 'x'], env: {}, reason: /--branch/ },
    ];
    for (const c of cases) {
      const result = await run(c.argv, c.env);
      expect(result.code, c.argv.join(' ')).toBe(2);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toMatch(c.reason);
    }
    const list = await run(['user', 'add', 'probe', '--role', 'cs', '--json'], { ...ADMIN_ENV, SERAMBI_NEW_PASSWORD: 'probe-sandi-1' });
    expect(list.code).toBe(0);
  });

  it('exits 1 when the caller may not do it', async () => {
    await run(['init', '--branch', 'JKT01', '--admin', 'admin'], { SERAMBI_PASSWORD: 'rahasia-admin-1' });
    await run(['user', 'add', 'siti', '--role', 'cs'], { ...ADMIN_ENV, SERAMBI_NEW_PASSWORD: 'siti-sandi-1' });
    const asCs = await run(['user', 'add', 'eve', '--role', 'admin'], {
      SERAMBI_USER: 'siti',
      SERAMBI_PASSWORD: 'siti-sandi-1',
      SERAMBI_NEW_PASSWORD: 'eve-sandi-123',
    });
    expect(asCs.code).toBe(1);
    expect(asCs.err).toMatch(/tidak berwenang/);
    const wrong = await run(['user', 'add', 'eve', '--role', 'cs'], { SERAMBI_USER: 'admin', SERAMBI_PASSWORD: 'salah', SERAMBI_NEW_PASSWORD: 'eve-sandi-123', SERAMBI_LANG: 'en' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/wrong|incorrect/i);
  });

  it('refuses a second init', async () => {
    await run(['init', '--branch', 'JKT01', '--admin', 'admin'], { SERAMBI_PASSWORD: 'rahasia-admin-1' });
    const again = await run(['init', '--branch', 'BDG01', '--admin', 'admin'], { SERAMBI_PASSWORD: 'rahasia-admin-1' });
    expect(again.code).toBe(1);
  });
});

describe('the serambi command', () => {
  it('runs from the package bin with no build step', async () => {
    const bin = join(import.meta.dirname, 'serambi.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'init', '--branch', 'SBY01', '--admin', 'admin', '--data', cli.dir(), '--json'], {
      env: { ...process.env, SERAMBI_PASSWORD: 'rahasia-admin-1' },
    });
    expect(JSON.parse(stdout).branch.code).toBe('SBY01');
    const failed = await promisify(execFile)(process.execPath, [bin, 'user', 'add', 'x'], { env: process.env }).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(2);
  });
});
