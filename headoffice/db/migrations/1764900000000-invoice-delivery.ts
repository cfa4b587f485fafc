import type { MigrationInterface, QueryRunner } from 'typeorm';

// WhatsApp's later word on an invoice message that went out: delivered to the customer's phone,
// then read. Kept apart from the status (sent stays sent), so what the notice did for the invoice
// does not change, and told to the branch like any other change of the message.
export class InvoiceDelivery1764900000000 implements MigrationInterface {
  name = 'InvoiceDelivery1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ho_inv_messages ADD COLUMN delivery TEXT CHECK (delivery IN ('delivered', 'read'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ho_inv_messages DROP COLUMN delivery`);
  }
}
