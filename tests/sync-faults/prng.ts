// The harness's only source of chance. Every decision (the workload, each desk's faults, the
// kill schedule) draws from its own stream derived from the one printed seed, so a stream does
// not shift when another stream is drawn from more or less often in a different run.

import { mulberry32, type Random } from '../support/random';

export type { Random };

/** A stream of its own for `label` (FNV-1a over seed and label). */
export function streamFor(seed: number, label: string): Random {
  let h = 0x811c9dc5;
  for (const ch of `${seed >>> 0}:${label}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mulberry32(h);
}

export const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** The seed of this run: SYNC_FAULT_SEED when replaying, otherwise a fresh one. */
export function runSeed(): number {
  const given = process.env.SYNC_FAULT_SEED;
  if (given && /^\d+$/.test(given)) return Number(given) >>> 0;
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}
