// The mutation-matching desk at scale: 100,000 open expected payments and a 100,000-row BCA
// statement whose credits pay 90% of them (the rest are credits nobody expected, and debits).
//
// 1. Import plus matching: statement.import through the dispatcher (read the CSV, parse every row,
//    de-duplicate against the account, record the rows as chunked journal events, project them,
//    match every credit and record the decisions) as a ratio to raw prepared INSERTs of the same
//    100,000 rows into a copy of pay_mutations (same columns, same indexes), in one transaction,
//    same ledger file. Target ≤ 3.
// 2. Matching alone: payments.match over the same 100,000 new credits (a second ledger where the
//    rows arrived without matching), as a ratio to the same raw insert time. Target ≤ 1: matching
//    takes less time than inserting the rows did.
import { createHash, randomUUID } from 'node:crypto';
import { decide, waitingCredits } from '../electron/core/payments/matching-run';
import { paymentProjectors } from '../electron/core/payments/projectors';
import type { ProjectedEvent } from '../electron/core/dispatch/types';
import type { Db } from '../electron/core/ledger/sql';
import { localDayKey } from '../shared/domain/time';
import type { EventPayload, EventType } from '../shared/events/index';
import { defineBench, type BenchContext, type Measurement } from './lib/bench';
import { freshLedger, type BenchLedger } from './lib/ledger';
import { formatCount, median, timed } from './lib/stats';
import { removeDir } from './lib/temp';
import { mulberry32 } from '../tests/support/random';

const PAYMENTS = 100_000;
const ROWS = 100_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ACCOUNT = '0123456789';
const DAY = 86_400_000;

function project<T extends EventType>(db: Db, type: T, payload: EventPayload<T>, at: number): void {
  const projector = paymentProjectors[type] as ((db: Db, e: ProjectedEvent<T>) => void) | undefined;
  projector!(db, { type, payload, at, deviceId: 'bench', userId: null });
}

interface World {
  ledger: BenchLedger;
  accountId: string;
  totals: number[];
}

async function world(label: string): Promise<World> {
  const ledger = await freshLedger(label);
  const admin = ledger.token;
  await ledger.call('users.create', { username: 'bona', displayName: 'Bona', roles: ['back-office'], password: 'bona-sandi-123' }, admin);
  const token = await ledger.login('bona', 'bona-sandi-123');
  const account = await ledger.call('payments.addAccount', { bank: 'BCA', number: ACCOUNT, holder: 'PT Serambi' }, token);
  // The open payments, made by the desk's own projector: distinct bases, codes 1..999.
  const totals: number[] = [];
  const now = ledger.clock.now;
  ledger.core.db.transaction(() => {
    for (let i = 0; i < PAYMENTS; i++) {
      const base = 10_000 + i * 1000;
      const code = 1 + (i % 999);
      totals.push(base + code);
      project(
        ledger.core.db,
        'payments.expected',
        { id: randomUUID(), accountId: account.id, accountNumber: ACCOUNT, base, code, total: base + code, reference: `INV-${i}`, payerName: null, expiresAt: now + DAY },
        now - 60_000,
      );
    }
  })();
  return { ledger: { ...ledger, token }, accountId: account.id, totals };
}

/** A KlikBCA CSV: 90% of rows pay a payment, the rest are unexpected credits and debits. */
function statementCsv(totals: readonly number[], today: string): string {
  const random = mulberry32(6);
  const [, m, d] = today.split('-');
  const lines = [`No. rekening : ${ACCOUNT}`, 'Nama : PT SERAMBI', `Periode : 01/${m}/${today.slice(0, 4)} - ${d}/${m}/${today.slice(0, 4)}`, 'Kode Mata Uang : IDR', '', 'Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo'];
  for (let i = 0; i < ROWS; i++) {
    const paying = i < ROWS * 0.9;
    const amount = paying ? totals[i]! : 5_000 + Math.floor(random() * 900_000);
    const debit = !paying && random() < 0.5;
    lines.push(`'${d}/${m},'TRSF E-BANKING ${debit ? 'DB' : 'CR'} ${i} PELANGGAN ${i % 997},'0000,${amount}.00,${debit ? 'DB' : 'CR'},${1_000_000 + i}.00`);
  }
  lines.push('', 'Saldo Awal,1000000.00', 'Mutasi Kredit,0', 'Mutasi Debet,0', 'Saldo Akhir,0', '');
  return lines.join('\n');
}

/** The baseline: the same rows, raw prepared INSERTs in one transaction, into a table of the same shape. */
function rawInsert(db: Db, accountId: string, csv: string): number {
  // pay_mutations' own CREATE TABLE and CREATE INDEX statements, renamed: same columns, same indexes
  db.exec(`DROP TABLE IF EXISTS bench_rows`);
  const schema = db.prepare<[], { sql: string }>(`SELECT sql FROM sqlite_master WHERE tbl_name = 'pay_mutations' AND sql IS NOT NULL ORDER BY type DESC`).all();
  for (const { sql } of schema) db.exec(sql.replace(/pay_mutations/g, 'bench_rows'));
  const rows = csv.split('\n').filter((l) => l.startsWith("'"));
  const insert = db.prepare(
    `INSERT INTO bench_rows (id, account_id, date, time, direction, amount_sen, description, reference, balance_sen, key, source, status) VALUES (?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, 'statement', 'new')`,
  );
  // keys of the same form and length as the import's (a 22-character digest)
  const keys = rows.map((line) => createHash('sha256').update(line).digest('base64url').slice(0, 22));
  const start = performance.now();
  db.transaction(() => {
    rows.forEach((line, i) => {
      const cells = line.split(',');
      insert.run(randomUUID(), accountId, '2026-11-21', cells[4], Math.round(Number(cells[3]) * 100), cells[1], Math.round(Number(cells[5]) * 100), keys[i]);
    });
  })();
  return performance.now() - start;
}

