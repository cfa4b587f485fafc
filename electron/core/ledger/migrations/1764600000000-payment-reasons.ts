import type { MigrationInterface, QueryRunner } from 'typeorm';

// A credit's decision reason is read from its row (its day, time and amount, its payment's code,
// its candidates), so the row no longer keeps the reason in words. What stays in pay_mutations.reason:
// for an unmatched credit, why it paid none ('expired', 'alreadyPaid', …); for an ambiguous one, the
// number of open payments only when more were found than it lists; otherwise nothing (a verified or
// unrelated credit reads as decided by hand). Rows decided before keep the same words once read.
export class PaymentReasons1764600000000 implements MigrationInterface {
  name = 'PaymentReasons1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE pay_mutations SET reason = CASE
        WHEN status = 'unmatched' THEN substr(reason ->> '$.key', length('payments.reasons.') + 1)
        WHEN status = 'ambiguous' AND (reason ->> '$.params.count') IS NOT json_array_length(coalesce(candidates, '[]'))
          THEN CAST(reason ->> '$.params.count' AS TEXT)
      END
      WHERE reason IS NOT NULL AND json_valid(reason)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // an older Serambi reads the reason as words in JSON: rows decided since show none there rather than break it
    await q.query(`UPDATE pay_mutations SET reason = NULL`);
  }
}
