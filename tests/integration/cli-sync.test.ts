import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHeadoffice } from '../../headoffice/app';
import { main } from '../../electron/cli/main';

// The CLI contract of head office and sync: enroll-code, enroll, sync, headoffice status.
let dir: string;
let headoffice: Awaited<ReturnType<typeof buildHeadoffice>>;
let url: string;
const hoDb = () => `sqlite:${join(dir, 'ho', 'headoffice.sqlite')}`;

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out, err };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serambi-cli-sync-'));
  headoffice = await buildHeadoffice({ databaseUrl: hoDb(), adminToken: 'token-for-tests-1234567890' });
  url = await headoffice.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await headoffice.app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serambi enroll, sync and headoffice status', () => {
  it('enrolls a desk with a one-time code and syncs it', async () => {
    const desk = join(dir, 'desk');
    const env = { SERAMBI_USER: 'admin', SERAMBI_PASSWORD: 'rahasia-admin-1' };
    expect((await run(['init', '--branch', 'JKT01', '--admin', 'admin', '--data', desk], env)).code).toBe(0);

    const codeRun = await run(['headoffice', 'enroll-code', '--branch', 'JKT01', '--db', hoDb()]);
    expect(codeRun.code).toBe(0);
    const code = codeRun.out.at(-1)!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const enrolled = await run(['enroll', '--headoffice', url, '--code', code, '--data', desk, '--json'], env);
    expect(enrolled.code).toBe(0);
    expect(JSON.parse(enrolled.out[0]!)).toMatchObject({ branch: 'JKT01', synced: true });

    const again = await run(['enroll', '--headoffice', url, '--code', code, '--data', desk], env);
    expect(again.code).toBe(1);

    const sync = await run(['sync', '--json', '--data', desk], env);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.out[0]!)).toEqual({ pushed: expect.any(Number), pulled: 0, pending: 0 });

    const status = await run(['headoffice', 'status', '--json', '--db', hoDb()]);
    const { devices } = JSON.parse(status.out[0]!);
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ branch: 'JKT01', highWaterMark: expect.any(Number), events: expect.any(Number), lastSeenAt: expect.any(Number) });
    expect(devices[0].events).toBe(devices[0].highWaterMark);
  });

  it('refuses a bad branch code with exit 2', async () => {
    const result = await run(['headoffice', 'enroll-code', '--branch', 'x', '--db', hoDb()]);
    expect(result.code).toBe(2);
    expect(result.err).toHaveLength(1);
  });

  it('follows SERAMBI_HEADOFFICE_URL over the enrolled address', async () => {
    const desk = join(dir, 'desk2');
    const env = { SERAMBI_USER: 'admin', SERAMBI_PASSWORD: 'rahasia-admin-1' };
    await run(['init', '--branch', 'BDG01', '--admin', 'admin', '--data', desk], env);
    const code = (await run(['headoffice', 'enroll-code', '--branch', 'BDG01', '--db', hoDb()])).out.at(-1)!;
    await run(['enroll', '--headoffice', url, '--code', code, '--data', desk], env);
    const wrong = await run(['sync', '--data', desk], { ...env, SERAMBI_HEADOFFICE_URL: 'http://127.0.0.1:9' });
    expect(wrong.code).toBe(1);
    expect(wrong.err[0]).toMatch(/kantor pusat|head office|offline|dihubungi/i);
  });
});
