// Sync throughput: a push of 100,000 events from one branch to head office (SQLite) and the pull
// of them into a second branch, each as a ratio to raw prepared inserts of the same rows in one
// transaction (target: at least 1/4 of raw); with SERAMBI_TEST_PG, the same push against
// PostgreSQL as a ratio to multi-row INSERTs of the same rows (target: at least 1/3).
//
// The events are real: 100,000 auth.setLocale calls through the dispatcher on one desk. Head
// office runs in this process on loopback HTTP, as a branch reaches it.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildHeadoffice } from '../headoffice/app';
import { databaseFor } from '../headoffice/testing';
import { createEnrollCode } from '../headoffice/devices/devices';
import { createCore, type Core } from '../electron/core/core';
import { defineBench, type Measurement } from './lib/bench';
import { freshLedger, INSERT_JOURNAL, JOURNAL_COLUMNS, type JournalRow } from './lib/ledger';
import { formatCount, perSecond, timed } from './lib/stats';
import { tempDir } from './lib/temp';

const EVENTS = 100_000;
const BURST = 20_000;
const BATCH = 1_000;

async function call(core: Core, method: string, input: unknown, token: string | null = null): Promise<Record<string, unknown>> {
  const answer = await core.dispatch({ method, input, token, transport: 'cli' });
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.result as Record<string, unknown>;
}

/** A desk with EVENTS of its own events, not yet enrolled; returns its folder. */
async function deskWithEvents(progress: (line: string) => void): Promise<string> {
  const ledger = await freshLedger('sync-source');
  for (let done = 0; done < EVENTS; done += BURST) {
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        ledger.core.dispatch({ method: 'auth.setLocale', input: { locale: i % 2 ? 'id' : 'en' }, token: ledger.token, transport: 'cli' }),
      ),
    );
    if (answers.some((a) => !a.ok)) throw new Error('a call failed while making the events');
    progress(`events made: ${formatCount(done + BURST)}`);
  }
  await ledger.core.close();
  return ledger.dataDir;
}

async function headoffice(databaseUrl: string) {
  const built = await buildHeadoffice({ databaseUrl, adminToken: 'bench-admin-token-000000' });
  const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...built, url };
}

async function enrolledCopy(source: string, label: string, ho: Awaited<ReturnType<typeof headoffice>>, setup: boolean): Promise<Core> {
  const dataDir = tempDir(label);
  if (setup) cpSync(source, dataDir, { recursive: true });
  const core = await createCore({ dataDir, passwordCost: 10, sync: { batchSize: BATCH } });
  const token = setup ? String((await call(core, 'auth.login', { username: 'admin', password: 'rahasia-admin-1' })).token) : null;
  await call(core, 'sync.enroll', { headofficeUrl: ho.url, code: await createEnrollCode(ho.ctx.db, 'JKT01', Date.now()) }, token);
  return core;
}

function ownRows(core: Core): JournalRow[] {
  return core.db.prepare(`SELECT ${JOURNAL_COLUMNS.join(', ')} FROM journal WHERE device_id = ? ORDER BY device_seq`).all(core.deviceId) as JournalRow[];
}

const HO_COLUMNS = ['event_id', 'device_id', 'device_seq', 'branch_code', 'user_id', 'username', 'at', 'type', 'payload', 'prev_hash', 'hash', 'received_at'];
const hoValues = (r: JournalRow) => [r.event_id, r.device_id, r.device_seq, 'JKT01', r.user_id, r.username, r.at, r.type, r.payload, r.prev_hash, r.hash, 0];

