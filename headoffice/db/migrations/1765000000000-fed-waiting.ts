import type { MigrationInterface, QueryRunner } from 'typeorm';

// The fed credits head office gave a desk to decide and has not yet seen decided, by branch. A
// credit whose desk has gone unseen is given to a desk of its branch that pulls, so a switched-off
// PC does not hold a payment past the SOP's 15 minutes (payments/reroute.ts).
export class FedWaiting1765000000000 implements MigrationInterface {
  name = 'FedWaiting1765000000000';

  async up(q: QueryRunner): Promise<void> {
    const big = q.connection.options.type === 'postgres' ? 'BIGINT' : 'INTEGER';
    await q.query(`CREATE TABLE ho_fed_waiting (
      branch_code TEXT NOT NULL,
      mutation_id TEXT NOT NULL,
      decider TEXT NOT NULL,
      routed_at ${big} NOT NULL,
      PRIMARY KEY (branch_code, mutation_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ho_fed_waiting`);
  }
}
