import type { MigrationInterface, QueryRunner } from 'typeorm';

// Head office's tables, for SQLite and PostgreSQL alike. `cursor` is assigned at insert under the
// single-writer lock, so it follows commit order and a branch can pull "everything after N".
export class HeadofficeInitial1763800000000 implements MigrationInterface {
  name = 'HeadofficeInitial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const cursor = pg ? 'cursor BIGSERIAL PRIMARY KEY' : 'cursor INTEGER PRIMARY KEY AUTOINCREMENT';
    const big = pg ? 'BIGINT' : 'INTEGER';
    await q.query(`CREATE TABLE ho_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    await q.query(`CREATE TABLE branches (code TEXT PRIMARY KEY, created_at ${big} NOT NULL)`);
    await q.query(`CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      branch_code TEXT REFERENCES branches (code),
      kind TEXT NOT NULL CHECK (kind IN ('desk', 'headoffice')),
      secret_hash TEXT,
      enrolled_at ${big} NOT NULL,
      revoked_at ${big},
      last_seen_at ${big},
      high_water_mark ${big} NOT NULL DEFAULT 0,
      last_hash TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE enroll_codes (
      code_hash TEXT PRIMARY KEY,
      branch_code TEXT NOT NULL REFERENCES branches (code),
      created_at ${big} NOT NULL,
      expires_at ${big} NOT NULL,
      used_at ${big},
      used_by TEXT
    )`);
    await q.query(`CREATE TABLE events (
      ${cursor},
      event_id TEXT NOT NULL UNIQUE,
      device_id TEXT NOT NULL REFERENCES devices (id),
      device_seq ${big} NOT NULL,
      branch_code TEXT,
      user_id TEXT,
      username TEXT,
      at ${big} NOT NULL,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      received_at ${big} NOT NULL,
      UNIQUE (device_id, device_seq)
    )`);
    await q.query(`CREATE INDEX events_by_branch ON events (branch_code, cursor)`);
    // A refused event keeps its place in the device's sequence (the queue moves on) and its answer
    // (a replay gets the same answer), but never reaches the events other branches pull.
    await q.query(`CREATE TABLE rejections (
      device_id TEXT NOT NULL REFERENCES devices (id),
      device_seq ${big} NOT NULL,
      event_id TEXT NOT NULL,
      type TEXT NOT NULL,
      hash TEXT NOT NULL,
      reason TEXT NOT NULL,
      detail TEXT,
      received_at ${big} NOT NULL,
      PRIMARY KEY (device_id, device_seq)
    )`);
    // What head office's own rules need to know of users: user names are unique per branch, and
    // a head-office (all-branch) user name is unique everywhere.
    await q.query(`CREATE TABLE ho_users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      branch_code TEXT,
      created_at ${big} NOT NULL
    )`);
    await q.query(`CREATE INDEX ho_users_by_name ON ho_users (username)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['ho_users', 'rejections', 'events', 'enroll_codes', 'devices', 'branches', 'ho_meta']) await q.query(`DROP TABLE ${t}`);
  }
}
