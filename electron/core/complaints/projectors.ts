import { nextComplaintStatus, resolvedAtFromHistory, type ComplaintAction, type StatusChange } from '../../../shared/complaints/status';
import { WORKING_STATUSES, type ComplaintCategory, type ComplaintStatus, type WorkingStatus } from '../../../shared/complaints/model';
import type { ProjectorMap } from '../dispatch/types';
import { prepared, type Db } from '../ledger/sql';
import { findComplaint, type ComplaintRecord } from './queries';
import { putSetting, slaSettings, type SlaSettings } from './settings';
import { slaColumns } from './sla';

// complaints and its side tables are rebuilt from events only: the desk's own, and those of the
// branch's other desks that arrive by pull, so every desk that applies the same events ends with
// the same complaints. A status change follows nextComplaintStatus, the rule the handlers check;
// a pulled event that does not fit throws, and sync keeps it as a visible conflict.
// Head office's calendar and targets change what the clocks say, so they recompute the SLA columns.

function existing(db: Db, id: string): ComplaintRecord {
  const complaint = findComplaint(db, id);
  if (!complaint) throw new Error(`complaints: complaint ${id} is not on this desk`);
  return complaint;
}

function timeline(db: Db, id: string, at: number, type: string, userId: string | null, note: string | null = null, department: string | null = null): void {
  prepared(db, `INSERT INTO complaint_timeline (complaint_id, at, type, user_id, note, department) VALUES (?, ?, ?, ?, ?, ?)`).run(
    id,
    at,
    type,
    userId,
    note,
    department,
  );
}

interface Changes {
  status?: ComplaintStatus;
  first_response_at?: number | null;
  resumes_to?: WorkingStatus | null;
  escalation?: ComplaintRecord['escalation'];
  escalations?: number;
  department?: string | null;
  report?: string | null;
  resolved_by?: string | null;
  steps_done?: string;
}

/** Writes `changes`, the status history and the SLA columns that follow from them. */
function update(db: Db, record: ComplaintRecord, at: number, changes: Changes, settings: SlaSettings = slaSettings(db)): void {
  const history: StatusChange[] = changes.status && changes.status !== record.status ? [...record.statusHistory, { at, status: changes.status }] : record.statusHistory;
  const firstResponseAt = changes.first_response_at !== undefined ? changes.first_response_at : record.first_response_at;
  const resolvedAt = resolvedAtFromHistory(history);
  const sla = slaColumns({ category: record.category, createdAt: record.created_at, history, firstResponseAt, resolvedAt }, settings);
  const row = {
    id: record.id,
    status: changes.status ?? record.status,
    updated_at: Math.max(at, record.updated_at),
    first_response_at: firstResponseAt,
    resolved_at: resolvedAt,
    resumes_to: changes.resumes_to !== undefined ? changes.resumes_to : record.resumes_to,
    escalation: changes.escalation ?? record.escalation,
    escalations: changes.escalations ?? record.escalations,
    department: changes.department !== undefined ? changes.department : record.department,
    report: changes.report !== undefined ? changes.report : record.report,
    resolved_by: changes.resolved_by !== undefined ? changes.resolved_by : record.resolved_by,
    steps_done: changes.steps_done ?? record.steps_done,
    history: JSON.stringify(history),
    paused_since: sla.pausedSince,
    fr_outcome: sla.frOutcome,
    fr_breach_at: sla.frBreachAt,
    res_outcome: sla.resOutcome,
    res_breach_at: sla.resBreachAt,
  };
  prepared(
    db,
    `UPDATE complaints SET status = @status, updated_at = @updated_at, first_response_at = @first_response_at, resolved_at = @resolved_at,
       resumes_to = @resumes_to, escalation = @escalation, escalations = @escalations, department = @department, report = @report,
       resolved_by = @resolved_by, steps_done = @steps_done, history = @history, paused_since = @paused_since, fr_outcome = @fr_outcome,
       fr_breach_at = @fr_breach_at, res_outcome = @res_outcome, res_breach_at = @res_breach_at
     WHERE id = @id`,
  ).run(row);
}

function transition(record: ComplaintRecord, action: ComplaintAction): ComplaintStatus {
  const next = nextComplaintStatus(record.status, action);
  if (!next.ok) throw new Error(`complaints: ${action.kind} does not apply to complaint ${record.id} in status ${record.status}`);
  return next.status;
}

const isWorking = (status: ComplaintStatus): status is WorkingStatus => (WORKING_STATUSES as readonly string[]).includes(status);

/** Recomputes the SLA columns of every complaint (of one category): the calendar or a target changed. */
function recomputeSla(db: Db, category?: ComplaintCategory): void {
  const settings = slaSettings(db);
  const ids = (
    category
      ? prepared<[string], { id: string }>(db, `SELECT id FROM complaints WHERE category = ?`).all(category)
      : prepared<[], { id: string }>(db, `SELECT id FROM complaints`).all()
  ).map((r) => r.id);
  for (const id of ids) {
    const record = existing(db, id);
    update(db, record, record.updated_at, {}, settings);
  }
}

