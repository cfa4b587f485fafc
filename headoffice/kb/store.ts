import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../../shared/complaints/model';
import { PLAYBOOKS } from '../../shared/complaints/playbooks';
import type { SlaTargets } from '../../shared/complaints/sla';
import { HOLIDAYS_2026, type Holiday } from '../../shared/calendar/holidays';
import { faqArticleSchema, type FaqArticle, type FaqCategory, type FaqStepGroup } from '../../shared/kb/faq';
import type { Sql } from '../db/database';

// What head office decides for every branch's complaints desk, as its tables hold it: the
// knowledge base (the seed 002 FAQ every desk starts with, plus head office's edits, new articles
// and retirements), the holiday calendar and the SLA targets. Until head office sets one, the
// branches use the built-in default, and so does what head office shows.

let seed: readonly FaqArticle[] | null = null;

/** The seed 002 FAQ, as every desk loads it at first start. */
export function seedArticles(): readonly FaqArticle[] {
  seed ??= z.array(faqArticleSchema).parse(JSON.parse(readFileSync(new URL('../../resources/kb/faq-002.json', import.meta.url), 'utf8')));
  return seed;
}

export interface KbArticleRow {
  id: string;
  question: string;
  category: FaqCategory;
  section: string;
  stepGroups: FaqStepGroup[];
  /** 'seed' = as in the seed FAQ; 'edited' = a seed article head office changed; 'headoffice' = added there */
  origin: 'seed' | 'edited' | 'headoffice';
  retired: boolean;
  updatedAt: number | null;
  updatedBy: string | null;
}

type ArticleRecord = {
  id: string;
  question: string | null;
  category: FaqCategory | null;
  section: string | null;
  step_groups: string | null;
  retired: unknown;
  updated_at: unknown;
  updated_by: string | null;
};

/** Every article a branch can have: the seed's, in its order, then head office's own, oldest first. */
export async function kbArticles(sql: Sql): Promise<KbArticleRow[]> {
  const rows = await sql<ArticleRecord>(`SELECT id, question, category, section, step_groups, retired, updated_at, updated_by FROM ho_kb_articles ORDER BY updated_at, id`);
  const changed = new Map(rows.map((r) => [r.id, r]));
  const fromRecord = (r: ArticleRecord, base: FaqArticle | undefined): KbArticleRow => ({
    id: r.id,
    question: r.question ?? base?.question ?? r.id,
    category: r.category ?? base?.category ?? 'KENDALA',
    section: r.section ?? base?.section ?? '',
    stepGroups: r.step_groups ? (JSON.parse(r.step_groups) as FaqStepGroup[]) : (base?.stepGroups ?? []),
    origin: base ? (r.question === null ? 'seed' : 'edited') : 'headoffice',
    retired: Number(r.retired) === 1,
    updatedAt: Number(r.updated_at),
    updatedBy: r.updated_by,
  });
  const seeded = seedArticles().map((a): KbArticleRow => {
    const r = changed.get(a.id);
    return r
      ? fromRecord(r, a)
      : { id: a.id, question: a.question, category: a.category, section: a.section, stepGroups: a.stepGroups, origin: 'seed', retired: false, updatedAt: null, updatedBy: null };
  });
  const seedIds = new Set(seedArticles().map((a) => a.id));
  return [...seeded, ...rows.filter((r) => !seedIds.has(r.id)).map((r) => fromRecord(r, undefined))];
}

export async function kbArticle(sql: Sql, id: string): Promise<KbArticleRow | null> {
  return (await kbArticles(sql)).find((a) => a.id === id) ?? null;
}

export async function holidaysInForce(sql: Sql): Promise<{ holidays: Holiday[]; fromHeadoffice: boolean }> {
  const [state] = await sql(`SELECT key FROM ho_calendar_state WHERE key = 'holidays'`);
  if (!state) return { holidays: [...HOLIDAYS_2026], fromHeadoffice: false };
  const rows = await sql<Holiday>(`SELECT date, name, kind FROM ho_holidays ORDER BY date`);
  return { holidays: rows.map((r) => ({ date: r.date, name: r.name, kind: r.kind })), fromHeadoffice: true };
}

export type TargetsInForce = Record<ComplaintCategory, SlaTargets & { fromHeadoffice: boolean }>;

export async function slaTargetsInForce(sql: Sql): Promise<TargetsInForce> {
  const rows = await sql<{ category: ComplaintCategory; first_response_minutes: unknown; resolution_minutes: unknown; warn_before_minutes: unknown }>(
    `SELECT category, first_response_minutes, resolution_minutes, warn_before_minutes FROM ho_sla_targets`,
  );
  const set = new Map(rows.map((r) => [r.category, r]));
  return Object.fromEntries(
    COMPLAINT_CATEGORIES.map((c) => {
      const r = set.get(c);
      return [
        c,
        r
          ? { firstResponseMinutes: Number(r.first_response_minutes), resolutionMinutes: Number(r.resolution_minutes), warnBeforeMinutes: Number(r.warn_before_minutes), fromHeadoffice: true }
          : { ...PLAYBOOKS[c].slaTargets, fromHeadoffice: false },
      ];
    }),
  ) as TargetsInForce;
}

/** The working week head office set for a branch, or for every branch; null for the built-in one. */
export async function businessWeekOf(sql: Sql, branchCode: string): Promise<unknown> {
  const rows = await sql<{ scope: string; setting: string }>(`SELECT scope, setting FROM ho_business_weeks WHERE scope IN (?, '*')`, [branchCode]);
  const own = rows.find((r) => r.scope === branchCode) ?? rows.find((r) => r.scope === '*');
  return own ? JSON.parse(own.setting) : null;
}

/** Every working week head office set, the all-branch one (branch null) first. */
export async function businessWeeks(sql: Sql): Promise<Array<{ branch: string | null; week: unknown }>> {
  const rows = await sql<{ scope: string; setting: string }>(`SELECT scope, setting FROM ho_business_weeks ORDER BY scope`);
  return rows
    .map((r) => ({ branch: r.scope === '*' ? null : r.scope, week: JSON.parse(r.setting) as unknown }))
    .sort((a, b) => (a.branch === null ? -1 : b.branch === null ? 1 : 0));
}