/** The statement's rows recorded as an older desk would have: imported, no credit decided yet. */
function recordUndecided(w: World, lines: readonly string[]): void {
  const db = w.ledger.core.db;
  const day = localDayKey(w.ledger.clock.now, 'WIB');
  db.transaction(() => {
    for (let c = 0; c < lines.length; c += 1000) {
      project(
        db,
        'statement.imported',
        {
          importId: 'bench',
          accountId: w.accountId,
          fileName: 'bca.csv',
          format: 'bca',
          chunk: c / 1000,
          summary: null,
          decisions: [],
          fed: [],
          rows: lines.slice(c, c + 1000).map((line, i) => {
            const cells = line.split(',');
            return { id: randomUUID(), date: day, time: null, direction: cells[4] as 'CR' | 'DB', amountSen: Math.round(Number(cells[3]) * 100), description: cells[1]!, reference: null, balanceSen: null, key: `k${c + i}` };
          }),
        },
        w.ledger.clock.now,
      );
    }
  })();
}

async function importRound(ctx: BenchContext): Promise<{ importMs: number; rawMs: number; matchMs: number; decideMs: number; matched: number }> {
  const worlds: World[] = [];
  try {
    const a = await world('payments-import');
    worlds.push(a);
    const csv = statementCsv(a.totals, localDayKey(a.ledger.clock.now, 'WIB'));
    const dataBase64 = Buffer.from(csv).toString('base64');
    const rawMs = rawInsert(a.ledger.core.db, a.accountId, csv);
    const { value: result, ms: importMs } = await timed(() => a.ledger.call('statement.import', { accountId: a.accountId, fileName: 'bca.csv', dataBase64 }, a.ledger.token));
    ctx.progress(`import ${formatCount(result.imported)} rows, ${formatCount(result.matched)} matched: ${importMs.toFixed(0)} ms; raw ${rawMs.toFixed(0)} ms`);
    // Matching alone: the same rows recorded without matching, then payments.match.
    const lines = csv.split('\n').filter((l) => l.startsWith("'"));
    const b = await world('payments-match');
    worlds.push(b);
    recordUndecided(b, lines);
    const { value: counts, ms: matchMs } = await timed(() => b.ledger.call('payments.match', {}, b.ledger.token));
    ctx.progress(`match ${formatCount(counts.matched)} of ${formatCount(counts.matched + counts.unmatched + counts.ambiguous)} credits: ${matchMs.toFixed(0)} ms`);
    // Of that, deciding (reading the credits and the payments, the rules) on a third ledger in the
    // same state, so neither run finds the other's pages already read.
    const c = await world('payments-decide');
    worlds.push(c);
    recordUndecided(c, lines);
    const { ms: decideMs } = await timed(async () => decide(c.ledger.core.db, waitingCredits(c.ledger.core.db)));
    return { importMs, rawMs, matchMs, decideMs, matched: result.matched };
  } finally {
    for (const w of worlds) {
      await w.ledger.close();
      removeDir(w.ledger.dataDir);
    }
  }
}

export default defineBench({
  name: 'payments',
  async run(ctx): Promise<Measurement[]> {
    const imports: number[] = [];
    const raws: number[] = [];
    const matches: number[] = [];
    const decides: number[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      ctx.progress(`round ${r}/${ROUNDS}`);
      const round = await importRound(ctx);
      imports.push(round.importMs);
      raws.push(round.rawMs);
      matches.push(round.matchMs);
      decides.push(round.decideMs);
    }
    ctx.info(`payments: ${formatCount(PAYMENTS)} open expected payments; statement: ${formatCount(ROWS)} BCA rows, 90% paying one of them (median of ${ROUNDS} rounds)`);
    ctx.info(`baseline: the same rows, raw prepared INSERTs in one transaction into a copy of pay_mutations (same columns and indexes), same ledger`);
    const decided = median(decides);
    ctx.info(
      `matching alone, split: deciding (reading the credits and the payments, the rules) ${decided.toFixed(0)} ms = ${(decided / median(raws)).toFixed(2)}× the raw inserts; ` +
        `recording the decisions (journal events, one credit row and one payment row each) the rest`,
    );
    return [
      { name: 'statement import + matching (100k rows vs raw inserts)', measured: median(imports), baseline: median(raws), unit: 'ms', target: { bound: 'atMost', ratio: 3 } },
      { name: 'matching alone (100k credits vs raw inserts)', measured: median(matches), baseline: median(raws), unit: 'ms', target: { bound: 'atMost', ratio: 1 } },
    ];
  },
});
