import { describe, expect, it } from 'vitest';
import { databaseFor, DIALECTS } from '../../testing';
import { openHoDatabase, parseDatabaseUrl } from '../database';
import { HO_MIGRATIONS } from './index';
import { Invoices1764500000000 } from './1764500000000-invoices';

const invoice = (id: string, va: string) =>
  `INSERT INTO ho_invoices (id, batch_id, branch_code, module, number, customer_name, email, phone, amount, due_date, description, fields, va, status, created_at)
   VALUES ('${id}', 'b1', 'JKT01', 'einvoice', 'INV-1', 'Budi', NULL, '+628120000001', 150000, '2026-12-31', NULL, '{}', '${va}', 'unsent', 1)`;
const payment = (id: string) =>
  `INSERT INTO ho_inv_payments (payment_id, va, invoice_id, amount, answer, payload, received_at) VALUES ('${id}', '880800000000000001', 'i1', 150000, 'accepted', '{}', 1)`;

describe.each(DIALECTS)('migration 1764500000000-invoices on %s', (dialect) => {
  it('keeps a VA to one invoice, a bank payment id once, and goes back down', async () => {
    const later = HO_MIGRATIONS.length - 1 - HO_MIGRATIONS.indexOf(Invoices1764500000000);
    const database = await databaseFor(dialect);
    try {
      const db = await openHoDatabase(parseDatabaseUrl(database.url));
      try {
        await db.write((sql) => sql(invoice('i1', '880800000000000001')));
        await expect(db.write((sql) => sql(invoice('i2', '880800000000000001')))).rejects.toThrow();
        await db.write((sql) => sql(payment('p-1')));
        await expect(db.write((sql) => sql(payment('p-1')))).rejects.toThrow();
        const notice = (channel: string) =>
          `INSERT INTO ho_dev_notices (provider_message_id, channel, recipient, body, recorded_at) VALUES ('dev.${channel}', '${channel}', 'a@b.id', 'x', 1)`;
        await db.write((sql) => sql(notice('email')));
        await expect(db.write((sql) => sql(notice('fax')))).rejects.toThrow();
        for (let i = 0; i <= later; i += 1) await db.dataSource.undoLastMigration();
        await expect(db.read(`SELECT id FROM ho_invoices`)).rejects.toThrow();
        await expect(db.read(`SELECT seq FROM ho_dev_notices`)).rejects.toThrow();
        expect(await db.read(`SELECT block FROM ho_code_leases`)).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });
});
