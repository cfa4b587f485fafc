// What a bench file exports, and how one of its results is judged.

/** Rates, times, and memory (megabytes) for bounds such as peak memory against a budget. */
export type Unit = 'ops/s' | 'ms' | 'MB';

/** A target is a bound on measured ÷ baseline: 'atLeast' for rates, 'atMost' for times. */
export interface Target {
  bound: 'atLeast' | 'atMost';
  ratio: number;
}

export interface Measurement {
  name: string;
  /** The figure under test and its baseline from the same run, in the same unit. */
  measured: number;
  baseline: number;
  unit: Unit;
  target: Target;
}

export interface BenchContext {
  /** A progress line while the bench runs (stderr). */
  progress(line: string): void;
  /** A line printed under the table: context for a reader, never judged. */
  info(line: string): void;
}

export interface Bench {
  name: string;
  run(ctx: BenchContext): Promise<Measurement[]>;
}

export function defineBench(bench: Bench): Bench {
  return bench;
}

export function ratioOf(m: Measurement): number {
  return m.measured / m.baseline;
}

export function meetsTarget(m: Measurement): boolean {
  const ratio = ratioOf(m);
  return m.target.bound === 'atLeast' ? ratio >= m.target.ratio : ratio <= m.target.ratio;
}
