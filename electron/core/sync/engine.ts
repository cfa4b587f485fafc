import { ApiError } from '../../../shared/api/errors';
import type { WireEvent } from '../../../shared/sync/protocol';
import type { ProjectorMap } from '../dispatch/types';
import { emitEvent } from '../ledger/emit';
import { prepared, type Db } from '../ledger/sql';
import { applyPulled } from './apply';
import { headofficeClient, HeadofficeError, type Fetch } from './http';
import { getSyncState, updateSyncState, type SyncState } from './state';

export interface SyncRound {
  pushed: number;
  pulled: number;
  pending: number;
}

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number | null;
}

export interface SyncEngineOptions {
  db: Db;
  deviceId: string;
  projectors: ProjectorMap;
  clock: () => number;
  /** Overrides the enrolled address (a branch proxy); from SERAMBI_HEADOFFICE_URL. */
  headofficeUrl?: string | undefined;
  fetch?: Fetch;
  /** Events per push; head office takes at most 1000. */
  batchSize?: number;
  intervalMs?: number;
  debounceMs?: number;
  random?: () => number;
  log?: (message: string, extra?: Record<string, unknown>) => void;
}

/** The states that stop sync until a person acts, by message key. */
export const HALTS = {
  epoch_mismatch: 'sync.halted.epochChanged',
  sequence_gap: 'sync.halted.restored',
  restored: 'sync.halted.restored',
  device_revoked: 'sync.halted.revoked',
} as const;

class Halt extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

