import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stamped in the file header so a ledger is told apart from any other SQLite file ('SRMB'). */
export const SERAMBI_APPLICATION_ID = 0x53524d42;

// The foundation: the device, the branch, users and roles, and the append-only journal.
// Money is INTEGER, statuses are CHECKed enums, times are epoch milliseconds UTC.
export class Initial1763700000000 implements MigrationInterface {
  name = 'Initial1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`PRAGMA application_id = ${SERAMBI_APPLICATION_ID}`);
    await q.query(`CREATE TABLE device (
      id TEXT PRIMARY KEY NOT NULL,
      singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
      created_at INTEGER NOT NULL
    )`);
    await q.query(`CREATE TABLE branch (
      code TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      time_zone TEXT NOT NULL CHECK (time_zone IN ('WIB', 'WITA', 'WIT')),
      idle_lock_minutes INTEGER NOT NULL CHECK (idle_lock_minutes BETWEEN 1 AND 240),
      singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
      created_at INTEGER NOT NULL
    )`);
    await q.query(`CREATE TABLE users (
      id TEXT PRIMARY KEY NOT NULL,
      username TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
      locked_until INTEGER,
      locale TEXT NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`);
    await q.query(`CREATE TABLE user_roles (
      user_id TEXT NOT NULL REFERENCES users (id),
      role TEXT NOT NULL CHECK (role IN ('cs', 'teller', 'ao', 'kasie', 'kacab', 'cs-manager', 'back-office', 'admin')),
      PRIMARY KEY (user_id, role)
    ) WITHOUT ROWID`);
    // seq is the local order of application; (device_id, device_seq) is the event's identity
    // across head office and every branch; each device's events form one hash chain.
    await q.query(`CREATE TABLE journal (
      seq INTEGER PRIMARY KEY,
      event_id TEXT NOT NULL UNIQUE,
      device_id TEXT NOT NULL,
      device_seq INTEGER NOT NULL CHECK (device_seq >= 1),
      user_id TEXT,
      username TEXT,
      at INTEGER NOT NULL,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (device_id, device_seq)
    )`);
    await q.query(`CREATE INDEX journal_by_user ON journal (username, seq)`);
    await q.query(`CREATE INDEX journal_by_type ON journal (type, seq)`);
    await q.query(`CREATE INDEX journal_by_time ON journal (at)`);
    // The journal is the audit trail: nobody edits or deletes it, not even through SQL.
    await q.query(`CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END`);
    await q.query(`CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['journal', 'user_roles', 'users', 'branch', 'device']) await q.query(`DROP TABLE ${table}`);
  }
}
