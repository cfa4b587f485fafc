// What a bench file exports, and how one of its results is judged.

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
  unit: 'ops/s' | 'ms';
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
