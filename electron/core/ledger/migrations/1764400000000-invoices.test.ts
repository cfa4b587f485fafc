import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../open';

// The invoice tables' own guarantees, below the rules: one live invoice per number and module, a VA
// never twice (a deleted invoice keeps its row and so its VA), and a contact on every invoice.
let dir: string;
let ledger: Ledger;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serambi-mig-invoices-'));
  ledger = await openLedger(join(dir, 'ledger.sqlite'));
  ledger.db
    .prepare(`INSERT INTO inv_batches (id, module, file_name, channels, reminders, accepted, rejected, created_at, device_id) VALUES ('b1', 'einvoice', 'a.xlsx', '[]', '{}', 1, 0, 1, 'd1')`)
    .run();
});
afterAll(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (id: string, number: string, va: string, status = 'unsent', email: string | null = 'a@contoh.co.id') =>
  ledger.db
    .prepare(
      `INSERT INTO inv_invoices (id, batch_id, module, row, number, number_key, customer_name, email, phone, amount, due_date, fields, va, va_desk, va_seq, status, created_at, device_id)
       VALUES (?, 'b1', 'einvoice', 2, ?, upper(?), 'PT A', ?, NULL, 1000, '2026-12-31', '{}', ?, 1, 1, ?, 1, 'd1')`,
    )
    .run(id, number, number, email, va, status);

describe('migration 1764400000000 (invoices)', () => {
  it('holds one live invoice per number, freeing the number once archived or deleted', () => {
    insert('i1', 'INV-1', '1001');
    expect(() => insert('i2', 'inv-1', '1002')).toThrow(/UNIQUE/);
    ledger.db.prepare(`UPDATE inv_invoices SET status = 'archived' WHERE id = 'i1'`).run();
    insert('i2', 'inv-1', '1002');
  });

  it('never holds one VA twice, whatever the status', () => {
    ledger.db.prepare(`UPDATE inv_invoices SET status = 'deleted' WHERE id = 'i2'`).run();
    expect(() => insert('i3', 'INV-3', '1002')).toThrow(/UNIQUE/);
  });

  it('refuses an invoice that can reach nobody', () => {
    expect(() => insert('i4', 'INV-4', '1004', 'unsent', null)).toThrow(/CHECK/);
  });
});
