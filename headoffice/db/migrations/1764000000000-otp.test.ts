import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { databaseFor, DIALECTS } from '../../testing';
import { openHoDatabase, parseDatabaseUrl } from '../database';
import { HeadofficeInitial1763800000000 } from './1763800000000-headoffice-initial';
import { Otp1764000000000 } from './1764000000000-otp';
import { HO_MIGRATIONS } from './index';

function dataSource(url: string, migrations: (new () => object)[]) {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'postgres'
    ? new DataSource({ type: 'postgres', url: target.location, migrations: migrations as never })
    : new DataSource({ type: 'better-sqlite3', database: target.location, migrations: migrations as never });
}

describe.each(DIALECTS)('migration 1764000000000-otp on %s', (dialect) => {
  it('upgrades a head office that holds data, checks its enums, and goes back down', async () => {
    const database = await databaseFor(dialect);
    try {
      const before = dataSource(database.url, [HeadofficeInitial1763800000000]);
      await before.initialize();
      await before.runMigrations();
      await before.query(`INSERT INTO ho_meta (key, value) VALUES ('epoch', 'e-1')`);
      await before.query(`INSERT INTO branches (code, created_at) VALUES ('JKT01', 1)`);
      await before.destroy();

      const db = await openHoDatabase(parseDatabaseUrl(database.url));
      try {
        expect(await db.read(`SELECT value FROM ho_meta WHERE key = 'epoch'`)).toEqual([{ value: 'e-1' }]);
        await db.write((sql) =>
          sql(`INSERT INTO ho_otp_applications (id, branch_code, customer_name, phone1, status, created_at, updated_at) VALUES ('a', 'JKT01', 'Rina', '+6281234567890', 'Waiting Confirmation', 1, 1)`),
        );
        const [row] = await db.read<{ wrong_attempts: unknown }>(`SELECT wrong_attempts FROM ho_otp_applications`);
        expect(Number(row!.wrong_attempts)).toBe(0);
        await expect(db.write((sql) => sql(`UPDATE ho_otp_applications SET status = 'Approved'`))).rejects.toThrow();
        await expect(
          db.write((sql) => sql(`INSERT INTO ho_messages (id, channel, recipient, kind, status, created_at, updated_at) VALUES ('m', 'sms', '+62', 'otp-code', 'sent', 1, 1)`)),
        ).rejects.toThrow();
        // later migrations come off first, then this one
        for (let i = HO_MIGRATIONS.length - 1; HO_MIGRATIONS[i] !== Otp1764000000000; i--) await db.dataSource.undoLastMigration();
        await db.dataSource.undoLastMigration();
        await expect(db.read(`SELECT id FROM ho_otp_applications`)).rejects.toThrow();
        expect(await db.read(`SELECT code FROM branches`)).toEqual([{ code: 'JKT01' }]);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });
});
