import { hash } from 'node:crypto';
import { eventSchemas, isEventType } from '../../../shared/events/index';
import { eventHashText } from '../../../shared/sync/event-hash';
import type { PulledEvent } from '../../../shared/sync/protocol';
import type { ProjectorMap } from '../dispatch/types';
import { invalidateReads } from '../ledger/read-cache';
import { prepared, type Db } from '../ledger/sql';
import { updateSyncState } from './state';

export interface ApplyOutcome {
  applied: number;
  skipped: number;
  failed: number;
}

function recordApplyFailure(db: Db, event: PulledEvent, reason: string, at: number): void {
  prepared(
    db,
    `INSERT OR IGNORE INTO sync_conflicts (kind, event_id, type, reason, detail, at) VALUES ('apply_failed', ?, ?, ?, NULL, ?)`,
  ).run(event.eventId, event.type, reason, at);
}

/**
 * Applies a pulled batch and moves the pull cursor in one transaction: a crash leaves either the
 * whole batch and its cursor, or neither. Idempotent by event id, so a batch seen twice applies
 * once. An event that cannot be applied here (a bad hash, a projection that refuses it) becomes
 * a visible conflict and the batch goes on: one bad event never wedges the desk.
 *
 * The batch is first applied without a savepoint per event; only if a projection throws is it
 * rolled back and applied again with one, so the failing event alone is set aside.
 */
export function applyPulled(db: Db, projectors: ProjectorMap, events: PulledEvent[], nextCursor: number, now: number): ApplyOutcome {
  const known = prepared<[string], { seq: number }>(db, `SELECT seq FROM journal WHERE event_id = ?`);
  // An event already here is skipped by the insert itself: no lookup of its own for each event.
  const insert = prepared(
    db,
    `INSERT INTO journal (event_id, device_id, device_seq, user_id, username, at, type, payload, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
  );
  const project = (event: PulledEvent) => {
    if (!isEventType(event.type)) return; // a newer desk's event: kept in the journal, nothing to project here
    const payload = eventSchemas[event.type].parse(JSON.parse(event.payload));
    const projector = projectors[event.type] as ((d: Db, e: unknown) => void) | undefined;
    projector?.(db, { type: event.type, payload, at: event.at, deviceId: event.deviceId, userId: event.userId });
  };
  const inSavepoint = db.transaction((event: PulledEvent) => project(event));

  const applyAll = (isolate: boolean): ApplyOutcome => {
    const outcome: ApplyOutcome = { applied: 0, skipped: 0, failed: 0 };
    for (const event of events) {
      if (hash('sha256', eventHashText(event), 'hex') !== event.hash) {
        if (known.get(event.eventId)) outcome.skipped += 1;
        else {
          recordApplyFailure(db, event, 'bad_hash', now);
          outcome.failed += 1;
        }
        continue;
      }
      const { changes } = insert.run(
        event.eventId, event.deviceId, event.deviceSeq, event.userId, event.username, event.at, event.type, event.payload, event.prevHash, event.hash,
      );
      if (changes === 0) {
        outcome.skipped += 1;
        continue;
      }
      if (!isolate) {
        project(event);
      } else {
        try {
          inSavepoint(event);
        } catch (error) {
          recordApplyFailure(db, event, (error as Error).message.slice(0, 200), now);
          outcome.failed += 1;
          continue;
        }
      }
      outcome.applied += 1;
    }
    updateSyncState(db, { pullCursor: nextCursor });
    return outcome;
  };

  let outcome: ApplyOutcome;
  try {
    outcome = db.transaction(() => applyAll(false)).immediate();
  } catch {
    outcome = db.transaction(() => applyAll(true)).immediate();
  }
  invalidateReads(db);
  return outcome;
}
