// The complaints desk at scale.
//
// 1. Weekly evaluation over 200,000 complaints, all logged in the evaluated week: weeklyReportFor
//    (the method's work: the week's rows, their SLA outcomes, every figure, the top articles) as a
//    ratio to one SQL scan reading the same rows' report columns into JS. Target ≤ 3. The complaints
//    are made by the desk's own projectors (logged, then contacted / escalated / waiting / resolved
//    / reopened in a seeded mix), so the rows and SLA columns are the ones a desk would hold.
// 2. Knowledge-base suggestions while typing, on 10,000 articles: kb.suggest through the
//    dispatcher for every keystroke of a few complaint descriptions; median latency printed, and
//    judged against the same FTS5 queries run raw on the same index (target ≤ 3).
import faqSeed from '../resources/kb/faq-002.json';
import { complaintProjectors } from '../electron/core/complaints/projectors';
import { REPORT_COLUMNS, weeklyReportFor } from '../electron/core/complaints/report-query';
import type { ProjectedEvent } from '../electron/core/dispatch/types';
import { upsertArticle } from '../electron/core/kb/queries';
import type { Db } from '../electron/core/ledger/sql';
import { ADMIN } from '../electron/core/testing';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from '../shared/complaints/model';
import type { EventPayload, EventType } from '../shared/events/index';
import type { FaqArticle } from '../shared/kb/faq';
import { suggestQuery } from '../shared/kb/normalize';
import { parseIsoWeek } from '../shared/domain/time';
import { defineBench, type BenchContext, type Measurement } from './lib/bench';
import { setUpLedger } from './lib/ledger';
import { formatCount, median, timed } from './lib/stats';
import { removeDir } from './lib/temp';
import { mulberry32 } from '../tests/support/random';

const COMPLAINTS = 200_000;
const ARTICLES = 10_000;
const ROUNDS = 5;
const WEEK = '2026-W47';
const MIN = 60_000;

const prng = mulberry32;

function project<T extends EventType>(db: Db, type: T, payload: EventPayload<T>, at: number): void {
  const projector = complaintProjectors[type] as ((db: Db, e: ProjectedEvent<T>) => void) | undefined;
  projector!(db, { type, payload, at, deviceId: 'bench', userId: null });
}

function generateComplaints(db: Db, ctx: BenchContext): void {
  const random = prng(47);
  const week = parseIsoWeek(WEEK, 'WIB')!;
  const articleIds = (faqSeed as FaqArticle[]).map((a) => a.id);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const chunk = 10_000;
  for (let start = 0; start < COMPLAINTS; start += chunk) {
    db.transaction(() => {
      for (let i = start; i < start + chunk; i++) {
        const id = `c-${i}`;
        let at = week.start + Math.floor(random() * (week.end - week.start - 3 * 86_400_000));
        const category = pick(COMPLAINT_CATEGORIES);
        project(db, 'complaint.logged', {
          id,
          category,
          channel: pick(COMPLAINT_CHANNELS),
          customer: { name: `Nasabah ${i}`, phone: `+62812${String(10_000_000 + i)}`, nik: null },
          verifiedBy: 'phone',
          description: 'Keluhan nasabah',
          facts: {},
        }, at);
        const step = () => (at += Math.floor(random() * 120 * MIN) + MIN);
        if (random() < 0.9) project(db, 'complaint.customerContacted', { id, note: 'Dihubungi' }, step());
        if (random() < 0.5) project(db, 'complaint.articleUsed', { id, articleId: pick(articleIds) }, step());
        const fate = random();
        if (fate < 0.15) project(db, 'complaint.escalated', { id, to: 'cs-manager', department: null, request: 'Mohon bantuan' }, step());
        else if (fate < 0.25) project(db, 'complaint.waitingCustomer', { id, note: 'Menunggu bukti transfer' }, step());
        else if (fate < 0.9) {
          project(db, 'complaint.resolved', { id, report: {} }, step());
          if (random() < 0.05) project(db, 'complaint.reopened', { id, reason: 'Nasabah kembali' }, step());
        }
      }
    })();
    ctx.progress(`complaints: ${formatCount(start + chunk)} / ${formatCount(COMPLAINTS)}`);
  }
}

