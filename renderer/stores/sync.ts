import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodInput, MethodOutput } from '../../shared/api';
import type { SyncStatusView } from '../../shared/api/methods/sync';
import { useSessionStore } from './session';

export type SyncRound = MethodOutput<'sync.now'>;

/**
 * The desk's view of its sync with head office: what `sync.status` last said, and the actions a
 * person can take. The status is polled by `useSyncStatus` in the shell; every screen that shows
 * it (top bar, banner, menu badge, settings) reads it from here.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatusView | null>(null);
  /** When the status was read: relative times ("2 menit lalu") count from here. */
  const checkedAt = ref<number | null>(null);
  /** The last read of the status failed (the core itself could not be reached). */
  const stale = ref(false);
  /** A round started from this window is running. */
  const running = ref(false);
  /** Goes up when a round brought something from head office: screens showing lists reload. */
  const revision = ref(0);

  async function refresh(): Promise<void> {
    try {
      status.value = await useSessionStore().call('sync.status', {});
      checkedAt.value = Date.now();
      stale.value = false;
    } catch {
      stale.value = true;
    }
  }

  /** One push/pull round now; throws the core's error (offline, halted, …) for the caller to show. */
  async function syncNow(): Promise<SyncRound> {
    running.value = true;
    try {
      const round = await useSessionStore().call('sync.now', {});
      if (round.pulled > 0) revision.value += 1;
      return round;
    } finally {
      running.value = false;
      await refresh();
    }
  }

  async function enroll(input: MethodInput<'sync.enroll'>): Promise<MethodOutput<'sync.enroll'>> {
    const result = await useSessionStore().call('sync.enroll', input);
    await refresh();
    return result;
  }

  /** After head office was restored from a backup: send again what it lost, then sync. */
  async function reseed(): Promise<SyncRound> {
    await useSessionStore().call('sync.reseed', {});
    return syncNow();
  }

  return { status, checkedAt, stale, running, revision, refresh, syncNow, enroll, reseed };
});
