import type { EventPayload, EventType } from '../../../shared/events/index';
import type { ProjectorMap } from '../dispatch/types';
import { appendEvent, type ChainHead, type JournalEvent } from './journal';
import { invalidateReads } from './read-cache';
import type { Db } from './sql';

export interface EmitSource {
  db: Db;
  deviceId: string;
  projectors: ProjectorMap;
}

/**
 * The one write of the ledger: append the event to this device's chain and apply it to the
 * tables. The caller holds the transaction (the dispatcher for a user's call, the sync engine for
 * its compensating events).
 */
export function emitEvent<T extends EventType>(
  source: EmitSource,
  actor: { userId: string; username: string } | null,
  at: number,
  type: T,
  payload: EventPayload<T>,
  head?: ChainHead,
): JournalEvent {
  const event = appendEvent(source.db, {
    deviceId: source.deviceId,
    userId: actor?.userId ?? null,
    username: actor?.username ?? null,
    at,
    type,
    payload,
  }, head);
  const project = source.projectors[type] as ((db: Db, e: unknown) => void) | undefined;
  project?.(source.db, { type, payload, at, deviceId: source.deviceId, userId: event.userId });
  invalidateReads(source.db);
  return event;
}
