import type { MigrationInterface, QueryRunner } from 'typeorm';

// The mutation-matching desk (seed 003). Every table here is written only by the projectors of the
// payments.*, statement.*, mutation.* and verification.* events. Amounts: expected payments in
// whole rupiah (what the customer is told to pay), statement mutations in sen (what banks print).
export class Payments1764300000000 implements MigrationInterface {
  name = 'Payments1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // mapping: the saved column mapping (JSON) for a layout the parsers do not know.
    await q.query(`CREATE TABLE pay_accounts (
      id TEXT PRIMARY KEY NOT NULL,
      bank TEXT NOT NULL,
      number TEXT NOT NULL UNIQUE,
      holder TEXT NOT NULL,
      mapping TEXT,
      created_at INTEGER NOT NULL,
      created_by TEXT
    )`);
    // Blocks of total residues (mod 1000) head office leased to a desk of this branch; a desk gives
    // codes only from its own device's unexpired blocks.
    await q.query(`CREATE TABLE pay_code_leases (
      account_number TEXT NOT NULL,
      device_id TEXT NOT NULL,
      block INTEGER NOT NULL CHECK (block BETWEEN 0 AND 19),
      expires_at INTEGER NOT NULL,
      PRIMARY KEY (account_number, block)
    )`);
    // status 'open' stays written until paid or cancelled; an open payment past expires_at is
    // expired by reading, so no timer has to write it.
    await q.query(`CREATE TABLE pay_expected (
      id TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL REFERENCES pay_accounts (id),
      base INTEGER NOT NULL CHECK (base > 0),
      code INTEGER NOT NULL CHECK (code BETWEEN 1 AND 999),
      total INTEGER NOT NULL CHECK (total = base + code),
      reference TEXT NOT NULL,
      payer_name TEXT,
      status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
      created_at INTEGER NOT NULL,
      created_by TEXT,
      expires_at INTEGER NOT NULL,
      paid_at INTEGER,
      paid_how TEXT CHECK (paid_how IN ('auto', 'manual')),
      mutation_id TEXT,
      cancel_reason TEXT
    )`);
    await q.query(`CREATE INDEX pay_expected_open_total ON pay_expected (account_id, total) WHERE status = 'open'`);
    await q.query(`CREATE INDEX pay_expected_by_created ON pay_expected (created_at)`);
    // seq orders the history (newest first) and serves keyset reads; key de-duplicates re-imports.
    await q.query(`CREATE TABLE pay_mutations (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL REFERENCES pay_accounts (id),
      date TEXT NOT NULL,
      time TEXT,
      direction TEXT NOT NULL CHECK (direction IN ('CR', 'DB')),
      amount_sen INTEGER NOT NULL CHECK (amount_sen >= 0),
      description TEXT NOT NULL,
      reference TEXT,
      balance_sen INTEGER,
      key TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('statement', 'feed')),
      import_id TEXT,
      status TEXT NOT NULL CHECK (status IN ('new', 'matched', 'ambiguous', 'unmatched', 'verified', 'unrelated', 'debit')),
      payment_id TEXT,
      candidates TEXT,
      reason TEXT,
      -- a fed credit: the desk that runs matching on it (mutation.fed)
      decider TEXT,
      UNIQUE (account_id, key)
    )`);
    await q.query(`CREATE INDEX pay_mutations_by_account_date ON pay_mutations (account_id, date, seq)`);
    await q.query(`CREATE INDEX pay_mutations_by_date ON pay_mutations (date, seq)`);
    // the queues (new, ambiguous, unmatched) only: a row matched at import never enters this index
    await q.query(`CREATE INDEX pay_mutations_queued ON pay_mutations (status, seq) WHERE status IN ('new', 'ambiguous', 'unmatched')`);
    await q.query(`CREATE INDEX pay_mutations_by_amount ON pay_mutations (amount_sen)`);
    await q.query(`CREATE TABLE pay_imports (
      id TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL,
      at INTEGER NOT NULL,
      user_id TEXT,
      summary TEXT
    )`);
    await q.query(`CREATE TABLE pay_cases (
      id TEXT PRIMARY KEY NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('ambiguous', 'unmatched', 'claim')),
      status TEXT NOT NULL CHECK (status IN ('open', 'proposed', 'approved', 'rejected', 'escalated', 'resolved')),
      mutation_id TEXT,
      payment_id TEXT,
      decision TEXT CHECK (decision IN ('link', 'unrelated')),
      evidence TEXT,
      note TEXT NOT NULL DEFAULT '',
      opened_at INTEGER NOT NULL,
      opened_by TEXT,
      proposed_by TEXT,
      decided_by TEXT,
      rejection TEXT,
      escalated_at INTEGER,
      escalation_note TEXT,
      target_minutes INTEGER,
      resolved_at INTEGER,
      updated_at INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX pay_cases_by_status ON pay_cases (status, opened_at)`);
    await q.query(`CREATE INDEX pay_cases_by_mutation ON pay_cases (mutation_id)`);
    await q.query(`CREATE TABLE pay_case_history (
      case_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      type TEXT NOT NULL,
      user_id TEXT,
      note TEXT
    )`);
    await q.query(`CREATE INDEX pay_case_history_by_case ON pay_case_history (case_id, at)`);
    await q.query(`CREATE TABLE pay_receipts (
      id TEXT PRIMARY KEY NOT NULL,
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      at INTEGER NOT NULL,
      user_id TEXT,
      device_id TEXT NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['pay_receipts', 'pay_case_history', 'pay_cases', 'pay_imports', 'pay_mutations', 'pay_expected', 'pay_code_leases', 'pay_accounts']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
