import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
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

export type Sql = (<R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>) & {
  /**
   * Inserts rows (each a value for each of `columns`, in order) the fastest way the database
   * has: one prepared statement a row on SQLite, where there is no round trip to save and short
   * statements bind fastest; multi-row INSERTs on PostgreSQL.
   */
  insertRows(table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void>;
};

/** Rows per multi-row INSERT on PostgreSQL: few statements, well under its parameter limit. */
const INSERT_CHUNK = 200;

const insertText = (table: string, columns: readonly string[], rows: number) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;

function toPostgres(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

function sqlFor(dialect: Dialect, runner: QueryRunner): Sql {
  const query = async <R>(text: string, params: unknown[] = []) => {
    // The structured result gives rows the same way for both drivers (RETURNING included).
    const result = await runner.query(dialect === 'postgres' ? toPostgres(text) : text, params, true);
    return (result.records ?? []) as R[];
  };
  const insertRows: Sql['insertRows'] = async (table, columns, rows) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await query(insertText(table, columns, chunk.length), chunk.flat());
    }
  };
  return Object.assign(query, { insertRows });
}

/** Statements kept prepared per SQLite connection: enough for every query text head office runs. */
const STATEMENT_CACHE = 500;

/**
 * SQLite goes straight to better-sqlite3 with each statement prepared once: TypeORM's query
 * runner adds an async broadcast and a result wrapper around every call, which a push of a
 * thousand events pays many times over. Same rows, same errors (the driver's), same connection.
 */
function sqliteSql(connection: BetterSqlite3.Database): Sql {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (text: string) => {
    let found = statements.get(text);
    if (found) {
      statements.delete(text);
    } else {
      found = connection.prepare(text);
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
    }
    statements.set(text, found); // most recently used last
    return found;
  };
  // better-sqlite3 cannot bind booleans (TypeORM turned them into 0/1 as well).
  const bindable = (params: readonly unknown[]) =>
    params.some((p) => typeof p === 'boolean') ? params.map((p) => (typeof p === 'boolean' ? Number(p) : p)) : params;
  const query = async <R>(text: string, params: unknown[] = []) => {
    const prepared = statement(text);
    // An array binds as the anonymous parameters, without spreading thousands of arguments.
    if (prepared.reader) return prepared.all(bindable(params)) as R[];
    prepared.run(bindable(params));
    return [];
  };
  const insertRows: Sql['insertRows'] = async (table, columns, rows) => {
    const insert = statement(insertText(table, columns, 1));
    for (const row of rows) insert.run(...bindable(row));
  };
  return Object.assign(query, { insertRows });
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
            // Checkpoint every 32 MB of WAL rather than 4 MB: a pushed batch of a thousand events
            // dirties hundreds of pages of the (random) event-id index, and each checkpoint copies
            // them all again. Every commit still reaches the disk (FULL).
            db.pragma('wal_autocheckpoint = 8192');
          },
        });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });

  // One writer at a time in this process; on PostgreSQL an advisory lock extends that to several
  // head-office processes. Without it a later cursor could commit before an earlier one and a
  // pulling branch would skip it for good.
  let queue: Promise<unknown> = Promise.resolve();
  const connection =
    target.dialect === 'sqlite' ? (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection : null;
  const sqlite = connection ? sqliteSql(connection) : null;
  const inTransaction = async <T>(work: (sql: Sql) => Promise<T>): Promise<T> => {
    if (connection && sqlite) {
      await sqlite('BEGIN IMMEDIATE');
      try {
        const result = await work(sqlite);
        await sqlite('COMMIT');
        return result;
      } catch (error) {
        if (connection.inTransaction) await sqlite('ROLLBACK');
        throw error;
      }
    }
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const sql = sqlFor(target.dialect, runner);
      await sql('SELECT pg_advisory_xact_lock(7261001)');
      const result = await work(sql);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  };
  const write: HoDatabase['write'] = (work) => {
    const run = queue.then(() => inTransaction(work));
    queue = run.catch(() => undefined);
    return run;
  };

  // A read on SQLite has a read-only connection of its own: on the writer's connection it would see
  // the rows of a transaction still open (a pull could hand out events that are then rolled back).
  // In WAL mode it sees the last commit and never waits for the writer. An in-memory database
  // cannot be opened twice, so it reads on the one connection. A read on PostgreSQL takes a
  // pooled connection of its own.
  const reader =
    connection && target.location !== ':memory:'
      ? new BetterSqlite3(target.location, { readonly: true, fileMustExist: true, timeout: 5000 })
      : connection;
  const sqliteReader = reader === connection ? sqlite : reader ? sqliteSql(reader) : null;
  const pooled = async <T>(use: (sql: Sql) => Promise<T>): Promise<T> => {
    const runner = dataSource.createQueryRunner();
    try {
      return await use(sqlFor(target.dialect, runner));
    } finally {
      await runner.release();
    }
  };
  const read: Sql =
    sqliteReader ??
    Object.assign(<R>(text: string, params?: unknown[]) => pooled((sql) => sql<R>(text, params)), {
      insertRows: (table: string, columns: readonly string[], rows: readonly unknown[][]) => pooled((sql) => sql.insertRows(table, columns, rows)),
    });

  return {
    dialect: target.dialect,
    dataSource,
    write,
    read,
    close: async () => {
      await queue;
      if (reader && reader !== connection) reader.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
