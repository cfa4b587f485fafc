import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import faqSeed from '../../../../resources/kb/faq-002.json';
import { openLedger, type Ledger } from '../open';
import { Initial1763700000000 } from './1763700000000-initial';
import { Sync1763900000000 } from './1763900000000-sync';
import { Otp1764000000000 } from './1764000000000-otp';

// Upgrades a ledger of the version before (OTP desk, with an application in it) to the complaints
// desk: nothing is lost, and the knowledge base starts with the seed 002 FAQ, indexed.
let dir: string;
let ledger: Ledger;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serambi-mig-complaints-'));
  const file = join(dir, 'ledger.sqlite');
  const previous = new DataSource({ type: 'better-sqlite3', database: file, migrations: [Initial1763700000000, Sync1763900000000, Otp1764000000000] });
  await previous.initialize();
  await previous.runMigrations();
  const db = (previous.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  db.prepare(
    `INSERT INTO otp_applications (id, customer_name, nik, phone1, address, product, status, created_at, updated_at)
     VALUES ('a1', 'Budi', '3201011205900001', '+6281234567890', 'Jl. Sudirman 1', 'tabungan', 'Draft', 1, 1)`,
  ).run();
  await previous.destroy();
  ledger = await openLedger(file);
});
afterAll(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 1764100000000 (complaints)', () => {
  it('keeps the applications of the version before', () => {
    expect(ledger.db.prepare(`SELECT id FROM otp_applications`).all()).toEqual([{ id: 'a1' }]);
  });

  it('starts the knowledge base with the seed FAQ, every article in the index', () => {
    const count = (sql: string) => (ledger.db.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT count(*) AS n FROM kb_articles WHERE origin = 'seed' AND retired = 0`)).toBe(faqSeed.length);
    expect(count(`SELECT count(*) AS n FROM kb_fts`)).toBe(faqSeed.length);
    const hit = ledger.db.prepare(`SELECT id FROM kb_fts WHERE kb_fts MATCH '"login"' ORDER BY bm25(kb_fts, 0, 5, 1) LIMIT 1`).get();
    expect(hit).toEqual({ id: 'user-tidak-dapat-login-aplikasi-mas' });
  });

  it('refuses a complaint row outside the vocabulary', () => {
    const insert = (category: string) =>
      ledger.db
        .prepare(
          `INSERT INTO complaints (id, number, category, channel, status, customer_name, verified_by, description, facts, created_at, updated_at, history, fr_breach_at, res_breach_at)
           VALUES (?, ?, ?, 'hotline', 'open', 'Budi', 'phone', 'x', '{}', 1, 1, '[]', 2, 3)`,
        )
        .run(`c-${category}`, category.length, category);
    expect(() => insert('penagihan')).not.toThrow();
    expect(() => insert('asuransi')).toThrow(/CHECK/);
  });
});
