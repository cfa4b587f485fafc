import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../open';
import { Initial1763700000000 } from './1763700000000-initial';
import { Sync1763900000000 } from './1763900000000-sync';

// Upgrades a ledger that holds data from the version before (a branch cannot lose its ledger).
let dir: string;
let ledger: Ledger;

async function ledgerOfPreviousVersion(file: string): Promise<void> {
  const previous = new DataSource({ type: 'better-sqlite3', database: file, migrations: [Initial1763700000000, Sync1763900000000] });
  await previous.initialize();
  await previous.runMigrations();
  const db = (previous.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  db.prepare(`INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES ('u1', 'ani', 'Ani', 'scrypt$x', 1, 1)`).run();
  db.prepare(`INSERT INTO user_roles (user_id, role) VALUES ('u1', 'ao')`).run();
  db.prepare(
    `INSERT INTO journal (event_id, device_id, device_seq, user_id, username, at, type, payload, prev_hash, hash)
     VALUES ('e1', 'd1', 1, 'u1', 'ani', 1, 'user.created', '{"id":"u1"}', 'genesis', 'h1')`,
  ).run();
  await previous.destroy();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serambi-mig-otp-'));
  const file = join(dir, 'ledger.sqlite');
  await ledgerOfPreviousVersion(file);
  ledger = await openLedger(file);
});
afterAll(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

const application = {
  id: 'a1',
  customer_name: 'Budi',
  nik: '3201011205900001',
  phone1: '+6281234567890',
  address: 'Jl. Sudirman 1',
  product: 'tabungan',
  status: 'Draft',
  created_at: 1,
  updated_at: 1,
};

function insert(row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  ledger.db.prepare(`INSERT INTO otp_applications (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
}

describe('migration 1764000000000 (otp)', () => {
  it('keeps the users and the journal of the version before', () => {
    expect(ledger.db.prepare(`SELECT username FROM users`).all()).toEqual([{ username: 'ani' }]);
    expect(ledger.db.prepare(`SELECT event_id, type FROM journal`).all()).toEqual([{ event_id: 'e1', type: 'user.created' }]);
    const applied = (ledger.db.prepare(`SELECT name FROM migrations ORDER BY id`).all() as { name: string }[]).map((m) => m.name);
    // later versions' migrations follow this one
    expect(applied.slice(0, 3)).toEqual(['Initial1763700000000', 'Sync1763900000000', 'Otp1764000000000']);
  });

  it('creates otp_applications with its defaults', () => {
    insert(application);
    expect(ledger.db.prepare(`SELECT send_count, last_sent_at, kasie_by FROM otp_applications WHERE id = 'a1'`).get()).toEqual({
      send_count: 0,
      last_sent_at: null,
      kasie_by: null,
    });
  });

  it.each([
    ['status', { status: 'Approved' }],
    ['product', { product: 'kredit' }],
    ['last_delivery', { last_delivery: 'bounced' }],
    ['confirmed_via', { confirmed_via: 'email' }],
    ['send_count', { send_count: -1 }],
  ])('checks %s in the schema itself', (column, change) => {
    expect(() => insert({ ...application, id: `bad-${column}`, ...change })).toThrow(/CHECK/);
  });

  it.each([
    ['list by status', `SELECT id FROM otp_applications WHERE status = 'Draft' ORDER BY updated_at DESC`, 'otp_applications_by_status'],
    ['list everything', `SELECT id FROM otp_applications ORDER BY updated_at DESC`, 'otp_applications_by_updated'],
    ['search phone 1', `SELECT id FROM otp_applications WHERE phone1 = '+62812' AND status = 'Waiting Confirmation'`, 'otp_applications_by_phone1'],
    ['search phone 2', `SELECT id FROM otp_applications WHERE phone2 = '+62812' AND status = 'Waiting Confirmation'`, 'otp_applications_by_phone2'],
  ])('%s uses an index', (_name, sql, index) => {
    const plan = (ledger.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join('\n');
    expect(plan).toContain(index);
  });
});
