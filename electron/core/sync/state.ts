import { prepared, type Db } from '../ledger/sql';

export interface SyncState {
  headofficeUrl: string;
  deviceSecret: string;
  branchCode: string;
  epoch: string;
  pushedUpto: number;
  pullCursor: number;
  enrolledAt: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastErrorKey: string | null;
  lastErrorAt: number | null;
  haltedKey: string | null;
}

interface Row {
  headoffice_url: string;
  device_secret: string;
  branch_code: string;
  epoch: string;
  pushed_upto: number;
  pull_cursor: number;
  enrolled_at: number;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error_key: string | null;
  last_error_at: number | null;
  halted_key: string | null;
}

export function getSyncState(db: Db): SyncState | null {
  const row = prepared<[], Row>(db, `SELECT * FROM sync_state`).get();
  if (!row) return null;
  return {
    headofficeUrl: row.headoffice_url,
    deviceSecret: row.device_secret,
    branchCode: row.branch_code,
    epoch: row.epoch,
    pushedUpto: row.pushed_upto,
    pullCursor: row.pull_cursor,
    enrolledAt: row.enrolled_at,
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    lastErrorKey: row.last_error_key,
    lastErrorAt: row.last_error_at,
    haltedKey: row.halted_key,
  };
}

export function saveEnrollment(db: Db, e: { headofficeUrl: string; deviceSecret: string; branchCode: string; epoch: string; at: number }): void {
  prepared(
    db,
    `INSERT INTO sync_state (singleton, headoffice_url, device_secret, branch_code, epoch, enrolled_at) VALUES (1, ?, ?, ?, ?, ?)`,
  ).run(e.headofficeUrl, e.deviceSecret, e.branchCode, e.epoch, e.at);
}

type Patch = Partial<Pick<SyncState, 'epoch' | 'pushedUpto' | 'pullCursor' | 'lastAttemptAt' | 'lastSuccessAt' | 'lastErrorKey' | 'lastErrorAt' | 'haltedKey'>>;
const COLUMNS: Record<keyof Patch, string> = {
  epoch: 'epoch',
  pushedUpto: 'pushed_upto',
  pullCursor: 'pull_cursor',
  lastAttemptAt: 'last_attempt_at',
  lastSuccessAt: 'last_success_at',
  lastErrorKey: 'last_error_key',
  lastErrorAt: 'last_error_at',
  haltedKey: 'halted_key',
};

export function updateSyncState(db: Db, patch: Patch): void {
  for (const [key, value] of Object.entries(patch)) {
    // Column names come from the fixed map above, never from input.
    prepared(db, `UPDATE sync_state SET ${COLUMNS[key as keyof Patch]} = ?`).run(value ?? null);
  }
}

/** This desk's events head office has not acknowledged yet. */
export function countPending(db: Db, deviceId: string, pushedUpto: number): number {
  const row = prepared<[string, number], { n: number }>(
    db,
    `SELECT count(*) AS n FROM journal WHERE device_id = ? AND device_seq > ?`,
  ).get(deviceId, pushedUpto);
  return row?.n ?? 0;
}

export function countOpenConflicts(db: Db): number {
  return prepared<[], { n: number }>(db, `SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL`).get()?.n ?? 0;
}
