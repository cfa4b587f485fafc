import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type QueryRunner } from 'typeorm';
import { HO_MIGRATIONS } from './migrations/index';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseTarget {
  dialect: Dialect;
  /** A file path for SQLite, a connection URL for PostgreSQL. */
  location: string;
}

/** `postgres://…`, `sqlite:PATH`, or a bare path (SQLite). */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', location: url };
  return { dialect: 'sqlite', location: url.replace(/^sqlite:(\/\/)?/i, '') };
}

/**
 * Head office's database: TypeORM owns the connection and the migrations for both dialects;
 * queries are plain parameterised SQL written once with `?` placeholders (see `Sql`).
 */
export interface HoDatabase {
  dialect: Dialect;
  dataSource: DataSource;
  /** Runs `work` in one transaction; writers take turns so cursors follow commit order. */
  write<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** A read outside any transaction. */
  read: Sql;
  close(): Promise<void>;
}

export type Sql = <R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;

function toPostgres(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

function sqlFor(dialect: Dialect, runner: QueryRunner): Sql {
  return async <R>(text: string, params: unknown[] = []) => {
    // The structured result gives rows the same way for both drivers (RETURNING included).
    const result = await runner.query(dialect === 'postgres' ? toPostgres(text) : text, params, true);
    return (result.records ?? []) as R[];
  };
}

export async function openHoDatabase(target: DatabaseTarget): Promise<HoDatabase> {
  if (target.dialect === 'sqlite') mkdirSync(dirname(target.location), { recursive: true });
  const dataSource =
    target.dialect === 'postgres'
      ? new DataSource({ type: 'postgres', url: target.location, migrations: HO_MIGRATIONS, poolSize: 10 })
      : new DataSource({
          type: 'better-sqlite3',
          database: target.location,
          migrations: HO_MIGRATIONS,
          prepareDatabase: (db: { pragma(s: string): unknown }) => {
            db.pragma('journal_mode = WAL');
            db.pragma('synchronous = FULL');
            db.pragma('busy_timeout = 5000');
          },
        });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });

  // One writer at a time in this process; on PostgreSQL an advisory lock extends that to several
  // head-office processes. Without it a later cursor could commit before an earlier one and a
  // pulling branch would skip it for good.
  let queue: Promise<unknown> = Promise.resolve();
  const write: HoDatabase['write'] = (work) => {
    const run = queue.then(async () => {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        const sql = sqlFor(target.dialect, runner);
        if (target.dialect === 'postgres') await sql('SELECT pg_advisory_xact_lock(7261001)');
        const result = await work(sql);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      } finally {
        await runner.release();
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const reader = dataSource.createQueryRunner('slave');
  return {
    dialect: target.dialect,
    dataSource,
    write,
    read: async (text, params) => {
      // A read on PostgreSQL takes a pooled connection of its own; SQLite has the one connection.
      const runner = target.dialect === 'postgres' ? dataSource.createQueryRunner() : reader;
      try {
        return await sqlFor(target.dialect, runner)(text, params);
      } finally {
        if (runner !== reader) await runner.release();
      }
    },
    close: async () => {
      await queue;
      await reader.release();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
