import { randomUUID } from 'node:crypto';
import { GENESIS_HASH } from '../../shared/sync/event-hash';
import { newEnrollCode, normalizeEnrollCode, randomToken, sameDigest, sha256 } from '../crypto';
import type { HoDatabase, Sql } from '../db/database';

export const ENROLL_CODE_TTL_MS = 24 * 60 * 60_000;

export class SyncFailure extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export interface DeviceRow {
  id: string;
  branch_code: string | null;
  kind: 'desk' | 'headoffice';
  secret_hash: string | null;
  revoked_at: number | null;
  high_water_mark: number;
  last_hash: string;
  last_seen_at: number | null;
}

export async function ensureBranch(sql: Sql, code: string, now: number): Promise<void> {
  const found = await sql(`SELECT code FROM branches WHERE code = ?`, [code]);
  if (found.length === 0) await sql(`INSERT INTO branches (code, created_at) VALUES (?, ?)`, [code, now]);
}

/** A one-time code for one branch; only its hash is kept. */
export async function createEnrollCode(db: HoDatabase, branchCode: string, now: number): Promise<string> {
  const code = newEnrollCode();
  await db.write(async (sql) => {
    await ensureBranch(sql, branchCode, now);
    await sql(`INSERT INTO enroll_codes (code_hash, branch_code, created_at, expires_at) VALUES (?, ?, ?, ?)`, [
      sha256(code),
      branchCode,
      now,
      now + ENROLL_CODE_TTL_MS,
    ]);
  });
  return code;
}

/**
 * Spends a code: the desk gets its secret once; head office keeps its hash. The answer can be lost
 * after head office committed (the line drops, the desk is killed), so the same desk asking again
 * with the same code gets a fresh secret, for as long as its first secret was never used.
 */
export async function enrollDevice(
  db: HoDatabase,
  request: { code: string; deviceId: string; branchCode: string | null },
  now: number,
): Promise<{ deviceSecret: string; branchCode: string }> {
  const codeHash = sha256(normalizeEnrollCode(request.code));
  return db.write(async (sql) => {
    const [code] = await sql<{ branch_code: string; expires_at: number; used_at: number | null; used_by: string | null }>(
      `SELECT branch_code, expires_at, used_at, used_by FROM enroll_codes WHERE code_hash = ?`,
      [codeHash],
    );
    if (!code || Number(code.expires_at) < now) throw new SyncFailure('invalid_code', 400);
    if (request.branchCode !== null && request.branchCode !== code.branch_code) {
      throw new SyncFailure('branch_mismatch', 409, { branchCode: code.branch_code });
    }
    const deviceSecret = randomToken();
    if (code.used_at !== null) {
      if (code.used_by !== request.deviceId) throw new SyncFailure('invalid_code', 400);
      const renewed = await sql(
        `UPDATE devices SET secret_hash = ? WHERE id = ? AND kind = 'desk' AND last_seen_at IS NULL AND revoked_at IS NULL RETURNING id`,
        [sha256(deviceSecret), request.deviceId],
      );
      if (renewed.length === 0) throw new SyncFailure('invalid_code', 400);
      return { deviceSecret, branchCode: code.branch_code };
    }
    const existing = await sql(`SELECT id FROM devices WHERE id = ?`, [request.deviceId]);
    if (existing.length > 0) throw new SyncFailure('already_enrolled', 409);
    await sql(
      `INSERT INTO devices (id, branch_code, kind, secret_hash, enrolled_at, high_water_mark, last_hash) VALUES (?, ?, 'desk', ?, ?, 0, ?)`,
      [request.deviceId, code.branch_code, sha256(deviceSecret), now, GENESIS_HASH],
    );
    await sql(`UPDATE enroll_codes SET used_at = ?, used_by = ? WHERE code_hash = ?`, [now, request.deviceId, codeHash]);
    return { deviceSecret, branchCode: code.branch_code };
  });
}

