import type { KbArticle, KbHit } from '../../../shared/api/methods/kb';
import type { FaqCategory, FaqStepGroup } from '../../../shared/kb/faq';
import { ftsDocument } from '../../../shared/kb/normalize';
import { prepared, type Db } from '../ledger/sql';

// The knowledge base's SQL: kb_articles and its FTS5 index kb_fts (one row per live article,
// rowid = kb_articles.doc), written by the seed migration and the kb.* projectors.

interface ArticleRow {
  doc: number;
  id: string;
  question: string;
  category: FaqCategory;
  section: string;
  step_groups: string;
  steps: string;
  retired: number;
}

export interface ArticleInput {
  id: string;
  question: string;
  category: FaqCategory;
  section: string;
  stepGroups: FaqStepGroup[];
}

/** Every step as text, a heading prefixed ("MAS: Login MAS"), as in the seed. */
export function flatSteps(groups: readonly FaqStepGroup[]): string[] {
  return groups.flatMap((g) => g.steps.map((s) => (g.heading ? `${g.heading}: ${s}` : s)));
}

function indexArticle(db: Db, doc: number, article: { id: string; question: string; section: string; steps: readonly string[] }): void {
  prepared(db, `DELETE FROM kb_fts WHERE rowid = ?`).run(doc);
  prepared(db, `INSERT INTO kb_fts (rowid, id, question, body) VALUES (?, ?, ?, ?)`).run(
    doc,
    article.id,
    ftsDocument(article.question),
    ftsDocument(`${article.section} ${article.steps.join(' ')}`),
  );
}

/** New or edited article (same id): the row and its index entry. */
export function upsertArticle(db: Db, article: ArticleInput, origin: 'seed' | 'headoffice', at: number | null): void {
  const steps = flatSteps(article.stepGroups);
  const doc = prepared<unknown[], { doc: number }>(
    db,
    `INSERT INTO kb_articles (id, question, category, section, step_groups, steps, origin, retired, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)
     ON CONFLICT (id) DO UPDATE SET question = excluded.question, category = excluded.category, section = excluded.section,
       step_groups = excluded.step_groups, steps = excluded.steps, origin = excluded.origin, retired = 0, updated_at = excluded.updated_at
     RETURNING doc`,
  ).get(article.id, article.question, article.category, article.section, JSON.stringify(article.stepGroups), JSON.stringify(steps), origin, at)!.doc;
  indexArticle(db, doc, { ...article, steps });
}

export function retireArticle(db: Db, id: string, at: number): void {
  const row = prepared<[string], { doc: number }>(db, `SELECT doc FROM kb_articles WHERE id = ?`).get(id);
  if (!row) return;
  prepared(db, `UPDATE kb_articles SET retired = 1, updated_at = ? WHERE doc = ?`).run(at, row.doc);
  prepared(db, `DELETE FROM kb_fts WHERE rowid = ?`).run(row.doc);
}

function toArticle(row: ArticleRow): KbArticle {
  return {
    id: row.id,
    question: row.question,
    category: row.category,
    section: row.section,
    stepGroups: JSON.parse(row.step_groups) as FaqStepGroup[],
    steps: JSON.parse(row.steps) as string[],
  };
}

/** A live article; `includeRetired` for one a complaint already names. */
export function findArticle(db: Db, id: string, includeRetired = false): KbArticle | null {
  const row = prepared<[string], ArticleRow>(db, `SELECT * FROM kb_articles WHERE id = ?`).get(id);
  return row && (includeRetired || row.retired === 0) ? toArticle(row) : null;
}

const PREVIEW_STEPS = 3;

/**
 * Articles matching an FTS5 expression (shared/kb/normalize.ts suggestQuery), best first: bm25
 * with the question weighing five times the answer.
 */
export function matchArticles(db: Db, match: string, limit: number): KbHit[] {
  if (match === '') return [];
  const rows = prepared<[string, number], ArticleRow & { rank: number }>(
    db,
    `SELECT a.*, bm25(kb_fts, 0, 5, 1) AS rank FROM kb_fts JOIN kb_articles a ON a.doc = kb_fts.rowid
     WHERE kb_fts MATCH ? ORDER BY rank, a.id LIMIT ?`,
  ).all(match, limit);
  return rows.map((row) => ({
    id: row.id,
    question: row.question,
    category: row.category,
    section: row.section,
    steps: (JSON.parse(row.steps) as string[]).slice(0, PREVIEW_STEPS),
    // bm25 is lower for better matches; the contract's score is higher for better ones
    score: Math.round(-row.rank * 1000) / 1000,
  }));
}

/** The first live articles in their sections' order, for an empty search box. */
export function firstArticles(db: Db, limit: number): KbHit[] {
  return prepared<[number], ArticleRow>(db, `SELECT * FROM kb_articles WHERE retired = 0 ORDER BY doc LIMIT ?`)
    .all(limit)
    .map((row) => ({ id: row.id, question: row.question, category: row.category, section: row.section, steps: (JSON.parse(row.steps) as string[]).slice(0, PREVIEW_STEPS), score: 0 }));
}
