import { describe, expect, it } from 'vitest';
import { databaseFor, DIALECTS } from '../testing';
import { openHoDatabase, parseDatabaseUrl } from './database';

describe.each(DIALECTS)('head-office database on %s', (dialect) => {
  it('a read while a write is open sees only what is committed, and a rolled-back write never', async () => {
    const database = await databaseFor(dialect);
    const db = await openHoDatabase(parseDatabaseUrl(database.url));
    const epochs = async () => (await db.read<{ value: string }>(`SELECT value FROM ho_meta WHERE key = 'test-key'`)).map((r) => r.value);
    try {
      const seenInside: string[][] = [];
      await expect(
        db.write(async (sql) => {
          await sql(`INSERT INTO ho_meta (key, value) VALUES ('test-key', 'uncommitted')`);
          // A pull served between two statements of a push must not hand out this row.
          await new Promise((resolve) => setTimeout(resolve, 5));
          seenInside.push(await epochs());
          throw new Error('refused later in the batch');
        }),
      ).rejects.toThrow('refused later in the batch');
      expect(seenInside).toEqual([[]]);
      expect(await epochs()).toEqual([]);

      await db.write((sql) => sql(`INSERT INTO ho_meta (key, value) VALUES ('test-key', 'committed')`));
      expect(await epochs()).toEqual(['committed']);
    } finally {
      await db.close();
      await database.drop();
    }
  });

  it('keeps one connection for an in-memory SQLite database', async () => {
    if (dialect !== 'sqlite') return expect(dialect).toBe('postgres');
    const db = await openHoDatabase(parseDatabaseUrl('sqlite::memory:'));
    try {
      await db.write((sql) => sql(`INSERT INTO ho_meta (key, value) VALUES ('test-key', 'v')`));
      expect(await db.read(`SELECT value FROM ho_meta WHERE key = 'test-key'`)).toEqual([{ value: 'v' }]);
    } finally {
      await db.close();
    }
  });
});
