import { eventHashText } from '../../shared/sync/event-hash';
import type { PushResponse, PushResult, WireEvent } from '../../shared/sync/protocol';
import { sha256 } from '../crypto';
import type { HoDatabase, Sql } from '../db/database';
import { SyncFailure, type DeviceRow } from '../devices/devices';
import { applyEffects, judge, type IncomingEvent, type Verdict } from '../rules/index';

interface StoredAnswer {
  device_seq: number;
  event_id: string;
  hash: string;
  reason: string | null;
  detail: string | null;
}

async function storedAnswers(sql: Sql, deviceId: string, from: number, to: number): Promise<Map<number, StoredAnswer>> {
  const rows = await sql<StoredAnswer>(
    `SELECT device_seq, event_id, hash, NULL AS reason, NULL AS detail FROM events WHERE device_id = ? AND device_seq BETWEEN ? AND ?
     UNION ALL
     SELECT device_seq, event_id, hash, reason, detail FROM rejections WHERE device_id = ? AND device_seq BETWEEN ? AND ?`,
    [deviceId, from, to, deviceId, from, to],
  );
  return new Map(rows.map((r) => [Number(r.device_seq), r]));
}

function replayAnswer(event: WireEvent, stored: StoredAnswer | undefined): PushResult {
  const base = { eventId: event.eventId, deviceSeq: event.deviceSeq };
  // The same event again gets the answer it got the first time; anything else under a used
  // sequence number is refused and not applied.
  // The hash is recomputed: a replay that keeps the old hash but carries another payload is caught.
  if (!stored || stored.event_id !== event.eventId || stored.hash !== event.hash || sha256(eventHashText(event)) !== stored.hash) {
    return { ...base, status: 'rejected', reason: 'replay_mismatch' };
  }
  if (stored.reason === null) return { ...base, status: 'duplicate' };
  return { ...base, status: 'rejected', reason: stored.reason as PushResult['reason'], ...(stored.detail ? { detail: stored.detail } : {}) };
}

const EVENT_COLUMNS = [
  'event_id', 'device_id', 'device_seq', 'branch_code', 'user_id', 'username', 'at', 'type', 'payload', 'prev_hash', 'hash', 'received_at',
] as const;
const REJECTION_COLUMNS = ['device_id', 'device_seq', 'event_id', 'type', 'hash', 'reason', 'detail', 'received_at'] as const;

/**
 * Applies one pushed batch in one transaction: each event is accepted, answered as a duplicate,
 * or rejected with a reason, and the device's high-water mark moves in the same transaction, so
 * a crash anywhere leaves either all of it or none of it. A batch that does not start right after
 * the high-water mark is refused whole (`sequence_gap`): the branch resends from the mark.
 */
export async function applyPush(db: HoDatabase, device: DeviceRow, events: WireEvent[], now: number): Promise<Omit<PushResponse, 'epoch'>> {
  const sorted = [...events].sort((a, b) => a.deviceSeq - b.deviceSeq);
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.deviceId !== device.id) throw new SyncFailure('bad_request', 400, { message: 'event of another device' });
    if (i > 0 && sorted[i]!.deviceSeq !== sorted[i - 1]!.deviceSeq + 1) throw new SyncFailure('bad_request', 400, { message: 'batch not contiguous' });
  }
  return db.write(async (sql) => {
    const [fresh] = await sql<{ high_water_mark: number; last_hash: string }>(
      `SELECT high_water_mark, last_hash FROM devices WHERE id = ?`,
      [device.id],
    );
    let mark = Number(fresh!.high_water_mark);
    let lastHash = fresh!.last_hash;
    const first = sorted[0]!.deviceSeq;
    if (first > mark + 1) throw new SyncFailure('sequence_gap', 409, { highWaterMark: mark });

    const replayed = first <= mark ? await storedAnswers(sql, device.id, first, Math.min(mark, sorted[sorted.length - 1]!.deviceSeq)) : new Map();
    const results: PushResult[] = [];
    const accepted: unknown[][] = [];
    const rejected: unknown[][] = [];
    for (const event of sorted) {
      if (event.deviceSeq <= mark) {
        results.push(replayAnswer(event, replayed.get(event.deviceSeq)));
        continue;
      }
      const incoming: IncomingEvent = {
        eventId: event.eventId,
        deviceId: event.deviceId,
        type: event.type,
        payload: event.payload,
        at: event.at,
        branchCode: device.branch_code,
        username: event.username,
      };
      let verdict: Verdict;
      let payload: unknown;
      if (event.prevHash !== lastHash) verdict = { ok: false, reason: 'broken_chain' };
      else if (sha256(eventHashText(event)) !== event.hash) verdict = { ok: false, reason: 'bad_hash' };
      // Rules read head office's own tables (kept by applyEffects as each event is accepted), not
      // the events table, so accepted rows can wait for one multi-row insert at the end.
      else ({ verdict, payload } = await judge(sql, incoming));
      if (verdict.ok) {
        await applyEffects(sql, incoming, payload);
        accepted.push([
          event.eventId, event.deviceId, event.deviceSeq, device.branch_code, event.userId, event.username,
          event.at, event.type, event.payload, event.prevHash, event.hash, now,
        ]);
        results.push({ eventId: event.eventId, deviceSeq: event.deviceSeq, status: 'accepted' });
      } else {
        rejected.push([device.id, event.deviceSeq, event.eventId, event.type, event.hash, verdict.reason, verdict.detail ?? null, now]);
        results.push({
          eventId: event.eventId,
          deviceSeq: event.deviceSeq,
          status: 'rejected',
          reason: verdict.reason,
          ...(verdict.detail ? { detail: verdict.detail } : {}),
        });
      }
      mark = event.deviceSeq;
      lastHash = event.hash;
    }
    await sql.insertRows('events', EVENT_COLUMNS, accepted);
    await sql.insertRows('rejections', REJECTION_COLUMNS, rejected);
    await sql(`UPDATE devices SET high_water_mark = ?, last_hash = ?, last_seen_at = ? WHERE id = ?`, [mark, lastHash, now, device.id]);
    return { highWaterMark: mark, results };
  });
}
