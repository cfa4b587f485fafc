import { randomUUID } from 'node:crypto';
import type { BranchView } from '../../../shared/api/schemas';
import { prepared, type Db } from '../ledger/sql';

interface BranchRow {
  code: string;
  name: string;
  time_zone: BranchView['timeZone'];
  idle_lock_minutes: number;
}

export function getBranch(db: Db): BranchView | null {
  const row = prepared<[], BranchRow>(db, `SELECT code, name, time_zone, idle_lock_minutes FROM branch`).get();
  return row ? { code: row.code, name: row.name, timeZone: row.time_zone, idleLockMinutes: row.idle_lock_minutes } : null;
}

/** This desk's identity in the journal: made once, on the first open of the ledger. */
export function ensureDeviceId(db: Db, now: number): string {
  const row = prepared<[], { id: string }>(db, `SELECT id FROM device`).get();
  if (row) return row.id;
  const id = randomUUID();
  prepared(db, `INSERT INTO device (id, created_at) VALUES (?, ?)`).run(id, now);
  return id;
}
