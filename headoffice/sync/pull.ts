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
  const rows = await db.read<EventRow>(
    `SELECT cursor, event_id, device_id, device_seq, user_id, username, at, type, payload, prev_hash, hash FROM events
     WHERE cursor > ? AND device_id <> ? AND (branch_code = ? OR branch_code IS NULL)
     ORDER BY cursor LIMIT ?`,
    [cursor, device.id, device.branch_code, limit],
  );
  const [head] = await db.read<{ head: number | null }>(
    `SELECT max(cursor) AS head FROM events WHERE branch_code = ? OR branch_code IS NULL`,
    [device.branch_code],
  );
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
