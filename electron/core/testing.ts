import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/index';
import { ApiError } from '../../shared/api/errors';
import type { PulledEvent } from '../../shared/sync/protocol';
import { createCore, type Core, type CoreOptions } from './core';
import { rowToEvent, type JournalRow } from './ledger/journal';

// Helpers for tests that drive a real core on a real temporary SQLite file.

export interface TestCore {
  core: Core;
  dataDir: string;
  clock: { now: number; advance(ms: number): void };
  call<M extends MethodName>(method: M, input: MethodInput<M>, token?: string | null): Promise<MethodOutput<M>>;
  /** Logs in and returns the session token. */
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export const ADMIN = { username: 'admin', password: 'rahasia-admin-1' };

export async function startTestCore(
  options: { dataDir?: string; setup?: boolean; fetch?: typeof fetch; autoSync?: boolean; sync?: CoreOptions['sync'] } = {},
): Promise<TestCore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'serambi-test-'));
  const clock = {
    now: Date.UTC(2026, 10, 21, 3, 0, 0),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const core = await createCore({
    dataDir,
    clock: () => clock.now,
    passwordCost: 10,
    log: () => {},
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.autoSync ? { autoSync: true } : {}),
    ...(options.sync ? { sync: options.sync } : {}),
  });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, token: string | null = null) => {
    const answer = await core.dispatch({ method, input, token, transport: 'cli' });
    if (!answer.ok) throw ApiError.from(answer.error);
    return answer.result as MethodOutput<M>;
  };
  const login = async (username: string, password: string) => (await call('auth.login', { username, password })).token;
  if (options.setup !== false) {
    await call('setup.init', {
      branch: { code: 'JKT01', name: 'Cabang Jakarta Sudirman', timeZone: 'WIB' },
      admin: { username: ADMIN.username, displayName: 'Admin Cabang', password: ADMIN.password },
    });
  }
  return {
    core,
    dataDir,
    clock,
    call,
    login,
    close: async () => {
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The ApiError a call rejects with, for assertions on its code and key. */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export type { JournalRow };

/** A desk's journal rows whose type starts with `typePrefix` (`otp.`), after `afterSeq`. */
export function journalRowsAfter(core: Core, typePrefix: string, afterSeq = 0): JournalRow[] {
  return core.db.prepare(`SELECT * FROM journal WHERE type LIKE ? AND seq > ? ORDER BY seq`).all(`${typePrefix}%`, afterSeq) as JournalRow[];
}

/** A journal row as a pull from head office would bring it to another desk (its seq as the cursor). */
export function asPulled(row: JournalRow): PulledEvent {
  const { seq, ...event } = rowToEvent(row);
  return { ...event, cursor: seq };
}
