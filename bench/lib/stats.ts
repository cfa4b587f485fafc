import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` and answers its value with the milliseconds it took. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

export function perSecond(count: number, ms: number): number {
  return (count * 1000) / ms;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatValue(value: number, unit: 'ops/s' | 'ms' | 'MB'): string {
  if (unit === 'MB') return `${grouped.format(value)} MB`;
  return unit === 'ms' ? `${grouped.format(value)} ms` : `${grouped.format(value)}/s`;
}

export function formatCount(value: number): string {
  return grouped.format(value);
}
