import { WORKING_STATUSES, type ComplaintStatus, type WorkingStatus } from '../../shared/complaints/model';
import { nextComplaintStatus, type ComplaintAction } from '../../shared/complaints/status';
import type { EventPayload, EventType } from '../../shared/events/index';
import type { Sql } from '../db/database';
import type { IncomingEvent, Verdict } from '../rules/index';

// The complaints of every branch, kept at head office from the events the desks push. A complaint
// is the branch's to decide, offline too, so head office refuses only what cannot be right
// whichever desk sent it: a complaint logged twice, or an event about a complaint of another
// branch (or one it never received). A step its status does not allow (two desks acting on the
// same complaint offline) is accepted and leaves the status as it was, as on the desks.

type Rule<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<Verdict>;
type Effect<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<void>;
type ComplaintEventType = Extract<EventType, `complaint.${string}`>;

const OK: Verdict = { ok: true };
const conflict = (detail: string): Verdict => ({ ok: false, reason: 'conflict', detail });

async function branchOf(sql: Sql, id: string): Promise<string | null> {
  const [row] = await sql<{ branch_code: string }>(`SELECT branch_code FROM ho_complaints WHERE id = ?`, [id]);
  return row?.branch_code ?? null;
}

/** The complaint is one of the event's branch. */
const ofThisBranch = async (sql: Sql, event: IncomingEvent, id: string): Promise<Verdict> =>
  event.branchCode !== null && (await branchOf(sql, id)) === event.branchCode ? OK : conflict('errors.notFound');

const onKnownComplaint: Rule<Exclude<ComplaintEventType, 'complaint.logged'>> = (sql, event, payload) => ofThisBranch(sql, event, payload.id);

export const complaintRules: { [T in ComplaintEventType]?: Rule<T> } = {
  'complaint.logged': async (sql, event, payload) => {
    if (event.branchCode === null) return conflict('errors.notFound');
    return (await branchOf(sql, payload.id)) === null ? OK : conflict('errors.conflict');
  },
  'complaint.stepSet': onKnownComplaint,
  'complaint.customerContacted': onKnownComplaint,
  'complaint.waitingCustomer': onKnownComplaint,
  'complaint.customerReplied': onKnownComplaint,
  'complaint.escalated': onKnownComplaint,
  'complaint.departmentResponded': onKnownComplaint,
  'complaint.articleUsed': onKnownComplaint,
  'complaint.attached': onKnownComplaint,
  'complaint.resolved': onKnownComplaint,
  'complaint.reopened': onKnownComplaint,
};

async function statusOf(sql: Sql, id: string): Promise<ComplaintStatus | null> {
  const [row] = await sql<{ status: ComplaintStatus }>(`SELECT status FROM ho_complaints WHERE id = ?`, [id]);
  return row?.status ?? null;
}

/** The working status the complaint had before it started waiting on the customer. */
async function statusBeforeWaiting(sql: Sql, id: string): Promise<WorkingStatus> {
  const rows = await sql<{ status: ComplaintStatus }>(`SELECT status FROM ho_complaint_statuses WHERE complaint_id = ? ORDER BY at DESC`, [id]);
  const working = rows.find((r) => (WORKING_STATUSES as readonly string[]).includes(r.status));
  return (working?.status as WorkingStatus | undefined) ?? 'open';
}

/** Moves the complaint to its next status, if the action is allowed from where it is; true when it moved. */
async function advance(sql: Sql, event: IncomingEvent, id: string, action: ComplaintAction): Promise<boolean> {
  const current = await statusOf(sql, id);
  const next = current && nextComplaintStatus(current, action);
  if (!next?.ok) return false;
  await sql(`UPDATE ho_complaints SET status = ?, updated_at = ? WHERE id = ?`, [next.status, event.at, id]);
  await sql(`INSERT INTO ho_complaint_statuses (complaint_id, at, status) VALUES (?, ?, ?)`, [id, event.at, next.status]);
  return true;
}

const touch = async (sql: Sql, event: IncomingEvent, id: string) => {
  await sql(`UPDATE ho_complaints SET updated_at = ? WHERE id = ?`, [event.at, id]);
};

async function useArticle(sql: Sql, complaintId: string, articleId: string): Promise<void> {
  await sql(`INSERT INTO ho_complaint_articles (complaint_id, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, [complaintId, articleId]);
}

export const complaintEffects: { [T in ComplaintEventType]?: Effect<T> } = {
  'complaint.logged': async (sql, event, p) => {
    const [row] = await sql<{ next: unknown }>(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM ho_complaints WHERE branch_code = ?`, [event.branchCode]);
    await sql(
      `INSERT INTO ho_complaints (id, branch_code, seq, category, channel, status, customer_name, customer_phone, customer_nik, verified_by,
         description, created_at, created_by, escalation, escalations, updated_at)
       VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, 'none', 0, ?)`,
      [p.id, event.branchCode, Number(row!.next), p.category, p.channel, p.customer.name, p.customer.phone, p.customer.nik, p.verifiedBy, p.description, event.at, event.username ?? null, event.at],
    );
    await sql(`INSERT INTO ho_complaint_statuses (complaint_id, at, status) VALUES (?, ?, 'open')`, [p.id, event.at]);
  },
  'complaint.stepSet': (sql, event, p) => touch(sql, event, p.id),
  'complaint.customerContacted': async (sql, event, p) => {
    await sql(`UPDATE ho_complaints SET first_response_at = COALESCE(first_response_at, ?), updated_at = ? WHERE id = ?`, [event.at, event.at, p.id]);
  },
  'complaint.waitingCustomer': async (sql, event, p) => {
    await advance(sql, event, p.id, { kind: 'wait-customer' });
  },
  'complaint.customerReplied': async (sql, event, p) => {
    await advance(sql, event, p.id, { kind: 'customer-replied', resumeTo: await statusBeforeWaiting(sql, p.id) });
  },
  'complaint.escalated': async (sql, event, p) => {
    const moved = await advance(sql, event, p.id, { kind: p.to === 'cs-manager' ? 'escalate-manager' : 'escalate-department' });
    if (!moved) return;
    await sql(`UPDATE ho_complaints SET escalation = ?, escalations = escalations + 1, department = COALESCE(?, department) WHERE id = ?`, [p.to, p.department, p.id]);
  },
  'complaint.departmentResponded': async (sql, event, p) => {
    await sql(`UPDATE ho_complaints SET department = COALESCE(department, ?), updated_at = ? WHERE id = ?`, [p.department, event.at, p.id]);
  },
  'complaint.articleUsed': async (sql, event, p) => {
    await useArticle(sql, p.id, p.articleId);
    await touch(sql, event, p.id);
  },
  'complaint.attached': (sql, event, p) => touch(sql, event, p.id),
  'complaint.resolved': async (sql, event, p) => {
    if (!(await advance(sql, event, p.id, { kind: 'resolve' }))) return;
    // The report is only recorded once the customer was told: that telling answers them too.
    await sql(`UPDATE ho_complaints SET resolved_at = ?, first_response_at = COALESCE(first_response_at, ?) WHERE id = ?`, [event.at, event.at, p.id]);
    const articleIds = Array.isArray(p.report.articleIds) ? p.report.articleIds.filter((a): a is string => typeof a === 'string' && a.length <= 120) : [];
    for (const articleId of articleIds) await useArticle(sql, p.id, articleId);
  },
  'complaint.reopened': async (sql, event, p) => {
    if (await advance(sql, event, p.id, { kind: 'reopen' })) await sql(`UPDATE ho_complaints SET resolved_at = NULL WHERE id = ?`, [p.id]);
  },
};
