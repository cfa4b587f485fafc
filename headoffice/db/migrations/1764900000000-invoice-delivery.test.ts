import { describe, expect, it } from 'vitest';
import { databaseFor, DIALECTS } from '../../testing';
import { openHoDatabase, parseDatabaseUrl } from '../database';
import { HO_MIGRATIONS } from './index';
import { InvoiceDelivery1764900000000 } from './1764900000000-invoice-delivery';

const message = (id: string, delivery: string | null) =>
  `INSERT INTO ho_inv_messages (id, invoice_id, branch_code, channel, kind, recipient, status, delivery, created_at, updated_at)
   VALUES ('${id}', 'i1', 'JKT01', 'whatsapp', 'notice', '+628120000001', 'sent', ${delivery === null ? 'NULL' : `'${delivery}'`}, 1, 1)`;

describe.each(DIALECTS)('migration 1764900000000-invoice-delivery on %s', (dialect) => {
  it("keeps WhatsApp's delivered or read beside a message, nothing else, and goes back down", async () => {
    const later = HO_MIGRATIONS.length - 1 - HO_MIGRATIONS.indexOf(InvoiceDelivery1764900000000);
    const database = await databaseFor(dialect);
    try {
      const db = await openHoDatabase(parseDatabaseUrl(database.url));
      try {
        await db.write((sql) => sql(message('m1', null)));
        await db.write((sql) => sql(message('m2', 'delivered')));
        await db.write((sql) => sql(message('m3', 'read')));
        await expect(db.write((sql) => sql(message('m4', 'seen')))).rejects.toThrow();
        for (let i = 0; i <= later; i += 1) await db.dataSource.undoLastMigration();
        await expect(db.read(`SELECT delivery FROM ho_inv_messages`)).rejects.toThrow();
        expect(await db.read(`SELECT id FROM ho_inv_messages ORDER BY id`)).toEqual([{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }]);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });
});
