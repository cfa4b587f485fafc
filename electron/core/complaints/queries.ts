import type { ComplaintFacts, ComplaintSummary, ComplaintView, ResolutionReportView } from '../../../shared/api/methods/complaints';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus, IdentityMethod, WorkingStatus } from '../../../shared/complaints/model';
import type { StatusChange } from '../../../shared/complaints/status';
import type { SlaOutcome } from '../../../shared/complaints/report';
import { prepared, type Db } from '../ledger/sql';
import { getBranch } from '../settings/queries';
import { adviceOf } from './advice';
import { slaSettings, type SlaSettings } from './settings';
import { clocksOf } from './sla';

// The SQL of the complaints desk: complaints and its side tables, written only by the projectors.

export interface ComplaintRow {
  id: string;
  number: number;
  category: ComplaintCategory;
  channel: ComplaintChannel;
  status: ComplaintStatus;
  customer_name: string;
  customer_phone: string | null;
  customer_nik: string | null;
  verified_by: IdentityMethod;
  description: string;
  facts: string;
  steps_done: string;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  first_response_at: number | null;
  resolved_at: number | null;
  resumes_to: WorkingStatus | null;
  escalation: ComplaintSummary['escalation'];
  escalations: number;
  department: string | null;
  history: string;
  paused_since: number | null;
  fr_outcome: SlaOutcome | null;
  fr_breach_at: number;
  res_outcome: SlaOutcome | null;
  res_breach_at: number;
  report: string | null;
  resolved_by: string | null;
}

/** A row as the core reasons about it: JSON columns parsed. */
export interface ComplaintRecord extends ComplaintRow {
  parsedFacts: ComplaintFacts;
  stepsDone: string[];
  statusHistory: StatusChange[];
}

function toRecord(row: ComplaintRow): ComplaintRecord {
  return {
    ...row,
    parsedFacts: JSON.parse(row.facts) as ComplaintFacts,
    stepsDone: JSON.parse(row.steps_done) as string[],
    statusHistory: JSON.parse(row.history) as StatusChange[],
  };
}

export function findComplaint(db: Db, id: string): ComplaintRecord | null {
  const row = prepared<[string], ComplaintRow>(db, `SELECT * FROM complaints WHERE id = ?`).get(id);
  return row ? toRecord(row) : null;
}

/** `KL-JKT01-000042` */
export function complaintNumber(branchCode: string | null, number: number): string {
  return `KL-${branchCode ?? 'CABANG'}-${String(number).padStart(6, '0')}`;
}

function displayName(db: Db, userId: string | null): string | null {
  if (!userId) return null;
  return prepared<[string], { display_name: string }>(db, `SELECT display_name FROM users WHERE id = ?`).get(userId)?.display_name ?? null;
}

interface SummaryContext {
  branchCode: string | null;
  settings: SlaSettings;
  now: number;
}

function summaryContext(db: Db, now: number): SummaryContext {
  return { branchCode: getBranch(db)?.code ?? null, settings: slaSettings(db), now };
}

function toSummary(db: Db, record: ComplaintRecord, ctx: SummaryContext): ComplaintSummary {
  const sla = clocksOf(
    { category: record.category, createdAt: record.created_at, history: record.statusHistory, firstResponseAt: record.first_response_at, resolvedAt: record.resolved_at },
    ctx.settings,
    ctx.now,
  );
  return {
    id: record.id,
    number: complaintNumber(ctx.branchCode, record.number),
    category: record.category,
    channel: record.channel,
    status: record.status,
    customerName: record.customer_name,
    description: record.description,
    createdAt: record.created_at,
    createdBy: displayName(db, record.created_by),
    firstResponseAt: record.first_response_at,
    resolvedAt: record.resolved_at,
    escalation: record.escalation,
    sla,
  };
}

interface TimelineRow {
  at: number;
  type: string;
  user_id: string | null;
  note: string | null;
  department: string | null;
}

function toView(db: Db, record: ComplaintRecord, ctx: SummaryContext): ComplaintView {
  const timeline = prepared<[string], TimelineRow>(
    db,
    `SELECT at, type, user_id, note, department FROM complaint_timeline WHERE complaint_id = ? ORDER BY at, seq`,
  ).all(record.id);
  const articles = prepared<[string], { id: string; question: string | null }>(
    db,
    `SELECT a.article_id AS id, k.question FROM complaint_articles a LEFT JOIN kb_articles k ON k.id = a.article_id WHERE a.complaint_id = ? ORDER BY a.at, a.article_id`,
  ).all(record.id);
  const attachments = prepared<[string], { id: string; file_name: string; mime_type: ComplaintView['attachments'][number]['mimeType']; size: number; at: number }>(
    db,
    `SELECT id, file_name, mime_type, size, at FROM complaint_attachments WHERE complaint_id = ? ORDER BY at, rowid`,
  ).all(record.id);
  const report = record.report ? (JSON.parse(record.report) as Omit<ResolutionReportView, 'by'>) : null;
  return {
    ...toSummary(db, record, ctx),
    customer: { name: record.customer_name, phone: record.customer_phone, nik: record.customer_nik },
    verifiedBy: record.verified_by,
    facts: record.parsedFacts,
    stepsDone: record.stepsDone,
    advice: adviceOf(record.category, record.parsedFacts, ctx.now),
    department: record.department,
    timeline: timeline.map((t) => ({ at: t.at, type: t.type, by: displayName(db, t.user_id), note: t.note, department: t.department })),
    articles: articles.map((a) => ({ id: a.id, question: a.question ?? a.id })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, mimeType: a.mime_type, size: a.size, at: a.at })),
    report: report ? { ...report, department: report.department ?? null, by: displayName(db, record.resolved_by) } : null,
  };
}

