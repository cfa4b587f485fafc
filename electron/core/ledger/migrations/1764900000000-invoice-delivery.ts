import type { MigrationInterface, QueryRunner } from 'typeorm';

// Whether a WhatsApp invoice message that went out was delivered to the customer's phone, or
// read, as head office heard it from WhatsApp. Null for email and SMS, and until WhatsApp says.
export class InvoiceDelivery1764900000000 implements MigrationInterface {
  name = 'InvoiceDelivery1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inv_messages ADD COLUMN delivery TEXT CHECK (delivery IN ('delivered', 'read'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inv_messages DROP COLUMN delivery`);
  }
}
