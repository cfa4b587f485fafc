import type { MigrationInterface, QueryRunner } from 'typeorm';

// Matching reads the payments of the totals its credits carry, open or already paid, through this
// index, instead of every payment the account ever had: a year of paid payments no longer slows
// the matching of the one credit a bank feed brings.
export class PaymentsByTotal1764700000000 implements MigrationInterface {
  name = 'PaymentsByTotal1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX pay_expected_by_total ON pay_expected (account_id, total)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX pay_expected_by_total`);
  }
}
