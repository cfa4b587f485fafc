import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { MethodName } from '../../../shared/api/index';
import { resolutionReportSchema } from '../../../shared/complaints/schemas';
import { PLAYBOOKS } from '../../../shared/complaints/playbooks';
import { nextComplaintStatus, type ComplaintAction } from '../../../shared/complaints/status';
import { parseInput } from '../../../shared/api/validate';
import { toLocalParts } from '../../../shared/domain/time';
import type { Actor, CallContext, HandlerMap, Tx } from '../dispatch/types';
import type { Db } from '../ledger/sql';
import { findArticle } from '../kb/queries';
import { normalizeIndonesianPhone } from '../otp/fields';
import { checkFile, readStoredFile, storeFile, type CheckedFile } from './attachments';
import { checkIntake } from './fields';
import { articleIdsOf, complaintViewOf, findAttachment, findComplaint, findCustomers, listComplaints, type ComplaintRecord } from './queries';
import { weeklyReportFor } from './report-query';
import { branchZone, slaSettings } from './settings';

// The complaints desk (seed 001): the CS logs a complaint, works its playbook, contacts the
// customer, escalates to the CS manager, who brings in a department; it is resolved with a report
// and can be reopened. Every change is a journal event; the projectors build the tables.

function existing(db: Db, id: string): ComplaintRecord {
  const complaint = findComplaint(db, id);
  if (!complaint) throw new ApiError('not_found', 'errors.notFound');
  return complaint;
}

function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new ApiError('unauthenticated', 'errors.unauthenticated');
  return ctx.actor;
}

/** Refuses an action the complaint's status does not allow, naming the status. */
function allowed(complaint: ComplaintRecord, action: ComplaintAction): void {
  const next = nextComplaintStatus(complaint.status, action);
  if (!next.ok) throw new ApiError('conflict', next.key, { status: complaint.status });
}

function notResolved(complaint: ComplaintRecord): void {
  if (complaint.status === 'resolved') throw new ApiError('conflict', 'complaints.errors.wrongState', { status: complaint.status });
}

