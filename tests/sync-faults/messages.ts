// What the harness's child processes and the test say to each other: one JSON object a line,
// children on stdout, the test on a child's stdin. A child killed mid-line leaves a torn line,
// which the reader skips.

export interface DeskConfig {
  desk: number;
  /** How many times this desk's process has been started, this one included. */
  incarnation: number;
  seed: number;
  steps: number;
  dataDir: string;
  /** The fault proxy: the only head office a desk ever knows. */
  headofficeUrl: string;
  enrollCode: string;
  /** Steps recorded per group commit, and the usual pause between two commits. */
  chunk: number;
  pauseMs: number;
  batchSize: number;
}

export interface SyncTally {
  rounds: number;
  failed: number;
  halted: string | null;
  errors: Record<string, number>;
}

export type DeskMessage =
  | { t: 'opened'; deviceId: string; stepsDone: number; pullCursor: number | null; pushedUpto: number | null }
  | { t: 'ready'; deviceId: string; stepsDone: number }
  | { t: 'progress'; done: number; of: number; sync: SyncTally }
  | { t: 'workload-done'; own: number; sync: SyncTally }
  | { t: 'halted'; key: string }
  | { t: 'drained'; own: number; pending: number; sync: SyncTally }
  | { t: 'settled'; pulledLast: number; verify: { ok: boolean; checked: number; brokenAt: unknown } }
  | { t: 'fatal'; error: string };

export type DeskCommand = { cmd: 'drain' } | { cmd: 'settle' } | { cmd: 'exit' };

export type HeadofficeMessage = { t: 'listening'; port: number; epoch: string } | { t: 'fatal'; error: string };

export function parseLine<T>(line: string): T | null {
  try {
    const value = JSON.parse(line) as unknown;
    return value && typeof value === 'object' && 't' in value ? (value as T) : null;
  } catch {
    return null;
  }
}
