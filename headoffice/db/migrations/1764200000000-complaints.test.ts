import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { databaseFor, DIALECTS } from '../../testing';
import { openHoDatabase, parseDatabaseUrl } from '../database';
import { HeadofficeInitial1763800000000 } from './1763800000000-headoffice-initial';
import { Otp1764000000000 } from './1764000000000-otp';
import { Complaints1764200000000 } from './1764200000000-complaints';
import { HO_MIGRATIONS } from './index';

function dataSource(url: string, migrations: (new () => object)[]) {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'postgres'
    ? new DataSource({ type: 'postgres', url: target.location, migrations: migrations as never })
    : new DataSource({ type: 'better-sqlite3', database: target.location, migrations: migrations as never });
}

const complaint = (id: string, seq: number, status = 'open') =>
  `INSERT INTO ho_complaints (id, branch_code, seq, category, channel, status, customer_name, verified_by, description, created_at, updated_at)
   VALUES ('${id}', 'JKT01', ${seq}, 'penagihan', 'hotline', '${status}', 'Budi', 'nik', 'Tagihan ganda', 1, 1)`;

describe.each(DIALECTS)('migration 1764200000000-complaints on %s', (dialect) => {
  it('upgrades a head office that holds OTP data, checks its vocabularies, and goes back down', async () => {
    const database = await databaseFor(dialect);
    try {
      const before = dataSource(database.url, [HeadofficeInitial1763800000000, Otp1764000000000]);
      await before.initialize();
      await before.runMigrations();
      await before.query(`INSERT INTO branches (code, created_at) VALUES ('JKT01', 1)`);
      await before.query(`INSERT INTO ho_otp_applications (id, branch_code, customer_name, phone1, status, created_at, updated_at) VALUES ('a', 'JKT01', 'Rina', '+62812', 'Draft', 1, 1)`);
      await before.destroy();

      const db = await openHoDatabase(parseDatabaseUrl(database.url));
      try {
        expect(await db.read(`SELECT id FROM ho_otp_applications`)).toEqual([{ id: 'a' }]);
        await db.write((sql) => sql(complaint('c1', 1)));
        const [row] = await db.read<{ escalation: string; escalations: unknown }>(`SELECT escalation, escalations FROM ho_complaints`);
        expect({ escalation: row!.escalation, escalations: Number(row!.escalations) }).toEqual({ escalation: 'none', escalations: 0 });
        await expect(db.write((sql) => sql(complaint('c2', 2, 'closed')))).rejects.toThrow();
        // a branch's sequence numbers are unique
        await expect(db.write((sql) => sql(complaint('c3', 1)))).rejects.toThrow();
        await expect(db.write((sql) => sql(`INSERT INTO ho_holidays (date, name, kind) VALUES ('2026-12-25', 'Natal', 'libur')`))).rejects.toThrow();
        await expect(
          db.write((sql) => sql(`INSERT INTO ho_sla_targets (category, first_response_minutes, resolution_minutes, warn_before_minutes, updated_at) VALUES ('penagihan', 0, 10, 0, 1)`)),
        ).rejects.toThrow();
        // down to this migration's, then this one
        for (let i = HO_MIGRATIONS.length - 1; HO_MIGRATIONS[i] !== Complaints1764200000000; i--) await db.dataSource.undoLastMigration();
        expect(await db.read(`SELECT id FROM ho_complaints`)).toEqual([{ id: 'c1' }]);
        await db.dataSource.undoLastMigration();
        await expect(db.read(`SELECT id FROM ho_complaints`)).rejects.toThrow();
        expect(await db.read(`SELECT id FROM ho_otp_applications`)).toEqual([{ id: 'a' }]);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });
});
