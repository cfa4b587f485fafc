import type { MigrationInterface, QueryRunner } from 'typeorm';

// Mutation matching (seed 003) as head office knows it: which branch receives transfers on which
// company account (from the desks' `payments.accountAdded`), the blocks of unique-code residues
// leased to each desk per account, and the bank-feed mutations received by the signed webhook,
// kept by the feed's own id so a retried delivery is taken once.
export class Payments1764300000000 implements MigrationInterface {
  name = 'Payments1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const big = pg ? 'BIGINT' : 'INTEGER';
    await q.query(`CREATE TABLE ho_pay_accounts (
      branch_code TEXT NOT NULL,
      account_number TEXT NOT NULL,
      bank TEXT NOT NULL,
      holder TEXT NOT NULL,
      added_at ${big} NOT NULL,
      PRIMARY KEY (branch_code, account_number)
    )`);
    await q.query(`CREATE INDEX ho_pay_accounts_by_number ON ho_pay_accounts (account_number)`);
    // One holder per block of an account. A row stays after its lease ends: the block goes to
    // another desk only once every payment the holder could have given from it has expired.
    await q.query(`CREATE TABLE ho_code_leases (
      account_number TEXT NOT NULL,
      block INTEGER NOT NULL CHECK (block >= 0 AND block < 20),
      device_id TEXT NOT NULL,
      branch_code TEXT NOT NULL,
      leased_at ${big} NOT NULL,
      expires_at ${big} NOT NULL,
      PRIMARY KEY (account_number, block)
    )`);
    await q.query(`CREATE INDEX ho_code_leases_by_device ON ho_code_leases (device_id, account_number)`);
    await q.query(`CREATE TABLE ho_feed_mutations (
      feed_id TEXT PRIMARY KEY,
      account_number TEXT NOT NULL,
      received_at ${big} NOT NULL,
      payload TEXT NOT NULL,
      branches INTEGER NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['ho_feed_mutations', 'ho_code_leases', 'ho_pay_accounts']) await q.query(`DROP TABLE ${t}`);
  }
}
