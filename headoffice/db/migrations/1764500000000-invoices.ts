import type { MigrationInterface, QueryRunner } from 'typeorm';

// Invoice batches (seed 004) as head office knows them: the invoices the branches pushed (to take
// the bank's VA callbacks and to notify customers), the payments the bank called back with (kept by
// the bank's payment id, so a retried callback gets its first answer again), the notices queued and
// sent by email, WhatsApp and SMS, and the development recorder of email and SMS.
export class Invoices1764500000000 implements MigrationInterface {
  name = 'Invoices1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const big = pg ? 'BIGINT' : 'INTEGER';
    const serial = pg ? 'seq BIGSERIAL PRIMARY KEY' : 'seq INTEGER PRIMARY KEY AUTOINCREMENT';
    await q.query(`CREATE TABLE ho_inv_batches (
      id TEXT PRIMARY KEY,
      branch_code TEXT NOT NULL,
      module TEXT NOT NULL,
      channels TEXT NOT NULL,
      reminders TEXT NOT NULL,
      created_at ${big} NOT NULL
    )`);
    // A VA is unique across branches for ever: the callback finds its invoice by it alone.
    await q.query(`CREATE TABLE ho_invoices (
      id TEXT PRIMARY KEY,
      batch_id TEXT NOT NULL,
      branch_code TEXT NOT NULL,
      module TEXT NOT NULL,
      number TEXT NOT NULL,
      customer_name TEXT NOT NULL,
      email TEXT,
      phone TEXT,
      amount ${big} NOT NULL,
      due_date TEXT NOT NULL,
      description TEXT,
      fields TEXT NOT NULL,
      va TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('unsent', 'sent', 'paid', 'archived', 'deleted')),
      first_sent_on TEXT,
      reminders_sent TEXT NOT NULL DEFAULT '[]',
      payment_id TEXT,
      paid_at ${big},
      created_at ${big} NOT NULL
    )`);
    await q.query(`CREATE INDEX ho_invoices_by_status_due ON ho_invoices (status, due_date)`);
    await q.query(`CREATE TABLE ho_inv_payments (
      payment_id TEXT PRIMARY KEY,
      va TEXT NOT NULL,
      invoice_id TEXT,
      amount ${big} NOT NULL,
      answer TEXT NOT NULL,
      payload TEXT NOT NULL,
      received_at ${big} NOT NULL
    )`);
    await q.query(`CREATE INDEX ho_inv_payments_by_va ON ho_inv_payments (va)`);
    // One row per message to one recipient on one channel. announced: the status the branch was
    // last told of (by an invoices.messages event), so each change is told once.
    await q.query(`CREATE TABLE ho_inv_messages (
      id TEXT PRIMARY KEY,
      invoice_id TEXT NOT NULL,
      branch_code TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp', 'sms')),
      kind TEXT NOT NULL CHECK (kind IN ('notice', 'reminder', 'cancel')),
      reminder TEXT,
      recipient TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
      provider_message_id TEXT,
      failure TEXT,
      requested_by TEXT,
      created_at ${big} NOT NULL,
      updated_at ${big} NOT NULL,
      claimed_until ${big},
      announced TEXT
    )`);
    await q.query(`CREATE INDEX ho_inv_messages_by_status ON ho_inv_messages (status, created_at)`);
    await q.query(`CREATE INDEX ho_inv_messages_by_invoice ON ho_inv_messages (invoice_id)`);
    await q.query(`CREATE TABLE ho_dev_notices (
      ${serial},
      provider_message_id TEXT NOT NULL UNIQUE,
      channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
      recipient TEXT NOT NULL,
      subject TEXT,
      body TEXT NOT NULL,
      attachment_name TEXT,
      attachment_bytes ${big},
      recorded_at ${big} NOT NULL
    )`);
    await q.query(`CREATE INDEX ho_dev_notices_by_recipient ON ho_dev_notices (recipient, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['ho_dev_notices', 'ho_inv_messages', 'ho_inv_payments', 'ho_invoices', 'ho_inv_batches']) await q.query(`DROP TABLE ${t}`);
  }
}
