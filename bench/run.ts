// `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or those whose name contains one of
// the NAMEs) and prints each result as a ratio to a baseline measured in the same run.
// Exits 0 even when a target is missed (a bench reports; it does not flake CI) and 1 when a
// bench crashes or no bench matches.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { meetsTarget, ratioOf, type Bench, type Measurement } from './lib/bench';
import { formatValue, timed } from './lib/stats';
import { renderTable } from './lib/table';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const SUFFIX = '.bench.ts';

interface Outcome {
  bench: string;
  seconds: number;
  measurements: Measurement[];
  info: string[];
  crash?: string;
}

function selectBenches(filters: string[]): string[] {
  const names = readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
  const chosen = filters.length === 0 ? names : names.filter((name) => filters.some((f) => name.includes(f)));
  if (chosen.length === 0) {
    console.error(`No bench matches ${filters.join(', ')}. Benches: ${names.join(', ')}`);
    process.exit(1);
  }
  return chosen;
}

async function runOne(name: string): Promise<Outcome> {
  const info: string[] = [];
  const ctx = {
    progress: (line: string) => process.stderr.write(`[${name}] ${line}\n`),
    info: (line: string) => info.push(line),
  };
  process.stderr.write(`[${name}] starting\n`);
  try {
    const module = (await import(pathToFileURL(join(BENCH_DIR, name + SUFFIX)).href)) as { default: Bench };
    const { value, ms } = await timed(() => module.default.run(ctx));
    return { bench: name, seconds: ms / 1000, measurements: value, info };
  } catch (error) {
    return { bench: name, seconds: 0, measurements: [], info, crash: (error as Error).stack ?? String(error) };
  }
}

function report(outcomes: Outcome[]): string {
  const rows = outcomes.flatMap((o) =>
    o.crash
      ? [[o.bench, '-', '-', '-', '-', 'CRASH']]
      : o.measurements.map((m) => [
          m.name,
          formatValue(m.measured, m.unit),
          formatValue(m.baseline, m.unit),
          ratioOf(m).toFixed(2),
          `${m.target.bound === 'atLeast' ? '>=' : '<='} ${Number(m.target.ratio.toFixed(2))}`,
          meetsTarget(m) ? 'PASS' : 'MISS',
        ]),
  );
  const lines = [renderTable(['bench', 'measured', 'baseline', 'ratio', 'target', 'result'], rows)];
  for (const o of outcomes) {
    lines.push('', `${o.bench}${o.crash ? ' (crashed)' : ` (${o.seconds.toFixed(1)} s)`}:`);
    lines.push(...o.info.map((line) => `  ${line}`));
    if (o.crash) lines.push(...o.crash.split('\n').map((line) => `  ${line}`));
  }
  return lines.join('\n');
}

const outcomes: Outcome[] = [];
for (const name of selectBenches(process.argv.slice(2))) outcomes.push(await runOne(name));
console.log(`\n${report(outcomes)}`);
// Exit explicitly: a crashed bench may leave a worker or a child behind that would hold the loop.
process.exit(outcomes.some((o) => o.crash) ? 1 : 0);
