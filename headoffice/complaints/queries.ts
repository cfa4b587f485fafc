import { businessWeekSettingSchema, defaultBranchCalendar, type BusinessCalendar } from '../../shared/calendar/business-hours';
import { holidayDateSet } from '../../shared/calendar/holidays';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus } from '../../shared/complaints/model';
import { complaintSla, type SlaClock } from '../../shared/complaints/sla';
import { slaPausesFromHistory } from '../../shared/complaints/status';
import { parseZone, type Zone } from '../../shared/domain/time';
import type { Sql } from '../db/database';
import { businessWeekOf, holidaysInForce, slaTargetsInForce } from '../kb/store';

// Every branch's complaints for head office, with their SLA clocks computed the way the desks
// compute them (shared/complaints/sla.ts) from what head office holds: the targets and holidays it
// set (or the built-in ones), the branch's working week and zone, and the complaint's statuses.

export interface HoComplaintFilter {
  branch?: string;
  status?: ComplaintStatus;
  category?: ComplaintCategory;
  /** words of the customer's name, phone, NIK or the description */
  text?: string;
  /** logged at or after / before, epoch ms */
  from?: number;
  to?: number;
  /** only those whose SLA needs attention (warning or breached) */
  attention?: boolean;
  limit?: number;
}

export interface HoComplaint {
  id: string;
  /** `KL-JKT01-000042`: the branch and the complaint's place among the branch's, as head office received them */
  number: string;
  branch: string;
  category: ComplaintCategory;
  channel: ComplaintChannel;
  status: ComplaintStatus;
  customerName: string;
  description: string;
  createdAt: number;
  createdBy: string | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  escalation: 'none' | 'cs-manager' | 'department';
  escalations: number;
  department: string | null;
  articleIds: string[];
  sla: { firstResponse: SlaClock; resolution: SlaClock };
}

type Row = {
  id: string;
  branch_code: string;
  seq: unknown;
  category: ComplaintCategory;
  channel: ComplaintChannel;
  status: ComplaintStatus;
  customer_name: string;
  description: string;
  created_at: unknown;
  created_by: string | null;
  first_response_at: unknown;
  resolved_at: unknown;
  escalation: HoComplaint['escalation'];
  escalations: unknown;
  department: string | null;
};

const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export const complaintNumber = (branch: string, seq: number) => `KL-${branch}-${String(seq).padStart(6, '0')}`;

/** The branch's zone as its desks set it up (branch.created, then any branch.updated); WIB if unknown. */
export async function branchZone(sql: Sql, branch: string): Promise<Zone> {
  const rows = await sql<{ payload: string }>(
    `SELECT payload FROM events WHERE branch_code = ? AND type IN ('branch.created', 'branch.updated') ORDER BY cursor`,
    [branch],
  );
  let zone: Zone = 'WIB';
  for (const row of rows) {
    const timeZone = (JSON.parse(row.payload) as { timeZone?: string }).timeZone;
    const parsed = timeZone ? parseZone(timeZone) : null;
    if (parsed) zone = parsed;
  }
  return zone;
}

/** The branch's business calendar as head office knows it. */
export async function branchCalendar(sql: Sql, branch: string, holidays: ReadonlySet<string>): Promise<BusinessCalendar> {
  const week = businessWeekSettingSchema.safeParse(await businessWeekOf(sql, branch));
  if (week.success) return { zone: week.data.zone, week: week.data.week, holidays };
  return defaultBranchCalendar({ zone: await branchZone(sql, branch), holidays });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listComplaints(sql: Sql, filter: HoComplaintFilter, now: number): Promise<HoComplaint[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.branch) add('branch_code = ?', filter.branch);
  if (filter.status) add('status = ?', filter.status);
  if (filter.category) add('category = ?', filter.category);
  if (filter.from !== undefined) add('created_at >= ?', filter.from);
  if (filter.to !== undefined) add('created_at < ?', filter.to);
  const text = filter.text?.trim();
  if (text) {
    const digits = text.replace(/\D/g, '');
    const like = likePattern(text);
    const clauses = [`LOWER(customer_name) LIKE ? ESCAPE '\\'`, `LOWER(description) LIKE ? ESCAPE '\\'`];
    const values: unknown[] = [like, like];
    // a phone typed as 0812… finds +62812…, and a NIK is digits
    if (digits.length >= 4) {
      clauses.push(`customer_phone LIKE ?`, `customer_nik LIKE ?`);
      values.push(`%${digits.replace(/^0/, '')}%`, `%${digits}%`);
    }
    add(`(${clauses.join(' OR ')})`, ...values);
  }
  const rows = await sql<Row>(
    `SELECT id, branch_code, seq, category, channel, status, customer_name, description, created_at, created_by, first_response_at, resolved_at,
       escalation, escalations, department
     FROM ho_complaints ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id LIMIT ?`,
    [...params, Math.min(filter.limit ?? 500, 5000)],
  );
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => '?').join(', ');
  const statuses = await sql<{ complaint_id: string; at: unknown; status: ComplaintStatus }>(
    `SELECT complaint_id, at, status FROM ho_complaint_statuses WHERE complaint_id IN (${marks}) ORDER BY at`,
    ids,
  );
  const articles = await sql<{ complaint_id: string; article_id: string }>(
    `SELECT complaint_id, article_id FROM ho_complaint_articles WHERE complaint_id IN (${marks}) ORDER BY article_id`,
    ids,
  );
  const historyOf = groupBy(statuses, (s) => s.complaint_id);
  const articlesOf = groupBy(articles, (a) => a.complaint_id);

  const targets = await slaTargetsInForce(sql);
  const holidays = holidayDateSet((await holidaysInForce(sql)).holidays);
  const calendars = new Map<string, BusinessCalendar>();
  for (const branch of new Set(rows.map((r) => r.branch_code))) calendars.set(branch, await branchCalendar(sql, branch, holidays));

  const complaints = rows.map((r): HoComplaint => {
    const createdAt = Number(r.created_at);
    const firstResponseAt = numOrNull(r.first_response_at);
    const resolvedAt = numOrNull(r.resolved_at);
    const history = (historyOf.get(r.id) ?? []).map((s) => ({ at: Number(s.at), status: s.status }));
    return {
      id: r.id,
      number: complaintNumber(r.branch_code, Number(r.seq)),
      branch: r.branch_code,
      category: r.category,
      channel: r.channel,
      status: r.status,
      customerName: r.customer_name,
      description: r.description,
      createdAt,
      createdBy: r.created_by,
      firstResponseAt,
      resolvedAt,
      escalation: r.escalation,
      escalations: Number(r.escalations),
      department: r.department,
      articleIds: (articlesOf.get(r.id) ?? []).map((a) => a.article_id),
      sla: complaintSla({
        startedAt: createdAt,
        calendar: calendars.get(r.branch_code)!,
        pauses: slaPausesFromHistory(history),
        targets: targets[r.category],
        now,
        firstRespondedAt: firstResponseAt,
        resolvedAt,
      }),
    };
  });
  // a resolved complaint's breach is history: attention is for those still being worked on
  const needsAttention = (c: HoComplaint) => c.status !== 'resolved' && [c.sla.firstResponse.state, c.sla.resolution.state].some((s) => s === 'warning' || s === 'breached');
  return filter.attention ? complaints.filter(needsAttention) : complaints;
}
