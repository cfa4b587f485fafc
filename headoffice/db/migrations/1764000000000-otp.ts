import type { MigrationInterface, QueryRunner } from 'typeorm';

// Account-opening consent by OTP (seed 000), as head office knows it: the applications pushed by
// the desks, the codes sent (only a keyed hash of each), the sends waiting to go out, and the
// WhatsApp messages. Plain codes are never stored here; `ho_dev_messages` is the development
// recorder's log of what it would have sent, and stays empty when a real provider is configured.
export class Otp1764000000000 implements MigrationInterface {
  name = 'Otp1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const big = pg ? 'BIGINT' : 'INTEGER';
    const serial = pg ? 'seq BIGSERIAL PRIMARY KEY' : 'seq INTEGER PRIMARY KEY AUTOINCREMENT';
    const statuses = `'Draft', 'Waiting Kasie', 'Waiting Kacab', 'Waiting Confirmation', 'In Progress', 'Rejected', 'Cancelled'`;
    // wrong_attempts belongs to the application, not to a code: a resend never resets it.
    // link_expires_at closes every customer-page link of the application (24 h after the last send).
    await q.query(`CREATE TABLE ho_otp_applications (
      id TEXT PRIMARY KEY,
      branch_code TEXT NOT NULL,
      customer_name TEXT NOT NULL,
      phone1 TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN (${statuses})),
      wrong_attempts INTEGER NOT NULL DEFAULT 0,
      link_expires_at ${big},
      confirmed_at ${big},
      confirmed_via TEXT CHECK (confirmed_via IN ('customer', 'cs')),
      created_at ${big} NOT NULL,
      updated_at ${big} NOT NULL
    )`);
    // The outbox: a send is queued in the transaction that decides it (the Kacab's approval, a
    // resend) and made by the sender loop outside any transaction, so no network call ever holds
    // the single writer.
    await q.query(`CREATE TABLE ho_otp_outbox (
      id TEXT PRIMARY KEY,
      application_id TEXT NOT NULL REFERENCES ho_otp_applications (id),
      requested_by TEXT,
      requested_at ${big} NOT NULL,
      claimed_at ${big},
      processed_at ${big},
      outcome TEXT CHECK (outcome IN ('sent', 'skipped'))
    )`);
    await q.query(`CREATE INDEX ho_otp_outbox_pending ON ho_otp_outbox (processed_at, requested_at)`);
    // One row per code sent. code_hash is HMAC-SHA256 under head office's OTP key; token_hash is
    // the SHA-256 of that send's customer-page token. `announced` turns 1 in the transaction that
    // appends the code's otp.sent event, so a crash between the two is repaired by the next run.
    await q.query(`CREATE TABLE ho_otp_codes (
      application_id TEXT NOT NULL REFERENCES ho_otp_applications (id),
      send_number INTEGER NOT NULL,
      outbox_id TEXT NOT NULL UNIQUE REFERENCES ho_otp_outbox (id),
      code_hash TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      sent_at ${big} NOT NULL,
      expires_at ${big} NOT NULL,
      superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
      used_at ${big},
      delivery TEXT NOT NULL CHECK (delivery IN ('sent', 'failed')),
      failure TEXT,
      requested_by TEXT,
      announced INTEGER NOT NULL DEFAULT 0 CHECK (announced IN (0, 1)),
      PRIMARY KEY (application_id, send_number)
    )`);
    await q.query(`CREATE INDEX ho_otp_codes_unannounced ON ho_otp_codes (announced) WHERE announced = 0`);
    await q.query(`CREATE TABLE ho_messages (
      id TEXT PRIMARY KEY,
      application_id TEXT REFERENCES ho_otp_applications (id),
      send_number INTEGER,
      channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'dev')),
      recipient TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('otp-code', 'otp-link')),
      provider_message_id TEXT UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'failed')),
      failure TEXT,
      created_at ${big} NOT NULL,
      updated_at ${big} NOT NULL
    )`);
    await q.query(`CREATE INDEX ho_messages_by_time ON ho_messages (created_at)`);
    await q.query(`CREATE TABLE ho_dev_messages (
      ${serial},
      provider_message_id TEXT NOT NULL UNIQUE,
      recipient TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('otp-code', 'text')),
      body TEXT NOT NULL,
      recorded_at ${big} NOT NULL
    )`);
    await q.query(`CREATE INDEX ho_dev_messages_by_recipient ON ho_dev_messages (recipient, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['ho_dev_messages', 'ho_messages', 'ho_otp_codes', 'ho_otp_outbox', 'ho_otp_applications']) await q.query(`DROP TABLE ${t}`);
  }
}
