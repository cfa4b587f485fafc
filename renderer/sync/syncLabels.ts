import type { SyncStatusView } from '../../shared/api/methods/sync';

// How the sync status reads at a glance. Pure, so the rules are tested without a screen.

/** The one word of the top bar, in order of what matters most to the person at the desk. */
export type SyncState = 'checking' | 'notEnrolled' | 'halted' | 'syncing' | 'offline' | 'trouble' | 'never' | 'online';

export function syncState(status: SyncStatusView | null, running = false): SyncState {
  if (!status) return 'checking';
  if (!status.enrolled) return 'notEnrolled';
  if (status.halted) return 'halted';
  if (status.progress || running) return 'syncing';
  if (status.online === false) return 'offline';
  if (status.lastError) return 'trouble';
  if (status.online === null) return 'never';
  return 'online';
}

/** Element Plus's colour for each state. */
export function stateTone(state: SyncState): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (state) {
    case 'online':
      return 'success';
    case 'syncing':
      return 'primary';
    case 'offline':
    case 'trouble':
      return 'warning';
    case 'halted':
      return 'danger';
    default:
      return 'info';
  }
}

export interface Words {
  key: string;
  params?: Record<string, number | string>;
}

/**
 * "baru saja", "5 menit lalu", "2 jam lalu"; past half a day, null: then the branch's wall-clock
 * time says more than a count of hours.
 */
export function sinceWords(at: number, now: number): Words | null {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return { key: 'syncStatus.since.justNow' };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { key: 'syncStatus.since.minutes', params: { n: minutes } };
  const hours = Math.floor(minutes / 60);
  if (hours < 12) return { key: 'syncStatus.since.hours', params: { n: hours } };
  return null;
}

/** The status keeps only the key of its last error; a refusal then reads without its code. */
export function lastErrorWords(error: { key: string }): Words {
  return error.key === 'sync.error.refused' ? { key: 'syncStatus.refusedNoCode' } : { key: error.key };
}

export type HaltKind = 'epochChanged' | 'restored' | 'revoked' | 'other';

export function haltKind(key: string | null | undefined): HaltKind | null {
  if (!key) return null;
  switch (key) {
    case 'sync.halted.epochChanged':
      return 'epochChanged';
    case 'sync.halted.restored':
      return 'restored';
    case 'sync.halted.revoked':
      return 'revoked';
    default:
      return 'other';
  }
}

/** Push has a total; pull does not know how much is coming. */
export function progressPercent(progress: SyncStatusView['progress']): number | null {
  if (!progress || progress.total === null || progress.total <= 0) return null;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}
