// Journal append through the dispatcher: at least 1/3 of the rate of raw prepared inserts of the
// same rows in one transaction, measured in the same run.
//
// Measured: N mutating calls (auth.setLocale, alternating 'id'/'en': a cheap real method with a
// role check, zod validation, a savepoint, a hash-chained journal event and a projection update)
// fired at once through core.dispatch, as a burst of desk calls arrives, so the group commit can
// share one transaction. Baseline: the very rows that burst wrote, with their hashes, inserted by
// one prepared statement in one transaction into the journal of another fresh ledger (same
// schema, indexes and pragmas: WAL, synchronous=FULL).
import type { Db } from '../electron/core/ledger/sql';
import { defineBench } from './lib/bench';
import { freshLedger, INSERT_JOURNAL, JOURNAL_COLUMNS, type BenchLedger, type JournalRow } from './lib/ledger';
import { formatCount, median, perSecond, timed } from './lib/stats';
import { removeDir } from './lib/temp';

const N = 20_000;
const WARM_UP_N = 2_000;
const ROUNDS = 3;
const SEQUENTIAL_N = 300;

function lastSeq(db: Db): number {
  return (db.prepare(`SELECT coalesce(max(seq), 0) AS seq FROM journal`).get() as { seq: number }).seq;
}

function setLocaleCall(ledger: BenchLedger, i: number) {
  return { method: 'auth.setLocale', input: { locale: i % 2 === 0 ? 'en' : 'id' }, token: ledger.token, transport: 'cli' as const };
}

function expectOk(answer: Awaited<ReturnType<BenchLedger['core']['dispatch']>>): void {
  if (!answer.ok) throw new Error(`dispatch failed: ${JSON.stringify(answer.error)}`);
}

/** N calls at once; answers the elapsed milliseconds and the journal rows they appended. */
async function burst(ledger: BenchLedger, n: number): Promise<{ ms: number; rows: JournalRow[] }> {
  const before = lastSeq(ledger.core.db);
  const { value: answers, ms } = await timed(() =>
    Promise.all(Array.from({ length: n }, (_, i) => ledger.core.dispatch(setLocaleCall(ledger, i)))),
  );
  answers.forEach(expectOk);
  const rows = ledger.core.db
    .prepare(`SELECT ${JOURNAL_COLUMNS.join(', ')} FROM journal WHERE seq > ? ORDER BY seq`)
    .all(before) as JournalRow[];
  if (rows.length !== n) throw new Error(`expected ${n} journal events, found ${rows.length}`);
  return { ms, rows };
}

/** The same rows, raw: one prepared INSERT per row inside one transaction (commit included). */
async function rawInsert(ledger: BenchLedger, rows: JournalRow[]): Promise<number> {
  const db = ledger.core.db;
  const insert = db.prepare(INSERT_JOURNAL);
  const { ms } = await timed(() =>
    db.transaction(() => {
      for (const row of rows) insert.run(row);
    })(),
  );
  return ms;
}

async function sequential(ledger: BenchLedger, n: number): Promise<number> {
  const { ms } = await timed(async () => {
    for (let i = 0; i < n; i++) expectOk(await ledger.core.dispatch(setLocaleCall(ledger, i)));
  });
  return ms;
}

async function round(n: number): Promise<{ dispatchMs: number; rawMs: number; sequentialMs?: number }> {
  const target = await freshLedger('journal');
  const baseline = await freshLedger('journal-raw');
  try {
    const { ms: dispatchMs, rows } = await burst(target, n);
    const rawMs = await rawInsert(baseline, rows);
    return { dispatchMs, rawMs };
  } finally {
    for (const ledger of [target, baseline]) {
      await ledger.close();
      removeDir(ledger.dataDir);
    }
  }
}

export default defineBench({
  name: 'journal-append',
  async run(ctx) {
    ctx.progress(`warm-up: ${formatCount(WARM_UP_N)} calls`);
    await round(WARM_UP_N);
    const dispatchRates: number[] = [];
    const rawRates: number[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const { dispatchMs, rawMs } = await round(N);
      dispatchRates.push(perSecond(N, dispatchMs));
      rawRates.push(perSecond(N, rawMs));
      ctx.progress(
        `round ${r}/${ROUNDS}: dispatcher ${formatCount(dispatchRates.at(-1)!)}/s, raw ${formatCount(rawRates.at(-1)!)}/s`,
      );
    }

    const seqLedger = await freshLedger('journal-seq');
    let sequentialRate: number;
    try {
      await sequential(seqLedger, 20); // warm the single-call path
      sequentialRate = perSecond(SEQUENTIAL_N, await sequential(seqLedger, SEQUENTIAL_N));
    } finally {
      await seqLedger.close();
      removeDir(seqLedger.dataDir);
    }

    const dispatchRate = median(dispatchRates);
    const rawRate = median(rawRates);
    ctx.info(`measured: ${formatCount(N)} auth.setLocale calls at once through core.dispatch (median of ${ROUNDS} rounds, after a warm-up)`);
    ctx.info(`baseline: the same ${formatCount(N)} journal rows, raw prepared INSERTs in one transaction, fresh ledger`);
    ctx.info(`per event: dispatcher ${(1e6 / dispatchRate).toFixed(1)} µs, raw insert ${(1e6 / rawRate).toFixed(1)} µs`);
    ctx.info(
      `for information, not judged: ${formatCount(SEQUENTIAL_N)} sequential awaited calls (one commit and fsync each): ` +
        `${formatCount(sequentialRate)} calls/s`,
    );
    return [
      {
        name: 'journal append (dispatcher burst vs raw inserts)',
        measured: dispatchRate,
        baseline: rawRate,
        unit: 'ops/s',
        target: { bound: 'atLeast', ratio: 0.33 },
      },
    ];
  },
});
