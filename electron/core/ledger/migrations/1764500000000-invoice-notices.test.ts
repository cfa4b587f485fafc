import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../open';

// The notice columns and the messages table below the rules: a notice state the desk knows, a
// message only of an invoice the desk holds, on a channel and in a status it knows.
let dir: string;
let ledger: Ledger;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serambi-mig-notices-'));
  ledger = await openLedger(join(dir, 'ledger.sqlite'));
  ledger.db.prepare(`INSERT INTO inv_batches (id, module, file_name, channels, reminders, accepted, rejected, created_at, device_id) VALUES ('b1', 'einvoice', 'a.xlsx', '[]', '{}', 1, 0, 1, 'd1')`).run();
  ledger.db
    .prepare(
      `INSERT INTO inv_invoices (id, batch_id, module, row, number, number_key, customer_name, email, phone, amount, due_date, fields, va, va_desk, va_seq, status, created_at, device_id)
       VALUES ('i1', 'b1', 'einvoice', 2, 'INV-1', 'INV-1', 'PT A', 'a@contoh.co.id', NULL, 1000, '2026-12-31', '{}', '1001', 1, 1, 'unsent', 1, 'd1')`,
    )
    .run();
});
afterAll(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

const message = (id: string, invoice: string, channel = 'email', status = 'sent') =>
  ledger.db.prepare(`INSERT INTO inv_messages (id, invoice_id, channel, kind, recipient, status, at) VALUES (?, ?, ?, 'notice', 'a@contoh.co.id', ?, 1)`).run(id, invoice, channel, status);

describe('migration 1764500000000 (invoice notices)', () => {
  it('starts every invoice with no notice and refuses a state it does not know', () => {
    expect(ledger.db.prepare(`SELECT notice, paid_at FROM inv_invoices WHERE id = 'i1'`).get()).toEqual({ notice: 'none', paid_at: null });
    expect(() => ledger.db.prepare(`UPDATE inv_invoices SET notice = 'maybe' WHERE id = 'i1'`).run()).toThrow(/CHECK/);
  });

  it('keeps messages of known invoices only, on known channels and statuses', () => {
    message('m1', 'i1');
    expect(() => message('m2', 'nobody')).toThrow(/FOREIGN KEY/);
    expect(() => message('m3', 'i1', 'fax')).toThrow(/CHECK/);
    expect(() => message('m4', 'i1', 'sms', 'delivered-ish')).toThrow(/CHECK/);
  });
});
