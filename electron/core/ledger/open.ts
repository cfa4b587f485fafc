import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { ApiError } from '../../../shared/api/errors';
import { KNOWN_MIGRATION_NAMES, MIGRATIONS } from './migrations/index';
import { SERAMBI_APPLICATION_ID } from './migrations/1763700000000-initial';
import type { Db } from './sql';

export interface Ledger {
  db: Db;
  file: string;
  close(): Promise<void>;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Reads the file without writing a byte (no WAL switch, no migration) and refuses what this
 * version must not touch: a file that is not SQLite, a corrupt one, another program's database,
 * or a ledger migrated by a newer Serambi.
 */
export function inspectLedgerFile(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const fd = openSync(file, 'r');
  const header = Buffer.alloc(16);
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) throw new ApiError('internal', 'errors.ledgerCorrupt', { file });
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
    if (tables.length === 0) return;
    if (applicationId !== SERAMBI_APPLICATION_ID) throw new ApiError('internal', 'errors.ledgerForeign', { file });
    if (!tables.some((t) => t.name === 'migrations')) return;
    const applied = db.prepare(`SELECT name FROM migrations`).all() as { name: string }[];
    const unknown = applied.filter((m) => !KNOWN_MIGRATION_NAMES.has(m.name));
    if (unknown.length > 0) throw new ApiError('internal', 'errors.ledgerTooNew', { file, migration: unknown[0]!.name });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('internal', 'errors.ledgerCorrupt', { file, reason: (error as Error).message });
  } finally {
    db?.close();
  }
}

/** Opens (creating if needed) the ledger at `file` and brings its schema up to date. */
export async function openLedger(file: string): Promise<Ledger> {
  inspectLedgerFile(file);
  mkdirSync(dirname(file), { recursive: true });
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: file,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    // A bank ledger favours durability over speed: every commit reaches the disk (FULL), and WAL
    // lets readers work while the single writer commits.
    prepareDatabase: (db: Db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      // Savepoints (one per call in a group commit) keep their undo pages in memory, not a temp file.
      db.pragma('temp_store = MEMORY');
      // 64 MB of page cache rather than 2 MB: a statement import or a matching run touches pages of
      // random-id indexes all over a 100,000-row table, and a transaction whose dirty pages outgrow
      // the cache spills them to the WAL before it commits.
      db.pragma('cache_size = -65536');
    },
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    throw new ApiError('internal', 'errors.ledgerCorrupt', { file, reason: (error as Error).message });
  }
  const db = (dataSource.driver as unknown as { databaseConnection: Db }).databaseConnection;
  return {
    db,
    file,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
