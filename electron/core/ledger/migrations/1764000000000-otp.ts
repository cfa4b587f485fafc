import type { MigrationInterface, QueryRunner } from 'typeorm';

// Account-opening applications and their OTP consent (DOMAIN.md §1), as the desk knows them:
// what the branch decided, and what head office reported of the codes it sent. Codes themselves
// never reach a branch. The enum values are written out here, not imported, so this migration
// stays what it was when a ledger ran it even after the code's lists change.
export class Otp1764000000000 implements MigrationInterface {
  name = 'Otp1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // phone1 and phone2 are E.164; nik is the 16 digits without separators. rejected_reason holds
    // why the application was closed, by a rejection or a cancellation. kasie_by, kacab_by and
    // created_by are user ids: the four-eyes check compares people, not names, which can change.
    await q.query(`CREATE TABLE otp_applications (
      id TEXT PRIMARY KEY NOT NULL,
      customer_name TEXT NOT NULL,
      nik TEXT NOT NULL,
      phone1 TEXT NOT NULL,
      phone2 TEXT,
      email TEXT,
      address TEXT NOT NULL,
      product TEXT NOT NULL CHECK (product IN ('tabungan', 'deposito', 'giro')),
      status TEXT NOT NULL CHECK (status IN ('Draft', 'Waiting Kasie', 'Waiting Kacab', 'Waiting Confirmation', 'In Progress', 'Rejected', 'Cancelled')),
      created_by TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      rejected_reason TEXT,
      kasie_by TEXT,
      kacab_by TEXT,
      last_sent_at INTEGER,
      send_count INTEGER NOT NULL DEFAULT 0 CHECK (send_count >= 0),
      last_delivery TEXT CHECK (last_delivery IN ('sent', 'delivered', 'read', 'failed')),
      confirmed_at INTEGER,
      confirmed_via TEXT CHECK (confirmed_via IN ('customer', 'cs'))
    )`);
    // The desks list by status, newest change first, or everything newest first; CS searches by
    // either phone among the applications waiting for (or just given) consent.
    await q.query(`CREATE INDEX otp_applications_by_status ON otp_applications (status, updated_at)`);
    await q.query(`CREATE INDEX otp_applications_by_updated ON otp_applications (updated_at)`);
    await q.query(`CREATE INDEX otp_applications_by_phone1 ON otp_applications (phone1, status)`);
    await q.query(`CREATE INDEX otp_applications_by_phone2 ON otp_applications (phone2, status) WHERE phone2 IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE otp_applications`);
  }
}
