import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../open';
import { SERAMBI_APPLICATION_ID } from './1763700000000-initial';

let dir: string;
let ledger: Ledger;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serambi-mig-'));
  ledger = await openLedger(join(dir, 'ledger.sqlite'));
});
afterAll(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 1763700000000 (initial)', () => {
  it('stamps the application id and creates the foundation tables', () => {
    expect(ledger.db.pragma('application_id', { simple: true })).toBe(SERAMBI_APPLICATION_ID);
    const tables = (ledger.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['device', 'branch', 'users', 'user_roles', 'journal']));
  });

  it('checks enums and singletons in the schema itself', () => {
    const db = ledger.db;
    db.prepare(`INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES ('u1', 'a', 'A', 'h', 0, 0)`).run();
    expect(() => db.prepare(`INSERT INTO user_roles (user_id, role) VALUES ('u1', 'superuser')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO branch (code, name, time_zone, idle_lock_minutes, created_at) VALUES ('A', 'A', 'UTC', 10, 0)`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO branch (code, name, time_zone, idle_lock_minutes, created_at) VALUES ('A', 'A', 'WIB', 10, 0)`).run();
    expect(() => db.prepare(`INSERT INTO branch (code, name, time_zone, idle_lock_minutes, created_at) VALUES ('B', 'B', 'WIB', 10, 0)`).run()).toThrow(/UNIQUE/);
  });

  it('keeps one event per (device, sequence)', () => {
    const insert = ledger.db.prepare(
      `INSERT INTO journal (event_id, device_id, device_seq, at, type, payload, prev_hash, hash) VALUES (?, 'd', 1, 0, 't', '{}', '', '')`,
    );
    insert.run('e1');
    expect(() => insert.run('e2')).toThrow(/UNIQUE/);
  });
});
