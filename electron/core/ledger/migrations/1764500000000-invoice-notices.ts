import type { MigrationInterface, QueryRunner } from 'typeorm';

// Invoice notices and payments as the desk learns them from head office (seed 004): head office
// sends every notice, reminder and cancellation and takes the bank's VA callbacks, so the desk keeps
// what it was told. `notice` is where the invoice's first notice stands (none, requested, sent,
// failed); the messages keep each attempt on each channel. The VA setting gains the bank's choice of
// a check digit.
export class InvoiceNotices1764500000000 implements MigrationInterface {
  name = 'InvoiceNotices1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inv_invoices ADD COLUMN notice TEXT NOT NULL DEFAULT 'none' CHECK (notice IN ('none', 'requested', 'sent', 'failed'))`);
    await q.query(`ALTER TABLE inv_invoices ADD COLUMN sent_at INTEGER`);
    await q.query(`ALTER TABLE inv_invoices ADD COLUMN paid_at INTEGER`);
    await q.query(`ALTER TABLE inv_invoices ADD COLUMN payment_id TEXT`);
    await q.query(`ALTER TABLE inv_invoices ADD COLUMN paid_amount INTEGER`);
    await q.query(`ALTER TABLE inv_invoices ADD COLUMN paid_bank TEXT`);
    // some banks' VAs carry no check digit: the branch's setting says which
    await q.query(`ALTER TABLE inv_va_config ADD COLUMN check_digit TEXT NOT NULL DEFAULT 'luhn' CHECK (check_digit IN ('luhn', 'none'))`);
    await q.query(`CREATE INDEX inv_invoices_by_paid_at ON inv_invoices (paid_at) WHERE paid_at IS NOT NULL`);
    await q.query(`CREATE TABLE inv_messages (
      id TEXT PRIMARY KEY NOT NULL,
      invoice_id TEXT NOT NULL REFERENCES inv_invoices (id),
      channel TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp', 'sms')),
      kind TEXT NOT NULL CHECK (kind IN ('notice', 'reminder', 'cancel')),
      reminder TEXT,
      recipient TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
      failure TEXT,
      at INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX inv_messages_by_invoice ON inv_messages (invoice_id, at)`);
    await q.query(`CREATE INDEX inv_messages_by_status ON inv_messages (status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inv_messages`);
    await q.query(`DROP INDEX inv_invoices_by_paid_at`);
    await q.query(`ALTER TABLE inv_va_config DROP COLUMN check_digit`);
    for (const column of ['paid_bank', 'paid_amount', 'payment_id', 'paid_at', 'sent_at', 'notice']) await q.query(`ALTER TABLE inv_invoices DROP COLUMN ${column}`);
  }
}
