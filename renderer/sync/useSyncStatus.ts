import { onScopeDispose, watch } from 'vue';
import { useSyncStore } from '../stores/sync';

/** Timers, injected so tests (and Playwright's clock) drive them. */
export interface PollTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncStatusOptions {
  /** Reads the status once; the sync store's `refresh` by default. */
  refresh?: () => Promise<void>;
  /** Polls only while this holds (someone is logged in). */
  active: () => boolean;
  /** A round is running: poll faster so its progress moves on screen. */
  busy?: () => boolean;
  intervalMs?: number;
  busyIntervalMs?: number;
  timer?: PollTimer;
}

/** Often enough that the top bar is right at a glance, rarely enough to cost nothing. */
export const POLL_MS = 5_000;
export const BUSY_POLL_MS = 1_000;

function windowTimer(): PollTimer {
  return {
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  };
}

/**
 * Keeps the sync status fresh while someone is logged in: a first read at once (never awaited, so
 * the first paint does not wait for it), then one every few seconds. The next read is planned when
 * the last one has answered, so a slow core never piles reads up.
 */
export function useSyncStatus(options: SyncStatusOptions): { poll: () => Promise<void> } {
  const refresh = options.refresh ?? useSyncStore().refresh;
  const timer = options.timer ?? windowTimer();
  const busy = options.busy ?? (() => false);
  let handle: unknown = null;
  let inFlight: Promise<void> | null = null;
  let disposed = false;

  function cancel(): void {
    if (handle === null) return;
    timer.clearTimeout(handle);
    handle = null;
  }

  function plan(): void {
    cancel();
    if (disposed || !options.active()) return;
    handle = timer.setTimeout(() => {
      handle = null;
      void poll();
    }, busy() ? (options.busyIntervalMs ?? BUSY_POLL_MS) : (options.intervalMs ?? POLL_MS));
  }

  /** Reads now (or joins the read under way) and plans the next one. */
  function poll(): Promise<void> {
    if (disposed || !options.active()) return Promise.resolve();
    inFlight ??= refresh()
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
        plan();
      });
    return inFlight;
  }

  const stop = watch(
    options.active,
    (active) => {
      if (active) void poll();
      else cancel();
    },
    { immediate: true },
  );
  // A round started here: follow it closely from now, not at the next slow tick.
  const stopBusy = watch(busy, (isBusy) => {
    if (isBusy && inFlight === null) plan();
  });

  onScopeDispose(() => {
    disposed = true;
    stop();
    stopBusy();
    cancel();
  });

  return { poll };
}
