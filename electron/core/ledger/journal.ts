import { createHash, randomUUID } from 'node:crypto';
import { eventHashText, GENESIS_HASH } from '../../../shared/sync/event-hash';
import { prepared, type Db } from './sql';

export { GENESIS_HASH };

export interface JournalEvent {
  seq: number;
  eventId: string;
  deviceId: string;
  deviceSeq: number;
  userId: string | null;
  username: string | null;
  at: number;
  type: string;
  /** The payload exactly as stored and hashed (JSON text). */
  payload: string;
  prevHash: string;
  hash: string;
}

export interface NewEvent {
  deviceId: string;
  userId: string | null;
  username: string | null;
  at: number;
  type: string;
  payload: object;
}

/** The hash of one event over every field that identifies it and its predecessor's hash. */
export function eventHash(e: Omit<JournalEvent, 'seq' | 'hash'>): string {
  // The payload ends the text: hashed after the fields, it is never copied into one long string.
  return createHash('sha256').update(eventHashText({ ...e, payload: '' })).update(e.payload).digest('hex');
}

interface Head {
  device_seq: number;
  hash: string;
}

/**
 * The head of this device's chain, held while one write transaction appends many events (a group
 * commit): the transaction holds the write lock, so nobody else can move it. Whoever rolls back a
 * savepoint puts back the head it had before.
 */
export interface ChainHead {
  value: Head | null;
}

/**
 * Appends one event of this device to its chain. Must run inside the caller's write transaction,
 * so the head read here is the head the insert extends (another process, such as the CLI next to a
 * running desk, waits on the write lock instead of forking the chain).
 */
export function appendEvent(db: Db, event: NewEvent, held?: ChainHead): JournalEvent {
  const head =
    held?.value ??
    prepared<[string], Head>(db, `SELECT device_seq, hash FROM journal WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1`).get(
      event.deviceId,
    );
  const partial = {
    eventId: randomUUID(),
    deviceId: event.deviceId,
    deviceSeq: (head?.device_seq ?? 0) + 1,
    userId: event.userId,
    username: event.username,
    at: event.at,
    type: event.type,
    payload: JSON.stringify(event.payload),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = eventHash(partial);
  const { lastInsertRowid } = prepared(
    db,
    `INSERT INTO journal (event_id, device_id, device_seq, user_id, username, at, type, payload, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    partial.eventId,
    partial.deviceId,
    partial.deviceSeq,
    partial.userId,
    partial.username,
    partial.at,
    partial.type,
    partial.payload,
    partial.prevHash,
    hash,
  );
  if (held) held.value = { device_seq: partial.deviceSeq, hash };
  return { ...partial, seq: Number(lastInsertRowid), hash };
}

export interface JournalRow {
  seq: number;
  event_id: string;
  device_id: string;
  device_seq: number;
  user_id: string | null;
  username: string | null;
  at: number;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export function rowToEvent(row: JournalRow): JournalEvent {
  return {
    seq: row.seq,
    eventId: row.event_id,
    deviceId: row.device_id,
    deviceSeq: row.device_seq,
    userId: row.user_id,
    username: row.username,
    at: row.at,
    type: row.type,
    payload: row.payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface ChainBreak {
  deviceId: string;
  deviceSeq: number;
  eventId: string;
  reason: 'hash' | 'link' | 'gap';
}

/**
 * Walks every device's chain in sequence order and stops at the first event whose hash does not
 * match its content, whose prev_hash is not its predecessor's hash, or whose sequence skips one.
 * Iterates rather than loads, so a million-event ledger is checked in constant memory.
 */
export function verifyChains(db: Db): { checked: number; brokenAt: ChainBreak | null } {
  let checked = 0;
  let device = '';
  let expectedSeq = 1;
  let expectedPrev = GENESIS_HASH;
  const rows = db
    .prepare(`SELECT * FROM journal ORDER BY device_id, device_seq`)
    .iterate() as IterableIterator<JournalRow>;
  for (const row of rows) {
    if (row.device_id !== device) {
      device = row.device_id;
      expectedSeq = 1;
      expectedPrev = GENESIS_HASH;
    }
    const event = rowToEvent(row);
    const at = { deviceId: event.deviceId, deviceSeq: event.deviceSeq, eventId: event.eventId };
    if (event.deviceSeq !== expectedSeq) return { checked, brokenAt: { ...at, reason: 'gap' } };
    if (event.prevHash !== expectedPrev) return { checked, brokenAt: { ...at, reason: 'link' } };
    if (eventHash(event) !== event.hash) return { checked, brokenAt: { ...at, reason: 'hash' } };
    checked += 1;
    expectedSeq += 1;
    expectedPrev = event.hash;
  }
  return { checked, brokenAt: null };
}
