import type { EventPayload, EventType } from '../../shared/events/index';
import type { Sql } from '../db/database';
import { fromHeadoffice } from '../rules/from-headoffice';
import type { IncomingEvent, Verdict } from '../rules/index';
import { kbArticle } from './store';

// The events only head office writes for every branch's complaints desk: articles of the
// knowledge base, the holiday calendar, the working weeks and the SLA targets. A desk that pushed
// one would change every branch's rules, so one from a desk is refused.

type Rule<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<Verdict>;
type Effect<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<void>;
type HeadofficeEventType = 'kb.articlePublished' | 'kb.articleRetired' | 'calendar.holidaysSet' | 'calendar.businessWeekSet' | 'complaints.slaTargetsSet';

const OK: Verdict = { ok: true };
const conflict = (detail: string): Verdict => ({ ok: false, reason: 'conflict', detail });

const headofficeOnly =
  <T extends HeadofficeEventType>(rule?: Rule<T>): Rule<T> =>
  async (sql, event, payload) =>
    !(await fromHeadoffice(sql, event)) ? conflict('errors.forbidden') : rule ? rule(sql, event, payload) : OK;

export const kbRules: { [T in HeadofficeEventType]?: Rule<T> } = {
  'kb.articlePublished': headofficeOnly(),
  'kb.articleRetired': headofficeOnly(async (sql, _event, payload) => {
    const article = await kbArticle(sql, payload.id);
    return article && !article.retired ? OK : conflict('errors.notFound');
  }),
  'calendar.holidaysSet': headofficeOnly(async (_sql, _event, payload) =>
    new Set(payload.holidays.map((h) => h.date)).size === payload.holidays.length ? OK : { ok: false, reason: 'schema', detail: 'holidays' },
  ),
  'calendar.businessWeekSet': headofficeOnly(),
  'complaints.slaTargetsSet': headofficeOnly(async (_sql, _event, p) =>
    p.firstResponseMinutes <= p.resolutionMinutes ? OK : { ok: false, reason: 'schema', detail: 'firstResponseMinutes' },
  ),
};

export const kbEffects: { [T in HeadofficeEventType]?: Effect<T> } = {
  'kb.articlePublished': async (sql, event, p) => {
    await sql(
      `INSERT INTO ho_kb_articles (id, question, category, section, step_groups, retired, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 0, ?, ?)
       ON CONFLICT (id) DO UPDATE SET question = excluded.question, category = excluded.category, section = excluded.section,
         step_groups = excluded.step_groups, retired = 0, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [p.id, p.question, p.category, p.section, JSON.stringify(p.stepGroups), event.at, event.username ?? null],
    );
  },
  'kb.articleRetired': async (sql, event, p) => {
    await sql(
      `INSERT INTO ho_kb_articles (id, retired, updated_at, updated_by) VALUES (?, 1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET retired = 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [p.id, event.at, event.username ?? null],
    );
  },
  'calendar.holidaysSet': async (sql, event, p) => {
    await sql(`DELETE FROM ho_holidays`);
    if (p.holidays.length > 0) await sql.insertRows('ho_holidays', ['date', 'name', 'kind'], p.holidays.map((h) => [h.date, h.name, h.kind]));
    await sql(`INSERT INTO ho_calendar_state (key, updated_at) VALUES ('holidays', ?) ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at`, [event.at]);
  },
  'calendar.businessWeekSet': async (sql, event, p) => {
    await sql(
      `INSERT INTO ho_business_weeks (scope, setting, updated_at) VALUES (?, ?, ?) ON CONFLICT (scope) DO UPDATE SET setting = excluded.setting, updated_at = excluded.updated_at`,
      [p.branchCode ?? '*', JSON.stringify(p.week), event.at],
    );
  },
  'complaints.slaTargetsSet': async (sql, event, p) => {
    await sql(
      `INSERT INTO ho_sla_targets (category, first_response_minutes, resolution_minutes, warn_before_minutes, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (category) DO UPDATE SET first_response_minutes = excluded.first_response_minutes, resolution_minutes = excluded.resolution_minutes,
         warn_before_minutes = excluded.warn_before_minutes, updated_at = excluded.updated_at`,
      [p.category, p.firstResponseMinutes, p.resolutionMinutes, p.warnBeforeMinutes, event.at],
    );
  },
};