/** The complaint as the desk shows it, its SLA clocks at `now`; null when this desk has no such complaint. */
export function complaintViewOf(db: Db, id: string, now: number): ComplaintView | null {
  const record = findComplaint(db, id);
  return record ? toView(db, record, summaryContext(db, now)) : null;
}

/** Longest list a desk gets in one answer; the filters narrow it. */
export const LIST_LIMIT = 500;

export interface ComplaintFilter {
  status?: ComplaintStatus | undefined;
  category?: ComplaintCategory | undefined;
  /** name and description contain `pattern`, NIK contains `nikPattern`, phone equals `phone` (E.164) */
  text?: { pattern: string; nikPattern: string; phone: string | null } | undefined;
  attention?: boolean | undefined;
}

/** Newest first. */
export function listComplaints(db: Db, filter: ComplaintFilter, now: number): ComplaintSummary[] {
  const where: string[] = [];
  const params: Record<string, string | number | null> = {};
  if (filter.status) {
    where.push('status = @status');
    params.status = filter.status;
  }
  if (filter.category) {
    where.push('category = @category');
    params.category = filter.category;
  }
  if (filter.text) {
    where.push(
      `(customer_name LIKE @pattern ESCAPE '\\' OR description LIKE @pattern ESCAPE '\\' OR customer_nik LIKE @nikPattern ESCAPE '\\' OR customer_phone = @phone)`,
    );
    Object.assign(params, filter.text);
  }
  // Attention: every complaint still running, its clocks judged below; resolved ones need none.
  if (filter.attention) where.push(`status <> 'resolved'`);
  const sql = `SELECT * FROM complaints ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, number DESC ${filter.attention ? '' : `LIMIT ${LIST_LIMIT}`}`;
  const ctx = summaryContext(db, now);
  const rows = db.prepare<Record<string, string | number | null>, ComplaintRow>(sql).all(params);
  const summaries = rows.map((row) => toSummary(db, toRecord(row), ctx));
  if (!filter.attention) return summaries;
  const needsAttention = (s: ComplaintSummary) =>
    [s.sla.firstResponse.state, s.sla.resolution.state].some((state) => state === 'warning' || state === 'breached');
  return summaries.filter(needsAttention).slice(0, LIST_LIMIT);
}

export interface CustomerRow {
  name: string;
  phone: string | null;
  nik: string | null;
  source: 'complaint' | 'otp';
  lastSeenAt: number;
}

/** Customers met in earlier complaints or account-opening applications. */
export function findCustomers(db: Db, match: { pattern: string; phone: string | null; nik: string | null }, limit = 20): CustomerRow[] {
  const complaints = prepared<typeof match, { name: string; phone: string | null; nik: string | null; last: number }>(
    db,
    `SELECT customer_name AS name, customer_phone AS phone, customer_nik AS nik, max(created_at) AS last FROM complaints
     WHERE customer_name LIKE @pattern ESCAPE '\\' OR customer_phone = @phone OR customer_nik = @nik
     GROUP BY customer_name, customer_phone, customer_nik ORDER BY last DESC LIMIT ${limit}`,
  ).all(match);
  const applications = prepared<typeof match, { name: string; phone: string | null; nik: string | null; last: number }>(
    db,
    `SELECT customer_name AS name, phone1 AS phone, nik, max(updated_at) AS last FROM otp_applications
     WHERE customer_name LIKE @pattern ESCAPE '\\' OR phone1 = @phone OR phone2 = @phone OR nik = @nik
     GROUP BY customer_name, phone1, nik ORDER BY last DESC LIMIT ${limit}`,
  ).all(match);
  return [
    ...complaints.map((c) => ({ name: c.name, phone: c.phone, nik: c.nik, source: 'complaint' as const, lastSeenAt: c.last })),
    ...applications.map((a) => ({ name: a.name, phone: a.phone, nik: a.nik, source: 'otp' as const, lastSeenAt: a.last })),
  ]
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
    .slice(0, limit);
}

export interface AttachmentRow {
  id: string;
  complaint_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
}

export function findAttachment(db: Db, complaintId: string, attachmentId: string): AttachmentRow | null {
  return (
    prepared<[string, string], AttachmentRow>(db, `SELECT * FROM complaint_attachments WHERE complaint_id = ? AND id = ?`).get(complaintId, attachmentId) ?? null
  );
}

export function articleIdsOf(db: Db, complaintId: string): string[] {
  return prepared<[string], { article_id: string }>(db, `SELECT article_id FROM complaint_articles WHERE complaint_id = ? ORDER BY at, article_id`)
    .all(complaintId)
    .map((r) => r.article_id);
}
