import { describe, expect, it } from 'vitest';
import { databaseFor, DIALECTS } from '../../testing';
import { openHoDatabase, parseDatabaseUrl } from '../database';
import { HO_MIGRATIONS } from './index';
import { FedWaiting1765000000000 } from './1765000000000-fed-waiting';

const waiting = (branch: string, mutation: string) =>
  `INSERT INTO ho_fed_waiting (branch_code, mutation_id, decider, routed_at) VALUES ('${branch}', '${mutation}', 'desk-1', 1)`;

describe.each(DIALECTS)('migration 1765000000000-fed-waiting on %s', (dialect) => {
  it('keeps a fed credit once per branch, and goes back down', async () => {
    expect(HO_MIGRATIONS.at(-1)).toBe(FedWaiting1765000000000);
    const database = await databaseFor(dialect);
    try {
      const db = await openHoDatabase(parseDatabaseUrl(database.url));
      try {
        await db.write((sql) => sql(waiting('JKT01', 'm1')));
        await db.write((sql) => sql(waiting('BDG01', 'm1')));
        await expect(db.write((sql) => sql(waiting('JKT01', 'm1')))).rejects.toThrow();
        await db.dataSource.undoLastMigration();
        await expect(db.read(`SELECT mutation_id FROM ho_fed_waiting`)).rejects.toThrow();
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });
});
