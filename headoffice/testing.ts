import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { eventHashText, GENESIS_HASH } from '../shared/sync/event-hash';
import type { WireEvent } from '../shared/sync/protocol';
import { buildHeadoffice, type HeadofficeOptions } from './app';
import { createEnrollCode } from './devices/devices';
import { sha256 } from './crypto';

// Helpers for head-office tests: a real database (a temporary SQLite file, or a fresh schema in
// the PostgreSQL named by SERAMBI_TEST_PG) and hash-chained events made the way a desk makes them.

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

export const DIALECTS = ['sqlite', ...(process.env.SERAMBI_TEST_PG ? ['postgres'] : [])] as const;

/** A fresh PostgreSQL schema per test database, dropped afterwards. */
async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.SERAMBI_TEST_PG!;
  const schema = `serambi_test_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export async function databaseFor(dialect: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'postgres') return freshPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'serambi-ho-'));
  return { url: `sqlite:${join(dir, 'headoffice.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startTestHeadoffice(dialect: string, clock: () => number = Date.now, options: Partial<HeadofficeOptions> = {}) {
  const database = await databaseFor(dialect);
  const { app, ctx } = await buildHeadoffice({ databaseUrl: database.url, clock, adminToken: ADMIN_TOKEN, passwordCost: 10, ...options });
  return {
    app,
    ctx,
    databaseUrl: database.url,
    async enroll(branch = 'JKT01', deviceId: string = randomUUID()) {
      const code = await createEnrollCode(ctx.db, branch, clock());
      const response = await app.inject({ method: 'POST', url: '/sync/enroll', payload: { code, deviceId, branchCode: null } });
      const body = response.json() as { deviceSecret: string; epoch: string };
      return { deviceId, auth: `Bearer ${deviceId}.${body.deviceSecret}`, epoch: body.epoch };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** A desk's chain of events, hashed exactly as the desk's journal does. */
export function eventChain(deviceId: string, username = 'admin') {
  let seq = 0;
  let prev = GENESIS_HASH;
  return {
    next(type: string, payload: object, at = Date.UTC(2026, 10, 21, 3)): WireEvent {
      seq += 1;
      const fields = { eventId: randomUUID(), deviceId, deviceSeq: seq, userId: null, username, at, type, payload: JSON.stringify(payload), prevHash: prev };
      const hash = sha256(eventHashText(fields));
      prev = hash;
      return { ...fields, hash };
    },
  };
}
