// The invoice-batches desk at scale (seed 004).
//
// 1. A 10,000-row E-Invoice sheet: invoices.import through the dispatcher (decode, read the
//    workbook, check every row against the rules and the branch's earlier numbers, give each a VA,
//    record the batch as chunked journal events and project them) as a ratio to SheetJS's own parse
//    of the same file (XLSX.read into a workbook), same run. Target ≤ 2.
// 2. A 50,000-row sheet imported in a process of its own: its peak resident memory against a
//    budget of 1 GB. Target ≤ 1.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { defineBench, type BenchContext, type Measurement } from './lib/bench';
import { invoiceSheet } from './lib/invoice-sheet';
import { freshLedger } from './lib/ledger';
import { formatCount, median, timed } from './lib/stats';
import { removeDir } from './lib/temp';

const ROWS = 10_000;
const BIG_ROWS = 50_000;
const BUDGET_MB = 1024;
// a round takes about a second, and SheetJS's parse time varies by a fifth from one to the next:
// the median of seven rounds holds still where three would not
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

async function importRound(ctx: BenchContext, file: Buffer): Promise<{ importMs: number; parseMs: number }> {
  const ledger = await freshLedger('invoices-import');
  try {
    await ledger.call('users.create', { username: 'bona', displayName: 'Bona', roles: ['back-office'], password: 'bona-sandi-123' }, ledger.token);
    const token = await ledger.login('bona', 'bona-sandi-123');
    const { ms: parseMs } = await timed(() => XLSX.read(file, { type: 'buffer' }));
    const { value, ms: importMs } = await timed(() => ledger.call('invoices.import', { module: 'einvoice', fileName: 'tagihan.xlsx', dataBase64: file.toString('base64') }, token));
    if (value.accepted !== ROWS) throw new Error(`expected ${ROWS} accepted rows, got ${value.accepted} (${value.errors[0]?.key ?? 'no error'})`);
    ctx.progress(`import ${formatCount(value.accepted)} rows: ${importMs.toFixed(0)} ms; SheetJS parse ${parseMs.toFixed(0)} ms`);
    return { importMs, parseMs };
  } finally {
    await ledger.close();
    removeDir(ledger.dataDir);
  }
}

function peakMemoryMb(ctx: BenchContext): number {
  const child = fileURLToPath(new URL('./lib/invoice-import-child.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, String(BIG_ROWS)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as { accepted: number; peakMb: number };
  if (result.accepted !== BIG_ROWS) throw new Error(`expected ${BIG_ROWS} accepted rows, got ${result.accepted}`);
  ctx.progress(`import ${formatCount(BIG_ROWS)} rows in a process of its own: peak ${result.peakMb.toFixed(0)} MB`);
  return result.peakMb;
}

export default defineBench({
  name: 'invoices',
  async run(ctx): Promise<Measurement[]> {
    const file = invoiceSheet(ROWS);
    const imports: number[] = [];
    const parses: number[] = [];
    // a first round warms both sides (SheetJS and the import's own code) and is not counted
    for (let r = 0; r <= ROUNDS; r++) {
      ctx.progress(r === 0 ? 'warm-up round' : `round ${r}/${ROUNDS}`);
      const round = await importRound(ctx, file);
      if (r === 0) continue;
      imports.push(round.importMs);
      parses.push(round.parseMs);
    }
    const peak = peakMemoryMb(ctx);
    ctx.info(`sheet: ${formatCount(ROWS)} E-Invoice rows, ${formatCount(file.length)} bytes (median of ${ROUNDS} rounds after a warm-up); baseline: XLSX.read of the same file, same run`);
    ctx.info(`memory: ${formatCount(BIG_ROWS)} rows imported in a child process (parse, check, VAs, journal, projection), its peak RSS against a 1 GB budget`);
    return [
      { name: `invoice sheet import (${formatCount(ROWS)} rows vs SheetJS parse)`, measured: median(imports), baseline: median(parses), unit: 'ms', target: { bound: 'atMost', ratio: 2 } },
      { name: `peak memory importing ${formatCount(BIG_ROWS)} rows (vs 1 GB)`, measured: peak, baseline: BUDGET_MB, unit: 'MB', target: { bound: 'atMost', ratio: 1 } },
    ];
  },
});
