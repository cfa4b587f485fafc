import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { MIGRATIONS } from './migrations/index';
import { openLedger } from './open';

let dir: string;
let file: string;
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'serambi-ledger-'));
  file = join(dir, 'ledger.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(path: string): Promise<ApiError> {
  try {
    const ledger = await openLedger(path);
    await ledger.close();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the ledger to be refused');
}

describe('opening a ledger', () => {
  it('creates a WAL ledger with synchronous=FULL and runs the migrations once', async () => {
    const first = await openLedger(file);
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.db.pragma('synchronous', { simple: true })).toBe(2);
    await first.close();
    const again = await openLedger(file);
    expect(again.db.prepare('SELECT count(*) AS n FROM migrations').get()).toEqual({ n: MIGRATIONS.length });
    await again.close();
  });

  it('refuses a ledger written by a newer version and leaves it untouched', async () => {
    const ledger = await openLedger(file);
    ledger.db.prepare(`INSERT INTO migrations (timestamp, name) VALUES (?, ?)`).run(1893456000000, 'FromTheFuture1893456000000');
    ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    await ledger.close();
    const before = digest(file);
    const error = await refusal(file);
    expect(error.key).toBe('errors.ledgerTooNew');
    expect(error.params).toMatchObject({ migration: 'FromTheFuture1893456000000' });
    expect(digest(file)).toBe(before);
  });

  it('refuses a file that is not SQLite, and leaves it untouched', async () => {
    writeFileSync(file, 'Laporan harian cabang\n'.repeat(200));
    const before = digest(file);
    expect((await refusal(file)).key).toBe('errors.ledgerCorrupt');
    expect(digest(file)).toBe(before);
  });

  it('refuses a truncated ledger, and leaves it untouched', async () => {
    const ledger = await openLedger(file);
    ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    await ledger.close();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, 200));
    const before = digest(file);
    expect((await refusal(file)).key).toBe('errors.ledgerCorrupt');
    expect(digest(file)).toBe(before);
  });

  it('refuses another program\'s SQLite database', async () => {
    const other = new Database(file);
    other.exec('CREATE TABLE nasabah (id INTEGER PRIMARY KEY)');
    other.close();
    const before = digest(file);
    expect((await refusal(file)).key).toBe('errors.ledgerForeign');
    expect(digest(file)).toBe(before);
  });
});