async function weeklyEvaluation(ctx: BenchContext): Promise<Measurement> {
  const ledger = await setUpLedger('complaints-weekly');
  try {
    const db = ledger.core.db;
    const { ms: generateMs } = await timed(() => generateComplaints(db, ctx));
    const week = parseIsoWeek(WEEK, 'WIB')!;
    const now = week.end + 86_400_000;
    const scan = db.prepare(`SELECT ${REPORT_COLUMNS} FROM complaints WHERE created_at >= ? AND created_at < ?`);
    const reportMs: number[] = [];
    const scanMs: number[] = [];
    let total = 0;
    weeklyReportFor(db, WEEK, 'WIB', now); // warm both paths
    scan.all(week.start, week.end);
    for (let r = 0; r < ROUNDS; r++) {
      const report = await timed(() => weeklyReportFor(db, WEEK, 'WIB', now));
      total = report.value.total;
      reportMs.push(report.ms);
      const rows = await timed(() => scan.all(week.start, week.end));
      if ((rows.value as unknown[]).length !== total) throw new Error(`the scan read ${(rows.value as unknown[]).length} rows, the report counted ${total}`);
      scanMs.push(rows.ms);
      ctx.progress(`round ${r + 1}/${ROUNDS}: report ${reportMs.at(-1)!.toFixed(0)} ms, scan ${scanMs.at(-1)!.toFixed(0)} ms`);
    }
    ctx.info(`weekly: ${formatCount(total)} complaints in ${WEEK} (made by the projectors in ${(generateMs / 1000).toFixed(1)} s); median of ${ROUNDS} rounds`);
    ctx.info(`weekly: baseline = SELECT of the same rows' ${REPORT_COLUMNS.split(',').length} report columns into JS objects`);
    return { name: `weekly evaluation, ${formatCount(COMPLAINTS)} complaints (vs one SQL scan)`, measured: median(reportMs), baseline: median(scanMs), unit: 'ms', target: { bound: 'atMost', ratio: 3 } };
  } finally {
    await ledger.close();
    removeDir(ledger.dataDir);
  }
}

/** 10,000 articles: the seed's, then variations mixing the seed's questions and steps. */
function generateArticles(db: Db): void {
  const seed = faqSeed as FaqArticle[];
  const random = prng(2);
  db.transaction(() => {
    for (let i = seed.length; i < ARTICLES; i++) {
      const a = seed[Math.floor(random() * seed.length)]!;
      const b = seed[Math.floor(random() * seed.length)]!;
      upsertArticle(
        db,
        { id: `artikel-${i}`, question: `${a.question} (${b.section}) ${i}`, category: a.category, section: b.section, stepGroups: [...a.stepGroups, ...b.stepGroups].slice(0, 10) },
        'headoffice',
        0,
      );
    }
  })();
}

const TYPED = [
  'Nasabah mengeluhkan pencairan pinjaman belum masuk ke rekening padahal status sudah cair',
  'Pembayaran sudah dilakukan lewat VA tetapi notifikasi paid tidak update di aplikasi',
  'User tidak dapat login aplikasi MAS setelah ganti password',
  'Cara melakukan create VA untuk pembayaran angsuran',
];

async function suggestions(ctx: BenchContext): Promise<Measurement> {
  const ledger = await setUpLedger('complaints-kb');
  try {
    const db = ledger.core.db;
    generateArticles(db);
    const admin = await ledger.login(ADMIN.username, ADMIN.password);
    await ledger.call('users.create', { username: 'cs-bench', displayName: 'CS', roles: ['cs'], password: 'kata-sandi-1' }, admin);
    const token = await ledger.login('cs-bench', 'kata-sandi-1');
    const keystrokes = TYPED.flatMap((text) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)));
    const raw = db.prepare(
      `SELECT a.*, bm25(kb_fts, 0, 5, 1) AS rank FROM kb_fts JOIN kb_articles a ON a.doc = kb_fts.rowid WHERE kb_fts MATCH ? ORDER BY rank, a.id LIMIT 5`,
    );
    const suggestMs: number[] = [];
    const rawMs: number[] = [];
    for (let r = 0; r < 2; r++) {
      for (const text of keystrokes) {
        const answer = await timed(() => ledger.core.dispatch({ method: 'kb.suggest', input: { text }, token, transport: 'cli' }));
        if (!answer.value.ok) throw new Error(`kb.suggest failed: ${JSON.stringify(answer.value.error)}`);
        const match = suggestQuery(text);
        const direct = await timed(() => (match === '' ? [] : raw.all(match)));
        if (r === 1) {
          suggestMs.push(answer.ms);
          rawMs.push(direct.ms);
        }
      }
    }
    const sorted = [...suggestMs].sort((a, b) => a - b);
    ctx.info(
      `kb.suggest on ${formatCount(ARTICLES)} articles, ${formatCount(suggestMs.length)} keystrokes: median ${median(suggestMs).toFixed(2)} ms, ` +
        `p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms (baseline: the raw FTS5 query, median ${median(rawMs).toFixed(2)} ms)`,
    );
    return { name: `kb suggestion per keystroke, ${formatCount(ARTICLES)} articles (vs raw FTS5)`, measured: median(suggestMs), baseline: median(rawMs), unit: 'ms', target: { bound: 'atMost', ratio: 3 } };
  } finally {
    await ledger.close();
    removeDir(ledger.dataDir);
  }
}

export default defineBench({
  name: 'complaints',
  async run(ctx) {
    return [await weeklyEvaluation(ctx), await suggestions(ctx)];
  },
});
