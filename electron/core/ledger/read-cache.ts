import { prepared, type Db } from './sql';

/**
 * Reads that nearly every call makes (the branch's idle time, the caller's roles) are kept between
 * writes. Every local event (emitted or pulled) drops them, and so does a commit by another
 * process on the same file (the CLI next to a running desk), which SQLite reports through
 * PRAGMA data_version. Only what is read outside a transaction goes here.
 */
interface Cache {
  version: number;
  values: Map<string, unknown>;
  /** data_version was read in the current synchronous run: a burst of calls asks SQLite once. */
  checked: boolean;
}

const caches = new WeakMap<Db, Cache>();

export function cachedRead<T>(db: Db, key: string, load: () => T): T {
  let cache = caches.get(db);
  if (!cache?.checked) {
    // A prepared PRAGMA: db.pragma() would compile the statement on every call.
    const version = prepared<[], { data_version: number }>(db, 'PRAGMA data_version').get()!.data_version;
    if (!cache || cache.version !== version) {
      cache = { version, values: new Map(), checked: false };
      caches.set(db, cache);
    }
    // Another process's commit seen a few microseconds later is the same as one made a few
    // microseconds later; the next task asks again.
    const current = cache;
    current.checked = true;
    queueMicrotask(() => {
      current.checked = false;
    });
  }
  if (cache.values.has(key)) return cache.values.get(key) as T;
  const value = load();
  cache.values.set(key, value);
  return value;
}

export function invalidateReads(db: Db): void {
  caches.delete(db);
}
