import type { PulledEvent, PullResponse } from '../../shared/sync/protocol';
import type { HoDatabase } from '../db/database';
import type { DeviceRow } from '../devices/devices';

interface EventRow {
  cursor: number;
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

/**
 * What a desk may see: every event of its own branch from other devices, and head office's
 * all-branch events, in cursor (commit) order.
 */
export async function pullEvents(db: HoDatabase, device: DeviceRow, cursor: number, limit: number): Promise<Omit<PullResponse, 'epoch'>> {
  // The branch's events and the all-branch events are two ranges of the (branch_code, cursor)
  // index, each read in order and cut at the limit, then merged: a single query with OR would
  // collect and sort every later event of the branch on every pull.
  const columns = 'cursor, event_id, device_id, device_seq, user_id, username, at, type, payload, prev_hash, hash';
  const rows = await db.read<EventRow>(
    `SELECT * FROM (SELECT ${columns} FROM events WHERE branch_code = ? AND cursor > ? AND device_id <> ? ORDER BY cursor LIMIT ?) AS branch_events
     UNION ALL
     SELECT * FROM (SELECT ${columns} FROM events WHERE branch_code IS NULL AND cursor > ? AND device_id <> ? ORDER BY cursor LIMIT ?) AS all_events
     ORDER BY cursor LIMIT ?`,
    [device.branch_code, cursor, device.id, limit, cursor, device.id, limit, limit],
  );
  // Two lookups, each answered from the end of the (branch_code, cursor) index; one query with OR
  // would scan every event of the branch on every pull.
  const [branchHead] = await db.read<{ head: number | null }>(`SELECT max(cursor) AS head FROM events WHERE branch_code = ?`, [device.branch_code]);
  const [allHead] = await db.read<{ head: number | null }>(`SELECT max(cursor) AS head FROM events WHERE branch_code IS NULL`);
  const head = { head: Math.max(Number(branchHead?.head ?? 0), Number(allHead?.head ?? 0)) };
  const [mark] = await db.read<{ high_water_mark: number }>(`SELECT high_water_mark FROM devices WHERE id = ?`, [device.id]);
  const events: PulledEvent[] = rows.map((r) => ({
    cursor: Number(r.cursor),
    eventId: r.event_id,
    deviceId: r.device_id,
    deviceSeq: Number(r.device_seq),
    userId: r.user_id,
    username: r.username,
    at: Number(r.at),
    type: r.type,
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
  return {
    events,
    nextCursor: events.length > 0 ? events[events.length - 1]!.cursor : cursor,
    headCursor: Number(head?.head ?? 0),
    highWaterMark: Number(mark?.high_water_mark ?? 0),
  };
}
