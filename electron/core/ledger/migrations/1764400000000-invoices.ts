import type { MigrationInterface, QueryRunner } from 'typeorm';

// The invoice-batches desk (seed 004). Written only by the projectors of the invoices.* events.
// Amounts are whole rupiah (what the customer is billed); due dates are branch days `YYYY-MM-DD`.
export class Invoices1764400000000 implements MigrationInterface {
  name = 'Invoices1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // channels and reminders as JSON: they are read with the batch, never searched.
    await q.query(`CREATE TABLE inv_batches (
      id TEXT PRIMARY KEY NOT NULL,
      module TEXT NOT NULL CHECK (module IN ('einvoice', 'pintukelas')),
      file_name TEXT NOT NULL,
      channels TEXT NOT NULL,
      reminders TEXT NOT NULL,
      accepted INTEGER NOT NULL CHECK (accepted >= 0),
      rejected INTEGER NOT NULL CHECK (rejected >= 0),
      created_at INTEGER NOT NULL,
      created_by TEXT,
      device_id TEXT NOT NULL
    )`);
    // number_key is the number as the rules compare it (trimmed, upper case): one live invoice
    // (unsent, sent or paid) per number (PintuKelas: NIS/item reference) and module at the branch.
    // An archived or deleted invoice frees its number, since the corrected bill is uploaded under
    // it again (seed 004: "delete/archive invoice terlebih dahulu, kemudian ... upload tagihan yang
    // baru"). The VA is unique for ever: a deleted invoice keeps its row so its VA is never issued
    // again. (va_desk, va_seq) is the allocation a desk's counter continues from.
    await q.query(`CREATE TABLE inv_invoices (
      id TEXT PRIMARY KEY NOT NULL,
      batch_id TEXT NOT NULL REFERENCES inv_batches (id),
      module TEXT NOT NULL CHECK (module IN ('einvoice', 'pintukelas')),
      row INTEGER NOT NULL,
      number TEXT NOT NULL,
      number_key TEXT NOT NULL,
      customer_name TEXT NOT NULL,
      email TEXT,
      phone TEXT,
      amount INTEGER NOT NULL CHECK (amount > 0),
      due_date TEXT NOT NULL,
      description TEXT,
      fields TEXT NOT NULL,
      va TEXT NOT NULL UNIQUE,
      va_desk INTEGER NOT NULL,
      va_seq INTEGER NOT NULL CHECK (va_seq >= 1),
      status TEXT NOT NULL CHECK (status IN ('unsent', 'sent', 'paid', 'archived', 'deleted')),
      reason TEXT,
      created_at INTEGER NOT NULL,
      created_by TEXT,
      device_id TEXT NOT NULL,
      CHECK (email IS NOT NULL OR phone IS NOT NULL)
    )`);
    await q.query(`CREATE UNIQUE INDEX inv_invoices_live_number ON inv_invoices (module, number_key) WHERE status IN ('unsent', 'sent', 'paid')`);
    await q.query(`CREATE INDEX inv_invoices_by_batch ON inv_invoices (batch_id, row)`);
    await q.query(`CREATE INDEX inv_invoices_by_status_due ON inv_invoices (status, due_date)`);
    await q.query(`CREATE INDEX inv_invoices_by_due ON inv_invoices (due_date)`);
    await q.query(`CREATE INDEX inv_invoices_desk_seq ON inv_invoices (va_desk, va_seq)`);
    // The VA desk block each device of the branch uses, as learnt from its events (its own, or
    // another desk's by sync): a desk takes a block no other known device holds.
    await q.query(`CREATE TABLE inv_va_desks (
      block INTEGER PRIMARY KEY NOT NULL CHECK (block BETWEEN 0 AND 999),
      device_id TEXT NOT NULL UNIQUE
    )`);

    // The branch's VA setting (one row once set); without it the desk uses the defaults of
    // invoices/va-allocation.ts.
    await q.query(`CREATE TABLE inv_va_config (
      id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
      prefix TEXT NOT NULL,
      branch_va_code TEXT,
      updated_at INTEGER NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['inv_va_config', 'inv_va_desks', 'inv_invoices', 'inv_batches']) await q.query(`DROP TABLE ${table}`);
  }
}