export const complaintProjectors: ProjectorMap = {
  'complaint.logged': (db, { payload, at, userId }) => {
    const number = (prepared<[], { n: number | null }>(db, `SELECT max(number) AS n FROM complaints`).get()?.n ?? 0) + 1;
    const history: StatusChange[] = [{ at, status: 'open' }];
    const sla = slaColumns({ category: payload.category, createdAt: at, history, firstResponseAt: null, resolvedAt: null }, slaSettings(db));
    prepared(
      db,
      `INSERT INTO complaints (id, number, category, channel, status, customer_name, customer_phone, customer_nik, verified_by, description, facts,
         created_at, created_by, updated_at, history, paused_since, fr_breach_at, res_breach_at)
       VALUES (@id, @number, @category, @channel, 'open', @name, @phone, @nik, @verifiedBy, @description, @facts, @at, @userId, @at, @history, NULL, @fr, @res)`,
    ).run({
      id: payload.id,
      number,
      category: payload.category,
      channel: payload.channel,
      name: payload.customer.name,
      phone: payload.customer.phone,
      nik: payload.customer.nik,
      verifiedBy: payload.verifiedBy,
      description: payload.description,
      facts: JSON.stringify(payload.facts),
      at,
      userId,
      history: JSON.stringify(history),
      fr: sla.frBreachAt,
      res: sla.resBreachAt,
    });
    timeline(db, payload.id, at, 'complaint.logged', userId, payload.description);
  },
  'complaint.stepSet': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    const steps = new Set(record.stepsDone);
    if (payload.done) steps.add(payload.stepId);
    else steps.delete(payload.stepId);
    update(db, record, at, { steps_done: JSON.stringify([...steps]) });
    timeline(db, payload.id, at, 'complaint.stepSet', userId, `${payload.done ? '+' : '-'}${payload.stepId}`);
  },
  'complaint.customerContacted': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    update(db, record, at, { first_response_at: record.first_response_at ?? at });
    timeline(db, payload.id, at, 'complaint.customerContacted', userId, payload.note);
  },
  'complaint.waitingCustomer': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    const status = transition(record, { kind: 'wait-customer' });
    update(db, record, at, { status, resumes_to: isWorking(record.status) ? record.status : record.resumes_to });
    timeline(db, payload.id, at, 'complaint.waitingCustomer', userId, payload.note);
  },
  'complaint.customerReplied': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    const status = transition(record, { kind: 'customer-replied', resumeTo: record.resumes_to ?? 'open' });
    update(db, record, at, { status, resumes_to: null });
    timeline(db, payload.id, at, 'complaint.customerReplied', userId, payload.note);
  },
  'complaint.escalated': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    const status = transition(record, { kind: payload.to === 'cs-manager' ? 'escalate-manager' : 'escalate-department' });
    update(db, record, at, {
      status,
      escalation: payload.to,
      escalations: record.escalations + 1,
      ...(payload.to === 'department' ? { department: payload.department } : {}),
    });
    timeline(db, payload.id, at, 'complaint.escalated', userId, payload.request, payload.department);
  },
  'complaint.departmentResponded': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    update(db, record, at, {});
    timeline(db, payload.id, at, 'complaint.departmentResponded', userId, payload.response, payload.department);
  },
  'complaint.articleUsed': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    const added = prepared(db, `INSERT OR IGNORE INTO complaint_articles (complaint_id, article_id, at) VALUES (?, ?, ?)`).run(payload.id, payload.articleId, at);
    update(db, record, at, {});
    if (added.changes > 0) timeline(db, payload.id, at, 'complaint.articleUsed', userId, payload.articleId);
  },
  'complaint.attached': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    prepared(
      db,
      `INSERT INTO complaint_attachments (id, complaint_id, file_name, mime_type, size, sha256, at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(payload.attachmentId, payload.id, payload.fileName, payload.mimeType, payload.size, payload.sha256, at, userId);
    update(db, record, at, {});
    timeline(db, payload.id, at, 'complaint.attached', userId, payload.fileName);
  },
  'complaint.resolved': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    const status = transition(record, { kind: 'resolve' });
    const report = payload.report as { department?: unknown };
    // The customer was told the outcome (the report requires it): if nobody contacted them
    // before, that was the first response.
    update(db, record, at, {
      status,
      first_response_at: record.first_response_at ?? at,
      report: JSON.stringify(payload.report),
      resolved_by: userId,
      resumes_to: null,
    });
    timeline(db, payload.id, at, 'complaint.resolved', userId, null, typeof report.department === 'string' ? report.department : null);
  },
  'complaint.reopened': (db, { payload, at, userId }) => {
    const record = existing(db, payload.id);
    const status = transition(record, { kind: 'reopen' });
    update(db, record, at, { status, report: null, resolved_by: null });
    timeline(db, payload.id, at, 'complaint.reopened', userId, payload.reason);
  },
  'calendar.holidaysSet': (db, { payload }) => {
    putSetting(db, 'holidays', payload.holidays);
    recomputeSla(db);
  },
  'calendar.businessWeekSet': (db, { payload }) => {
    putSetting(db, `week:${payload.branchCode ?? '*'}`, payload.week);
    recomputeSla(db);
  },
  'complaints.slaTargetsSet': (db, { payload }) => {
    const { category, ...targets } = payload;
    putSetting(db, `targets:${category}`, targets);
    recomputeSla(db, category);
  },
};