interface JournalRow {
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

const toWire = (r: JournalRow): WireEvent => ({
  eventId: r.event_id,
  deviceId: r.device_id,
  deviceSeq: r.device_seq,
  userId: r.user_id,
  username: r.username,
  at: r.at,
  type: r.type,
  payload: r.payload,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * One desk's sync: push this device's events after the acknowledged mark, then pull what head
 * office has for the branch after the cursor. Every step is idempotent, so a round cut anywhere
 * (line down, process killed) is simply run again. Runs on its own after local writes
 * (debounced), on a timer, and with backoff and jitter while head office cannot be reached.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { db, deviceId, projectors, clock } = options;
  const batchSize = options.batchSize ?? 500;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  let inFlight: Promise<SyncRound> | null = null;
  let progress: SyncProgress | null = null;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let disposed = false;

  const pending = (state: SyncState) =>
    prepared<[string, number], { n: number }>(db, `SELECT count(*) AS n FROM journal WHERE device_id = ? AND device_seq > ?`).get(deviceId, state.pushedUpto)?.n ?? 0;

  function client(state: SyncState) {
    return headofficeClient(options.headofficeUrl ?? state.headofficeUrl, `Bearer ${deviceId}.${state.deviceSecret}`, options.fetch);
  }

  async function pushAll(state: SyncState): Promise<number> {
    const api = client(state);
    const total = pending(state);
    let pushed = 0;
    progress = { phase: 'push', done: 0, total };
    // Only what was waiting when the round began: a desk that keeps writing still gets its pull.
    const upto = state.pushedUpto + total;
    for (;;) {
      const current = getSyncState(db)!;
      const rows = prepared<[string, number, number, number], JournalRow>(
        db,
        `SELECT * FROM journal WHERE device_id = ? AND device_seq > ? AND device_seq <= ? ORDER BY device_seq LIMIT ?`,
      ).all(deviceId, current.pushedUpto, upto, batchSize);
      if (rows.length === 0) return pushed;
      const answer = await api.push(current.epoch, rows.map(toWire));
      if (answer.highWaterMark < current.pushedUpto) throw new Halt(HALTS.restored);
      db.transaction(() => {
        const already = prepared<[string], { id: number }>(db, `SELECT id FROM sync_conflicts WHERE kind = 'rejected' AND event_id = ?`);
        for (const result of answer.results) {
          if (result.status !== 'rejected' || already.get(result.eventId)) continue;
          const original = rows.find((r) => r.event_id === result.eventId);
          // The compensating event: on record, visible as a conflict, and the queue moves on.
          emitEvent({ db, deviceId, projectors }, null, clock(), 'sync.rejected', {
            eventId: result.eventId,
            deviceSeq: result.deviceSeq,
            type: original?.type ?? 'unknown',
            reason: result.reason ?? 'conflict',
            ...(result.detail ? { detail: result.detail } : {}),
          });
        }
        updateSyncState(db, { pushedUpto: answer.highWaterMark });
      }).immediate();
      pushed += rows.length;
      progress = { phase: 'push', done: pushed, total };
    }
  }

  async function pullAll(state: SyncState): Promise<number> {
    const api = client(state);
    let pulled = 0;
    progress = { phase: 'pull', done: 0, total: null };
    for (;;) {
      const current = getSyncState(db)!;
      const answer = await api.pull(current.epoch, current.pullCursor, 1000);
      // Head office knows less than it told this desk before: it was restored from a backup.
      if (answer.headCursor < current.pullCursor || answer.highWaterMark < current.pushedUpto) throw new Halt(HALTS.restored);
      if (answer.events.length === 0) return pulled;
      const outcome = applyPulled(db, projectors, answer.events, answer.nextCursor, clock());
      pulled += outcome.applied;
      progress = { phase: 'pull', done: pulled, total: null };
    }
  }

  async function round(): Promise<SyncRound> {
    const state = getSyncState(db);
    if (!state) throw new ApiError('conflict', 'sync.notEnrolled');
    if (state.haltedKey) throw new ApiError('conflict', state.haltedKey);
    updateSyncState(db, { lastAttemptAt: clock() });
    try {
      const pushed = await pushAll(state);
      const pulled = await pullAll(state);
      updateSyncState(db, { lastSuccessAt: clock(), lastErrorKey: null, lastErrorAt: null });
      return { pushed, pulled, pending: pending(getSyncState(db)!) };
    } catch (error) {
      const halt = error instanceof Halt ? error.key : error instanceof HeadofficeError ? HALTS[error.code as keyof typeof HALTS] : undefined;
      if (halt) {
        updateSyncState(db, { haltedKey: halt, lastErrorKey: halt, lastErrorAt: clock() });
        throw new ApiError('conflict', halt);
      }
      const key = error instanceof HeadofficeError ? (error.code === 'network' ? 'sync.error.offline' : 'sync.error.refused') : 'sync.error.failed';
      updateSyncState(db, { lastErrorKey: key, lastErrorAt: clock() });
      log('sync round failed', { error: (error as Error).message });
      throw new ApiError('unavailable', key, error instanceof HeadofficeError ? { code: error.code } : {});
    } finally {
      progress = null;
    }
  }

  /** One round; concurrent callers share the round already running. */
  function syncOnce(): Promise<SyncRound> {
    inFlight ??= round().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function schedule(delayMs: number): void {
    if (disposed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref?.();
  }

  async function tick(): Promise<void> {
    timer = null;
    const state = getSyncState(db);
    if (!state || state.haltedKey) return schedule(options.intervalMs ?? 30_000);
    try {
      await syncOnce();
      failures = 0;
      schedule(options.intervalMs ?? 30_000);
    } catch {
      failures += 1;
      // Exponential backoff up to 5 minutes, with jitter so branches do not return in step.
      const base = Math.min(5 * 60_000, 2_000 * 2 ** Math.min(failures, 8));
      schedule(base * (0.5 + random()));
    }
  }

  return {
    syncOnce,
    progress: () => progress,
    /** Starts the automatic loop; the first round runs soon, never before the first paint. */
    start(firstDelayMs = 1_000) {
      disposed = false;
      schedule(firstDelayMs);
    },
    /** A local change was committed: sync soon, once the burst is over. */
    notifyLocalWrite() {
      if (failures === 0) schedule(options.debounceMs ?? 1_500);
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** Resolves once no round is running (before the ledger closes under it). */
    async idle(): Promise<void> {
      await inFlight?.catch(() => undefined);
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