/** Checks `Bearer <deviceId>.<secret>` in constant time; a revoked device is told so. */
export async function authenticateDevice(db: HoDatabase, authorization: string | undefined, now: number): Promise<DeviceRow> {
  const match = /^Bearer ([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,})$/.exec(authorization ?? '');
  if (!match) throw new SyncFailure('unauthorized', 401);
  const [device] = await db.read<DeviceRow>(`SELECT * FROM devices WHERE id = ? AND kind = 'desk'`, [match[1]]);
  // Compare against a dummy hash when the device is unknown, so timing says nothing.
  const ok = sameDigest(device?.secret_hash ?? sha256('unknown-device'), sha256(match[2]!));
  if (!device || !ok) throw new SyncFailure('unauthorized', 401);
  if (device.revoked_at !== null) throw new SyncFailure('device_revoked', 401);
  // The first authenticated request closes the window in which a lost enrollment answer may be asked again.
  if (device.last_seen_at === null) {
    await db.write((sql) => sql(`UPDATE devices SET last_seen_at = ? WHERE id = ? AND last_seen_at IS NULL`, [now, device.id]));
  }
  return { ...device, high_water_mark: Number(device.high_water_mark) };
}

export async function revokeDevice(db: HoDatabase, deviceId: string, now: number): Promise<boolean> {
  return db.write(async (sql) => {
    const rows = await sql(`UPDATE devices SET revoked_at = ? WHERE id = ? AND kind = 'desk' AND revoked_at IS NULL RETURNING id`, [now, deviceId]);
    return rows.length > 0;
  });
}

export interface DeviceStatus {
  device: string;
  branch: string | null;
  highWaterMark: number;
  events: number;
  lastSeenAt: number | null;
  enrolledAt: number;
  revokedAt: number | null;
}

export async function devicesStatus(db: HoDatabase): Promise<DeviceStatus[]> {
  const rows = await db.read<{
    id: string;
    branch_code: string | null;
    high_water_mark: number;
    last_seen_at: number | null;
    enrolled_at: number;
    revoked_at: number | null;
    events: number;
  }>(
    `SELECT d.id, d.branch_code, d.high_water_mark, d.last_seen_at, d.enrolled_at, d.revoked_at,
            (SELECT count(*) FROM events e WHERE e.device_id = d.id) AS events
     FROM devices d WHERE d.kind = 'desk' ORDER BY d.branch_code, d.enrolled_at`,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    device: r.id,
    branch: r.branch_code,
    highWaterMark: Number(r.high_water_mark),
    events: Number(r.events),
    lastSeenAt: num(r.last_seen_at),
    enrolledAt: Number(r.enrolled_at),
    revokedAt: num(r.revoked_at),
  }));
}

/** Head office writes its own events (users made there, settings) on one chain per scope. */
export async function headofficeChain(sql: Sql, scope: string | null, now: number): Promise<DeviceRow> {
  const [found] = await sql<DeviceRow>(
    `SELECT * FROM devices WHERE kind = 'headoffice' AND ${scope === null ? 'branch_code IS NULL' : 'branch_code = ?'}`,
    scope === null ? [] : [scope],
  );
  if (found) return { ...found, high_water_mark: Number(found.high_water_mark) };
  if (scope !== null) await ensureBranch(sql, scope, now);
  const id = randomUUID();
  await sql(`INSERT INTO devices (id, branch_code, kind, enrolled_at, high_water_mark, last_hash) VALUES (?, ?, 'headoffice', ?, 0, ?)`, [
    id,
    scope,
    now,
    GENESIS_HASH,
  ]);
  return { id, branch_code: scope, kind: 'headoffice', secret_hash: null, revoked_at: null, high_water_mark: 0, last_hash: GENESIS_HASH, last_seen_at: null };
}

export async function ensureEpoch(db: HoDatabase): Promise<string> {
  const [row] = await db.read<{ value: string }>(`SELECT value FROM ho_meta WHERE key = 'epoch'`);
  if (row) return row.value;
  const epoch = randomUUID();
  await db.write((sql) => sql(`INSERT INTO ho_meta (key, value) VALUES ('epoch', ?)`, [epoch]));
  return epoch;
}
