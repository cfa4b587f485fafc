import { ApiError } from '../../../shared/api/errors';
import { MAX_BATCH, type PulledEvent } from '../../../shared/sync/protocol';
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
  /** Runs after a round that pulled events, in its own transaction (matching fed mutations). */
  afterPull?: () => void;
  log?: (message: string, extra?: Record<string, unknown>) => void;
}

/** The states that stop sync until a person acts, by message key. */
export const HALTS = {
  epoch_mismatch: 'sync.halted.epochChanged',
  sequence_gap: 'sync.halted.restored',
  restored: 'sync.halted.restored',
  device_revoked: 'sync.halted.revoked',
} as const;

/** Pulled events applied in one transaction at most (in answers of up to MAX_BATCH). */
const PULL_GROUP = 5 * MAX_BATCH;

class Halt extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/**
 * A batch of this device's events after the mark, as the JSON text of their wire form: SQLite
 * writes it in one pass, where reading a thousand rows into objects and stringifying them again
 * would cost more than the database work at head office. (Head office orders a batch by sequence
 * itself, so the array needs no ORDER BY of its own, which would sort it again.)
 */
const BATCH_JSON = `SELECT count(*) AS n, json_group_array(json_object(
    'eventId', event_id, 'deviceId', device_id, 'deviceSeq', device_seq, 'userId', user_id, 'username', username,
    'at', at, 'type', type, 'payload', payload, 'prevHash', prev_hash, 'hash', hash)) AS events
  FROM (SELECT * FROM journal WHERE device_id = ? AND device_seq > ? AND device_seq <= ? ORDER BY device_seq LIMIT ?)`;

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
  let next: Promise<SyncRound> | null = null;
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
      const batch = prepared<[string, number, number, number], { n: number; events: string }>(db, BATCH_JSON).get(
        deviceId,
        current.pushedUpto,
        upto,
        batchSize,
      )!;
      if (batch.n === 0) return pushed;
      const answer = await api.push(current.epoch, batch.events);
      if (answer.highWaterMark < current.pushedUpto) throw new Halt(HALTS.restored);
      db.transaction(() => {
        const already = prepared<[string], { id: number }>(db, `SELECT id FROM sync_conflicts WHERE kind = 'rejected' AND event_id = ?`);
        const typeOf = prepared<[string, string], { type: string }>(db, `SELECT type FROM journal WHERE event_id = ? AND device_id = ?`);
        for (const result of answer.results) {
          if (result.status !== 'rejected' || already.get(result.eventId)) continue;
          const original = typeOf.get(result.eventId, deviceId);
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
      pushed += batch.n;
      progress = { phase: 'push', done: pushed, total };
    }
  }

  async function pullAll(state: SyncState): Promise<number> {
    const api = client(state);
    let pulled = 0;
    progress = { phase: 'pull', done: 0, total: null };
    for (;;) {
      const current = getSyncState(db)!;
      // A desk catching up gathers several answers and applies them in one transaction: one wait
      // for the disk per PULL_GROUP events rather than per answer. Whatever was gathered is applied
      // even when a later request fails, as it would have been had each answer been applied alone.
      const events: PulledEvent[] = [];
      let cursor = current.pullCursor;
      let caughtUp = false;
      try {
        while (!caughtUp && events.length < PULL_GROUP) {
          const answer = await api.pull(current.epoch, cursor, MAX_BATCH);
          // Head office knows less than it told this desk before: it was restored from a backup.
          if (answer.headCursor < cursor || answer.highWaterMark < current.pushedUpto) throw new Halt(HALTS.restored);
          caughtUp = answer.events.length === 0;
          for (const event of answer.events) events.push(event);
          cursor = answer.nextCursor;
        }
      } finally {
        if (events.length > 0) {
          pulled += applyPulled(db, projectors, events, cursor, clock()).applied;
          progress = { phase: 'pull', done: pulled, total: null };
        }
      }
      if (caughtUp) return pulled;
    }
  }

  /**
   * Asks head office to renew this desk's unique-code blocks, between push (which told it of new
   * accounts) and pull (which brings the leases). A head office that refuses it (an older one) is
   * no reason to fail the round; a line that is down is.
   */
  async function renewCodeLeases(state: SyncState): Promise<void> {
    try {
      await client(state).codeLeases(state.epoch);
    } catch (error) {
      if (error instanceof HeadofficeError && error.code !== 'network' && !(error.code in HALTS)) {
        log('code leases refused', { code: error.code });
        return;
      }
      throw error;
    }
  }

  async function round(): Promise<SyncRound> {
    const state = getSyncState(db);
    if (!state) throw new ApiError('conflict', 'sync.notEnrolled');
    if (state.haltedKey) throw new ApiError('conflict', state.haltedKey);
    updateSyncState(db, { lastAttemptAt: clock() });
    try {
      const pushed = await pushAll(state);
      await renewCodeLeases(getSyncState(db)!);
      const pulled = await pullAll(state);
      if (pulled > 0 && options.afterPull) {
        try {
          options.afterPull();
        } catch (error) {
          log('after-pull work failed', { error: (error as Error).message });
        }
      }
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

  /**
   * A round that starts now, or, while one is running, the round after it: the running round took
   * its measure of what to push before the caller's change was written, and a caller asking for a
   * round wants that change sent (an approval head office must act on). Callers meanwhile share
   * that next round.
   */
  function syncOnce(): Promise<SyncRound> {
    if (inFlight) {
      next ??= inFlight
        .catch(() => undefined)
        .then(() => {
          next = null;
          return syncOnce();
        });
      return next;
    }
    inFlight = round()
      .then((result) => {
        // Head office answered (a Sinkronkan Sekarang or a reseed, say): the line is back, so the
        // loop leaves its backoff and local changes sync soon again, instead of minutes later.
        if (failures > 0) {
          failures = 0;
          if (timer) schedule(options.intervalMs ?? 30_000);
        }
        return result;
      })
      .finally(() => {
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
      await (next ?? inFlight)?.catch(() => undefined);
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