function view(tx: Tx, id: string) {
  return complaintViewOf(tx.db, id, tx.now)!;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function phoneOrNull(text: string): string | null {
  const phone = normalizeIndonesianPhone(text);
  return phone.ok ? phone.e164 : null;
}

const ROLE_LABEL = { cs: 'CS', 'cs-manager': 'CS Manager' } as const;

type ComplaintMethod = Extract<MethodName, `complaints.${string}`>;
/** The reports' methods have their handlers in electron/core/reports. */
type DeskMethod = Exclude<ComplaintMethod, 'complaints.exportWeekly' | 'complaints.exportReport'>;

export const complaintHandlers: HandlerMap<DeskMethod> = {
  'complaints.list': {
    run: (tx, input) => {
      const text = input.text;
      const filter = {
        status: input.status,
        category: input.category,
        attention: input.attention,
        text: text ? { pattern: likePattern(text), nikPattern: likePattern(text.replace(/[\s.-]/g, '')), phone: phoneOrNull(text) } : undefined,
      };
      return { complaints: listComplaints(tx.db, filter, tx.now) };
    },
  },
  'complaints.get': {
    run: (tx, input) => {
      const complaint = complaintViewOf(tx.db, input.id, tx.now);
      if (!complaint) throw new ApiError('not_found', 'errors.notFound');
      return complaint;
    },
  },
  'complaints.findCustomer': {
    run: (tx, input) => {
      const digits = input.query.replace(/[\s.-]/g, '');
      const match = { pattern: likePattern(input.query), phone: phoneOrNull(input.query), nik: /^\d{16}$/.test(digits) ? digits : null };
      return { customers: findCustomers(tx.db, match) };
    },
  },
  'complaints.create': {
    run: (tx, input) => {
      const checked = checkIntake(input, tx.now, toLocalParts(tx.now, branchZone(tx.db)).year);
      const articleIds = [...new Set(input.articleIds ?? [])];
      const articleIssues = articleIds.flatMap((id, i) => (findArticle(tx.db, id) ? [] : [{ path: `articleIds.${i}`, key: 'complaints.errors.unknownArticle' }]));
      if (!checked.ok || articleIssues.length > 0) throw ApiError.badInput([...(checked.ok ? [] : checked.issues), ...articleIssues]);
      const id = randomUUID();
      tx.emit('complaint.logged', {
        id,
        category: input.category,
        channel: input.channel,
        customer: checked.customer,
        verifiedBy: input.verifiedBy,
        description: input.description,
        facts: checked.facts,
      });
      for (const articleId of articleIds) tx.emit('complaint.articleUsed', { id, articleId });
      return view(tx, id);
    },
  },
  'complaints.setStep': {
    run: (tx, input) => {
      const complaint = existing(tx.db, input.id);
      if (!PLAYBOOKS[complaint.category].steps.some((s) => s.id === input.stepId)) {
        throw ApiError.badInput([{ path: 'stepId', key: 'complaints.errors.unknownStep' }]);
      }
      notResolved(complaint);
      tx.emit('complaint.stepSet', { id: input.id, stepId: input.stepId, done: input.done });
      return view(tx, input.id);
    },
  },
  'complaints.contact': {
    run: (tx, input) => {
      notResolved(existing(tx.db, input.id));
      tx.emit('complaint.customerContacted', { id: input.id, note: input.note });
      return view(tx, input.id);
    },
  },
  'complaints.waitCustomer': {
    run: (tx, input) => {
      allowed(existing(tx.db, input.id), { kind: 'wait-customer' });
      tx.emit('complaint.waitingCustomer', { id: input.id, note: input.note });
      return view(tx, input.id);
    },
  },
  'complaints.customerReplied': {
    run: (tx, input) => {
      const complaint = existing(tx.db, input.id);
      allowed(complaint, { kind: 'customer-replied', resumeTo: complaint.resumes_to ?? 'open' });
      tx.emit('complaint.customerReplied', { id: input.id, note: input.note });
      return view(tx, input.id);
    },
  },
  'complaints.escalate': {
    run: (tx, input) => {
      const actor = actorOf(tx);
      // the SOP: the CS reports to the CS manager, who coordinates with the department
      const role = input.to === 'cs-manager' ? 'cs' : 'cs-manager';
      if (!actor.roles.includes(role)) {
        throw new ApiError('forbidden', 'complaints.errors.escalateRole', { role: ROLE_LABEL[role], to: input.to === 'cs-manager' ? 'CS Manager' : 'departemen' });
      }
      const department = input.department?.trim() ?? '';
      if (input.to === 'department' && department === '') throw ApiError.badInput([{ path: 'department', key: 'complaints.errors.departmentRequired' }]);
      allowed(existing(tx.db, input.id), { kind: input.to === 'cs-manager' ? 'escalate-manager' : 'escalate-department' });
      tx.emit('complaint.escalated', { id: input.id, to: input.to, department: input.to === 'department' ? department : null, request: input.request });
      return view(tx, input.id);
    },
  },
  'complaints.departmentResponse': {
    run: (tx, input) => {
      const complaint = existing(tx.db, input.id);
      if (complaint.escalation !== 'department' || !complaint.department || complaint.status === 'resolved') {
        throw new ApiError('conflict', 'complaints.errors.wrongState', { status: complaint.status });
      }
      tx.emit('complaint.departmentResponded', { id: input.id, department: complaint.department, response: input.response });
      return view(tx, input.id);
    },
  },
  'complaints.useArticle': {
    run: (tx, input) => {
      existing(tx.db, input.id);
      if (!findArticle(tx.db, input.articleId)) throw ApiError.badInput([{ path: 'articleId', key: 'complaints.errors.unknownArticle' }]);
      tx.emit('complaint.articleUsed', { id: input.id, articleId: input.articleId });
      return view(tx, input.id);
    },
  },
  'complaints.attach': {
    // Decoding, checking and writing the file happen before the transaction; a file kept for a
    // call that then fails is harmless (named by its content, used by nobody).
    prepare: (input, ctx): Promise<CheckedFile> => {
      existing(ctx.core.db, input.id);
      const file = checkFile(input);
      storeFile(ctx.core.db, file);
      return Promise.resolve(file);
    },
    run: (tx, input, file: CheckedFile) => {
      existing(tx.db, input.id);
      tx.emit('complaint.attached', {
        id: input.id,
        attachmentId: randomUUID(),
        fileName: input.fileName,
        mimeType: file.mimeType,
        size: file.bytes.length,
        sha256: file.sha256,
      });
      return view(tx, input.id);
    },
  },
  'complaints.attachment': {
    run: (tx, input) => {
      const attachment = findAttachment(tx.db, input.id, input.attachmentId);
      const bytes = attachment ? readStoredFile(tx.db, attachment.sha256) : null;
      if (!attachment || !bytes) throw new ApiError('not_found', 'complaints.errors.attachmentNotFound');
      return { fileName: attachment.file_name, mimeType: attachment.mime_type, dataBase64: bytes.toString('base64') };
    },
  },
  'complaints.resolve': {
    run: (tx, input) => {
      const complaint = existing(tx.db, input.id);
      allowed(complaint, { kind: 'resolve' });
      const { stepsDone, department, ...fields } = input.report;
      const full = {
        ...fields,
        complaintId: complaint.id,
        category: complaint.category,
        channel: complaint.channel,
        verifiedBy: complaint.verified_by,
        stepsDone: stepsDone ?? complaint.stepsDone,
        // a department's resolution names it; the one escalated to, unless told otherwise
        department: department || (fields.resolvedBy === 'department' ? (complaint.department ?? undefined) : undefined),
        articleIds: articleIdsOf(tx.db, complaint.id),
        resolvedAt: tx.now,
      };
      let report;
      try {
        report = parseInput(resolutionReportSchema, full);
      } catch (error) {
        if (error instanceof ApiError && error.fields) {
          // a field left out is "required", whatever kind of value it would have taken
          const missing = (path: string) => (full as Record<string, unknown>)[path] === undefined;
          throw ApiError.badInput(error.fields.map((f) => (missing(f.path) ? { path: `report.${f.path}`, key: 'validation.required' } : { ...f, path: `report.${f.path}` })));
        }
        throw error;
      }
      const { complaintId: _id, category: _category, channel: _channel, verifiedBy: _verifiedBy, ...recorded } = report;
      tx.emit('complaint.resolved', { id: complaint.id, report: recorded });
      return view(tx, complaint.id);
    },
  },
  'complaints.reopen': {
    run: (tx, input) => {
      allowed(existing(tx.db, input.id), { kind: 'reopen' });
      tx.emit('complaint.reopened', { id: input.id, reason: input.reason });
      return view(tx, input.id);
    },
  },
  'complaints.weeklyReport': {
    run: (tx, input) => {
      try {
        return weeklyReportFor(tx.db, input.week, branchZone(tx.db), tx.now);
      } catch (error) {
        if (error instanceof RangeError) throw ApiError.badInput([{ path: 'week', key: 'validation.isoWeek' }]);
        throw error;
      }
    },
  },
  'complaints.settings': {
    run: (tx) => {
      const settings = slaSettings(tx.db);
      return { targets: settings.targets, holidays: settings.holidays, week: settings.week };
    },
  },
};
