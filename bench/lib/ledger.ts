import { startTestCore, ADMIN, type TestCore } from '../../electron/core/testing';
import { tempDir } from './temp';

export interface BenchLedger extends TestCore {
  /** A session of the branch's admin. */
  token: string;
}

/** A fresh ledger in its own temporary folder with a branch and its admin, as `serambi init` leaves it. */
export function setUpLedger(label: string): Promise<TestCore> {
  return startTestCore({ dataDir: tempDir(label) });
}

/**
 * A fresh ledger in its own temporary folder, set up the way a branch starts (branch + admin)
 * and with the admin logged in. The core is the real one: same migrations, same pragmas
 * (WAL, synchronous=FULL).
 */
export async function freshLedger(label: string): Promise<BenchLedger> {
  const ledger = await setUpLedger(label);
  const token = await ledger.login(ADMIN.username, ADMIN.password);
  return { ...ledger, token };
}

export const JOURNAL_COLUMNS = [
  'event_id',
  'device_id',
  'device_seq',
  'user_id',
  'username',
  'at',
  'type',
  'payload',
  'prev_hash',
  'hash',
] as const;

export type JournalRow = Record<(typeof JOURNAL_COLUMNS)[number], string | number | null>;

export const INSERT_JOURNAL = `INSERT INTO journal (${JOURNAL_COLUMNS.join(', ')}) VALUES (${JOURNAL_COLUMNS.map(
  (c) => `@${c}`,
).join(', ')})`;
