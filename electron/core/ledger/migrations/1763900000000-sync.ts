import type { MigrationInterface, QueryRunner } from 'typeorm';

// The desk's side of sync: where head office is and how far each direction got, and the
// conflicts a supervisor must see (events head office refused, pulled events that did not apply).
export class Sync1763900000000 implements MigrationInterface {
  name = 'Sync1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sync_state (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      headoffice_url TEXT NOT NULL,
      device_secret TEXT NOT NULL,
      branch_code TEXT NOT NULL,
      epoch TEXT NOT NULL,
      pushed_upto INTEGER NOT NULL DEFAULT 0,
      pull_cursor INTEGER NOT NULL DEFAULT 0,
      enrolled_at INTEGER NOT NULL,
      last_attempt_at INTEGER,
      last_success_at INTEGER,
      last_error_key TEXT,
      last_error_at INTEGER,
      halted_key TEXT
    )`);
    await q.query(`CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('rejected', 'apply_failed')),
      event_id TEXT NOT NULL,
      type TEXT NOT NULL,
      reason TEXT NOT NULL,
      detail TEXT,
      at INTEGER NOT NULL,
      resolved_by TEXT,
      resolved_at INTEGER,
      note TEXT,
      UNIQUE (kind, event_id)
    )`);
    await q.query(`CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sync_conflicts`);
    await q.query(`DROP TABLE sync_state`);
  }
}
