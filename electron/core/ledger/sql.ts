import type Database from 'better-sqlite3';

export type Db = Database.Database;

// One prepared statement per (connection, SQL text): preparing is the expensive part of a query,
// and the hot paths (journal append, imports, sync apply) run the same few statements many times.
const cache = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P, R> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as unknown as Database.Statement<P, R>;
}
