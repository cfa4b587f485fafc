import { randomUUID } from 'node:crypto';
import type { EventPayload, EventType } from '../../shared/events/index';
import { eventHashText } from '../../shared/sync/event-hash';
import { sha256 } from '../crypto';
import type { HoDatabase, Sql } from '../db/database';
import { headofficeChain } from '../devices/devices';
import { applyEffects, judge, type Verdict } from '../rules/index';

/**
 * An event decided at head office (a user made there, a knowledge-base article, a holiday): it goes
 * on head office's chain for its scope (one branch, or null for all) and reaches desks by pull.
 * The same rules as for pushed events apply; a refusal is returned, nothing is stored.
 */
export async function appendHeadofficeEvent<T extends EventType>(
  db: HoDatabase,
  scope: string | null,
  event: { type: T; payload: EventPayload<T>; username: string | null },
  now: number,
): Promise<Appended> {
  return db.write((sql) => appendHeadofficeEventIn(sql, scope, event, now));
}

type Appended = { ok: true; eventId: string; cursor: number } | { ok: false; verdict: Extract<Verdict, { ok: false }> };

/** The same, inside a write transaction the caller holds (a choice read and recorded atomically). */
export async function appendHeadofficeEventIn<T extends EventType>(
  sql: Sql,
  scope: string | null,
  event: { type: T; payload: EventPayload<T>; username: string | null },
  now: number,
): Promise<Appended> {
  const chain = await headofficeChain(sql, scope, now);
  const fields = {
    eventId: randomUUID(),
    deviceId: chain.id,
    deviceSeq: chain.high_water_mark + 1,
    userId: null,
    username: event.username,
    at: now,
    type: event.type,
    payload: JSON.stringify(event.payload),
    prevHash: chain.last_hash,
  };
  const incoming = { ...fields, branchCode: scope };
  const { verdict, payload } = await judge(sql, incoming);
  if (!verdict.ok) return { ok: false as const, verdict };
  await applyEffects(sql, incoming, payload);
  const hash = sha256(eventHashText(fields));
  const [row] = await sql<{ cursor: number }>(
    `INSERT INTO events (event_id, device_id, device_seq, branch_code, user_id, username, at, type, payload, prev_hash, hash, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING cursor`,
    [fields.eventId, fields.deviceId, fields.deviceSeq, scope, null, fields.username, now, fields.type, fields.payload, fields.prevHash, hash, now],
  );
  await sql(`UPDATE devices SET high_water_mark = ?, last_hash = ?, last_seen_at = ? WHERE id = ?`, [fields.deviceSeq, hash, now, chain.id]);
  return { ok: true as const, eventId: fields.eventId, cursor: Number(row!.cursor) };
}
