import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LEDGER_FILE } from '../../electron/core/core';
import { eventHash, GENESIS_HASH } from '../../electron/core/ledger/journal';
import { INSERT_JOURNAL, setUpLedger } from './ledger';

// A set-up ledger grown to `events` journal events by raw prepared inserts in one transaction.
// The events form a valid hash chain (same eventHash as the journal) and are ones whose
// projection leaves the tables as they are, so the ledger stays consistent with its journal.

export interface LedgerFile {
  dataDir: string;
  file: string;
  events: number;
  bytes: number;
}

export async function buildLedger(label: string, extraEvents: number, progress: (line: string) => void): Promise<LedgerFile> {
  const ledger = await setUpLedger(label);
  const db = ledger.core.db;
  const deviceId = ledger.core.deviceId;
  const admin = db.prepare(`SELECT id, username, display_name FROM users`).get() as { id: string; username: string; display_name: string };
  const head = db
    .prepare(`SELECT device_seq, hash, at FROM journal WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1`)
    .get(deviceId) as { device_seq: number; hash: string; at: number } | undefined;
  const kinds: [string, object][] = [
    ['auth.loginSucceeded', { userId: admin.id }],
    ['user.localeSet', { id: admin.id, locale: 'id' }],
    ['user.updated', { id: admin.id, displayName: admin.display_name }],
  ];

  // Only while building (this connection is the file's only one): no rollback journal, no fsync
  // and a 256 MiB cache, so the rows go straight to the file once; WAL is switched back on after.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insert = db.prepare(INSERT_JOURNAL);
  let prevHash = head?.hash ?? GENESIS_HASH;
  let deviceSeq = head?.device_seq ?? 0;
  let at = head?.at ?? Date.UTC(2026, 0, 1);
  const write = db.transaction(() => {
    for (let i = 0; i < extraEvents; i++) {
      const [type, payload] = kinds[i % kinds.length]!;
      deviceSeq += 1;
      at += 1000;
      const event = {
        eventId: randomUUID(),
        deviceId,
        deviceSeq,
        userId: admin.id,
        username: admin.username,
        at,
        type,
        payload: JSON.stringify(payload),
        prevHash,
      };
      const hash = eventHash(event);
      insert.run({
        event_id: event.eventId,
        device_id: deviceId,
        device_seq: deviceSeq,
        user_id: event.userId,
        username: event.username,
        at,
        type,
        payload: event.payload,
        prev_hash: prevHash,
        hash,
      });
      prevHash = hash;
      if ((i + 1) % 250_000 === 0) progress(`  ${label}: ${(i + 1).toLocaleString('en-US')} events`);
    }
  });
  write.immediate();
  db.pragma('journal_mode = WAL');
  const events = (db.prepare(`SELECT count(*) AS n FROM journal`).get() as { n: number }).n;
  await ledger.close();
  const file = join(ledger.dataDir, LEDGER_FILE);
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) throw new Error('the ledger left a WAL behind on close');
  return { dataDir: ledger.dataDir, file, events, bytes: statSync(file).size };
}
