import { describe, expect, it } from 'vitest';
import { databaseFor, DIALECTS } from '../../testing';
import { openHoDatabase, parseDatabaseUrl } from '../database';
import { HO_MIGRATIONS } from './index';
import { Payments1764300000000 } from './1764300000000-payments';

const lease = (block: number, device = 'd1') =>
  `INSERT INTO ho_code_leases (account_number, block, device_id, branch_code, leased_at, expires_at) VALUES ('1234567890', ${block}, '${device}', 'JKT01', 1, 2)`;

describe.each(DIALECTS)('migration 1764300000000-payments on %s', (dialect) => {
  it('holds one desk per block of an account, one row per feed id, and goes back down', async () => {
    expect(HO_MIGRATIONS).toContain(Payments1764300000000);
    const database = await databaseFor(dialect);
    try {
      const db = await openHoDatabase(parseDatabaseUrl(database.url));
      try {
        await db.write((sql) => sql(lease(0)));
        await expect(db.write((sql) => sql(lease(0, 'd2')))).rejects.toThrow();
        await expect(db.write((sql) => sql(lease(20)))).rejects.toThrow();
        const feed = (id: string) => `INSERT INTO ho_feed_mutations (feed_id, account_number, received_at, payload, branches) VALUES ('${id}', '1234567890', 1, '{}', 1)`;
        await db.write((sql) => sql(feed('m-1')));
        await expect(db.write((sql) => sql(feed('m-1')))).rejects.toThrow();
        // the migrations after this one first, then this one
        for (let i = HO_MIGRATIONS.length - 1; HO_MIGRATIONS[i] !== Payments1764300000000; i--) await db.dataSource.undoLastMigration();
        await db.dataSource.undoLastMigration();
        await expect(db.read(`SELECT block FROM ho_code_leases`)).rejects.toThrow();
        await expect(db.read(`SELECT feed_id FROM ho_feed_mutations`)).rejects.toThrow();
        expect(await db.read(`SELECT id FROM ho_complaints`)).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });
});
