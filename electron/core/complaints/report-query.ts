import type { WeeklyReportView } from '../../../shared/api/methods/complaints';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus } from '../../../shared/complaints/model';
import { weeklyReport, type ComplaintForReport, type SlaOutcome } from '../../../shared/complaints/report';
import { parseIsoWeek, type Zone } from '../../../shared/domain/time';
import { prepared, type Db } from '../ledger/sql';
import { outcomeAt } from './sla';

// The weekly evaluation: one scan of the week's complaints (by created_at), their SLA outcomes read
// from the columns the projectors keep (see sla.ts), and the figures by shared/complaints/report.ts.
// Article use is counted by SQL over the same rows, so no complaint carries a list into memory.

type ReportRow = [
  id: string,
  category: ComplaintCategory,
  channel: ComplaintChannel,
  status: ComplaintStatus,
  createdAt: number,
  firstResponseAt: number | null,
  resolvedAt: number | null,
  frOutcome: SlaOutcome | null,
  frBreachAt: number,
  resOutcome: SlaOutcome | null,
  resBreachAt: number,
  pausedSince: number | null,
  escalations: number,
];

export const REPORT_COLUMNS =
  'id, category, channel, status, created_at, first_response_at, resolved_at, fr_outcome, fr_breach_at, res_outcome, res_breach_at, paused_since, escalations';

const TOP_ARTICLES = 5;
const NO_ARTICLES: readonly string[] = [];

/** Throws RangeError for text that is not an ISO week. */
export function weeklyReportFor(db: Db, week: string, zone: Zone, now: number): WeeklyReportView {
  const range = parseIsoWeek(week, zone);
  if (!range) throw new RangeError(`not an ISO week: ${week}`);
  const rows = prepared<[number, number], ReportRow>(db, `SELECT ${REPORT_COLUMNS} FROM complaints WHERE created_at >= ? AND created_at < ?`)
    .raw()
    .all(range.start, range.end);
  const complaints: ComplaintForReport[] = new Array<ComplaintForReport>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    complaints[i] = {
      id: r[0],
      category: r[1],
      channel: r[2],
      status: r[3],
      createdAt: r[4],
      firstResponseAt: r[5],
      resolvedAt: r[6],
      firstResponseSla: outcomeAt(r[7], r[8], r[11], now),
      resolutionSla: outcomeAt(r[9], r[10], r[11], now),
      escalations: r[12],
      articleIds: NO_ARTICLES,
    };
  }
  const report = weeklyReport(complaints, { week, zone, topArticles: TOP_ARTICLES });
  const topArticles = prepared<[number, number, number], { id: string; complaints: number; question: string | null }>(
    db,
    `SELECT a.article_id AS id, count(*) AS complaints, k.question FROM complaints c
       JOIN complaint_articles a ON a.complaint_id = c.id LEFT JOIN kb_articles k ON k.id = a.article_id
     WHERE c.created_at >= ? AND c.created_at < ? GROUP BY a.article_id ORDER BY complaints DESC, a.article_id LIMIT ?`,
  ).all(range.start, range.end, TOP_ARTICLES);
  return {
    ...report,
    topArticles: topArticles.map((a) => ({ id: a.id, complaints: a.complaints })),
    articles: topArticles.map((a) => ({ id: a.id, question: a.question ?? a.id })),
  };
}