/** Baseline of the SQLite push: the same rows into a fresh head office's events table, raw. */
async function rawHeadofficeSqlite(rows: JournalRow[]): Promise<number> {
  const dir = tempDir('sync-raw-ho');
  const fresh = await buildHeadoffice({ databaseUrl: `sqlite:${join(dir, 'ho.sqlite')}` });
  await fresh.app.close();
  const db = new Database(join(dir, 'ho.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.prepare(`INSERT INTO branches (code, created_at) VALUES ('JKT01', 0)`).run();
  db.prepare(`INSERT INTO devices (id, branch_code, kind, enrolled_at, last_hash) VALUES (?, 'JKT01', 'desk', 0, '')`).run(rows[0]!.device_id);
  const insert = db.prepare(`INSERT INTO events (${HO_COLUMNS.join(', ')}) VALUES (${HO_COLUMNS.map(() => '?').join(', ')})`);
  const { ms } = await timed(() => db.transaction(() => rows.forEach((r) => insert.run(...hoValues(r))))());
  db.close();
  return ms;
}

/** Baseline of the pull: the same rows into a fresh desk's journal, raw. */
async function rawDeskJournal(rows: JournalRow[]): Promise<number> {
  const ledger = await freshLedger('sync-raw-desk');
  const insert = ledger.core.db.prepare(INSERT_JOURNAL);
  const { ms } = await timed(() => ledger.core.db.transaction(() => rows.forEach((r) => insert.run(r)))());
  await ledger.close();
  return ms;
}

/** Baseline of the PostgreSQL push: multi-row INSERTs of the same rows in one transaction. */
async function rawHeadofficePostgres(rows: JournalRow[]): Promise<number> {
  const database = await databaseFor('postgres');
  const fresh = await buildHeadoffice({ databaseUrl: database.url });
  await fresh.app.close();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO branches (code, created_at) VALUES ('JKT01', 0)`);
    await client.query(`INSERT INTO devices (id, branch_code, kind, enrolled_at, last_hash) VALUES ($1, 'JKT01', 'desk', 0, '')`, [rows[0]!.device_id]);
    const { ms } = await timed(async () => {
      await client.query('BEGIN');
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        const params = chunk.flatMap(hoValues);
        const tuples = chunk.map((_, j) => `(${HO_COLUMNS.map((__, k) => `$${j * HO_COLUMNS.length + k + 1}`).join(', ')})`);
        await client.query(`INSERT INTO events (${HO_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params);
      }
      await client.query('COMMIT');
    });
    return ms;
  } finally {
    await client.end();
    await database.drop();
  }
}

export default defineBench({
  name: 'sync',
  async run(ctx) {
    const source = await deskWithEvents(ctx.progress);
    const results: Measurement[] = [];

    const sqliteHo = await headoffice(`sqlite:${join(tempDir('sync-ho'), 'ho.sqlite')}`);
    const pusher = await enrolledCopy(source, 'sync-push', sqliteHo, true);
    const pushed = await timed(() => pusher.sync.syncOnce());
    const rows = ownRows(pusher);
    ctx.progress(`pushed ${formatCount(pushed.value.pushed)} in ${pushed.ms.toFixed(0)} ms`);
    const rawPush = await rawHeadofficeSqlite(rows);
    results.push({
      name: 'sync push to head office (SQLite) vs raw inserts',
      measured: perSecond(rows.length, pushed.ms),
      baseline: perSecond(rows.length, rawPush),
      unit: 'ops/s',
      target: { bound: 'atLeast', ratio: 0.25 },
    });

    const puller = await enrolledCopy(source, 'sync-pull', sqliteHo, false);
    const pulled = await timed(() => puller.sync.syncOnce());
    ctx.progress(`pulled ${formatCount(pulled.value.pulled)} in ${pulled.ms.toFixed(0)} ms`);
    const rawPull = await rawDeskJournal(rows);
    results.push({
      name: 'sync pull into a second branch vs raw inserts',
      measured: perSecond(pulled.value.pulled, pulled.ms),
      baseline: perSecond(rows.length, rawPull),
      unit: 'ops/s',
      target: { bound: 'atLeast', ratio: 0.25 },
    });
    ctx.info(`${formatCount(rows.length)} events; push ${pushed.ms.toFixed(0)} ms (raw ${rawPush.toFixed(0)} ms), pull ${pulled.ms.toFixed(0)} ms (raw ${rawPull.toFixed(0)} ms); batches of ${BATCH} over loopback HTTP`);
    await pusher.close();
    await puller.close();
    await sqliteHo.app.close();

    if (process.env.SERAMBI_TEST_PG) {
      const database = await databaseFor('postgres');
      const pgHo = await headoffice(database.url);
      const pgPusher = await enrolledCopy(source, 'sync-push-pg', pgHo, true);
      const pgPushed = await timed(() => pgPusher.sync.syncOnce());
      const pgRows = ownRows(pgPusher);
      const rawPg = await rawHeadofficePostgres(pgRows);
      results.push({
        name: 'sync push to head office (PostgreSQL) vs multi-row INSERT',
        measured: perSecond(pgRows.length, pgPushed.ms),
        baseline: perSecond(pgRows.length, rawPg),
        unit: 'ops/s',
        target: { bound: 'atLeast', ratio: 1 / 3 },
      });
      ctx.info(`PostgreSQL: push ${pgPushed.ms.toFixed(0)} ms, multi-row INSERT ${rawPg.toFixed(0)} ms`);
      await pgPusher.close();
      await pgHo.app.close();
      await database.drop();
    } else {
      ctx.info('PostgreSQL push not measured: set SERAMBI_TEST_PG to a PostgreSQL URL');
    }
    return results;
  },
});
