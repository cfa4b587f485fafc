import type { MigrationInterface, QueryRunner } from 'typeorm';

// A transfer a statement showed first and the bank feed brought after is one mutation: the
// statement's row stays, the fed one is dropped, and the statement's row names it here, so a
// second identical transfer fed that day is not taken for the same one.
export class FedTwins1764800000000 implements MigrationInterface {
  name = 'FedTwins1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pay_mutations ADD COLUMN twin_id TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pay_mutations DROP COLUMN twin_id`);
  }
}
