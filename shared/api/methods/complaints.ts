import { z } from 'zod';
import { defineMethods } from '../contract';
import { holidaySchema } from '../../calendar/holidays';
import { businessWeekSettingSchema } from '../../calendar/business-hours';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATUSES, IDENTITY_METHODS } from '../../complaints/model';
import { RESOLVERS } from '../../complaints/schemas';
import { SLA_STATES } from '../../complaints/sla';
import { ZONES } from '../../domain/time';

// Complaints desk (seed 001). `desk` reads, `handlers` act on a complaint; the CS logs it, the CS
// manager brings in a department. Phone, NIK, the category's required facts and the resolution
// report's category field are judged by the core against the complaint, each with its own message.

const desk = { roles: ['cs', 'cs-manager', 'kasie', 'kacab'] } as const;
const handlers = { roles: ['cs', 'cs-manager'] } as const;
const evaluators = { roles: ['cs-manager', 'kasie', 'kacab'] } as const;

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const complaintId = z.string().uuid('validation.invalid');
const id = z.object({ id: complaintId });
const instant = z.number().int('validation.invalid').nonnegative('validation.invalid');
const weekLabel = z.string().trim().regex(/^\d{4}-W\d{2}$/, 'validation.isoWeek');

export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** 10 MB, the decoded file */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ESCALATION_LEVELS = ['none', 'cs-manager', 'department'] as const;

export const slaClockView = z.object({
  state: z.enum(SLA_STATES),
  elapsedMs: z.number(),
  remainingMs: z.number(),
  overdueMs: z.number(),
  dueAt: z.number(),
});

export const complaintSummary = z.object({
  id: z.string(),
  /** per-branch sequence, `KL-JKT01-000042` */
  number: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  channel: z.enum(COMPLAINT_CHANNELS),
  status: z.enum(COMPLAINT_STATUSES),
  customerName: z.string(),
  description: z.string(),
  createdAt: z.number(),
  /** display name of who logged it */
  createdBy: z.string().nullable(),
  firstResponseAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  escalation: z.enum(ESCALATION_LEVELS),
  sla: z.object({ firstResponse: slaClockView, resolution: slaClockView }),
});
export type ComplaintSummary = z.infer<typeof complaintSummary>;

/** The category's own facts as typed at intake; which are required comes from PLAYBOOKS. */
export const complaintFacts = z.object({
  billingReason: z.string().trim().max(500, 'validation.tooLong').optional(),
  disbursementStartedAt: instant.optional(),
  paidAt: instant.optional(),
  paymentRecorded: z.boolean().optional(),
  canUseApp: z.boolean().optional(),
  riskNoticeGiven: z.boolean().optional(),
});
export type ComplaintFacts = z.infer<typeof complaintFacts>;

export const ADVICE_KINDS = ['disbursement', 'payment-confirmation', 'payment-method'] as const;
/** The advice enums of shared/complaints/playbooks.ts, all in one list. */
export const ADVICES = [
  'tell-wait-max-2h',
  'ask-proof-and-report-manager',
  'tell-wait-sms',
  'report-manager',
  'point-to-app-payment-code',
  'give-code-with-risk-notice',
] as const;

export const resolutionReportView = z.object({
  problem: z.string(),
  cause: z.string(),
  actionsTaken: z.array(z.string()),
  stepsDone: z.array(z.string()),
  resolvedBy: z.enum(RESOLVERS),
  department: z.string().nullable(),
  customerInformed: z.boolean(),
  disbursementResult: z.enum(['berhasil', 'gagal-dicairkan-ulang']).optional(),
  paymentReceived: z.boolean().optional(),
  paymentCodeGivenByCs: z.boolean().optional(),
  articleIds: z.array(z.string()),
  resolvedAt: z.number(),
  /** display name of who resolved it */
  by: z.string().nullable(),
});
export type ResolutionReportView = z.infer<typeof resolutionReportView>;

export const timelineEntry = z.object({
  at: z.number(),
  /** the journal event's type, e.g. `complaint.escalated` */
  type: z.string(),
  by: z.string().nullable(),
  /**
   * What was written (contact, wait, reply, escalation request, department response, reopen
   * reason, the description when logged); for complaint.stepSet `+<stepId>` ticked or `-<stepId>`
   * unticked; for complaint.articleUsed the article id; for complaint.attached the file name.
   */
  note: z.string().nullable(),
  department: z.string().nullable(),
});

export const complaintView = complaintSummary.extend({
  customer: z.object({ name: z.string(), phone: z.string().nullable(), nik: z.string().nullable() }),
  verifiedBy: z.enum(IDENTITY_METHODS),
  facts: complaintFacts,
  stepsDone: z.array(z.string()),
  advice: z.object({ kind: z.enum(ADVICE_KINDS), advice: z.enum(ADVICES), elapsedMs: z.number().nullable() }).nullable(),
  /** the department it was escalated to, if any */
  department: z.string().nullable(),
  timeline: z.array(timelineEntry),
  articles: z.array(z.object({ id: z.string(), question: z.string() })),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mimeType: z.enum(ATTACHMENT_TYPES), size: z.number(), at: z.number() })),
  report: resolutionReportView.nullable(),
});
export type ComplaintView = z.infer<typeof complaintView>;

export const customerMatch = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  nik: z.string().nullable(),
  source: z.enum(['complaint', 'otp']),
  lastSeenAt: z.number(),
});
export type CustomerMatch = z.infer<typeof customerMatch>;

export const createComplaintInput = z.object({
  customer: z.object({
    name: text(120),
    phone: z.string().trim().max(32, 'validation.tooLong').optional(),
    nik: z.string().trim().max(40, 'validation.tooLong').optional(),
  }),
  verifiedBy: z.enum(IDENTITY_METHODS, 'validation.oneOf'),
  category: z.enum(COMPLAINT_CATEGORIES, 'validation.oneOf'),
  channel: z.enum(COMPLAINT_CHANNELS, 'validation.oneOf'),
  description: text(2000),
  facts: complaintFacts.default({}),
  /** knowledge-base articles the CS already used while logging it */
  articleIds: z.array(z.string().min(1).max(120)).max(20).optional(),
});
export type CreateComplaintInput = z.input<typeof createComplaintInput>;

/** What the person resolving fills in; the rest of the report comes from the complaint. */
export const resolutionReportInput = z.object({
  problem: text(2000),
  cause: text(2000),
  actionsTaken: z.array(text(500)).min(1, 'validation.required').max(50),
  stepsDone: z.array(z.string().max(64)).max(50).optional(),
  resolvedBy: z.enum(RESOLVERS, 'validation.oneOf'),
  department: z.string().trim().max(120, 'validation.tooLong').optional(),
  customerInformed: z.literal(true, 'validation.required'),
  disbursementResult: z.enum(['berhasil', 'gagal-dicairkan-ulang'], 'validation.oneOf').optional(),
  paymentReceived: z.boolean().optional(),
  paymentCodeGivenByCs: z.boolean().optional(),
});
export type ResolutionReportInput = z.input<typeof resolutionReportInput>;

const slaTargetsView = z.object({ firstResponseMinutes: z.number(), resolutionMinutes: z.number(), warnBeforeMinutes: z.number() });
const compliance = z.object({ met: z.number(), breached: z.number(), pending: z.number(), percent: z.number().nullable() });

/** shared/complaints/report.ts WeeklyReport, plus the top articles' questions. */
export const weeklyReportView = z.object({
  week: z.string(),
  zone: z.enum(ZONES),
  start: z.number(),
  end: z.number(),
  total: z.number(),
  byCategory: z.record(z.enum(COMPLAINT_CATEGORIES), z.number()),
  byChannel: z.record(z.enum(COMPLAINT_CHANNELS), z.number()),
  byStatus: z.record(z.enum(COMPLAINT_STATUSES), z.number()),
  firstResponse: compliance,
  resolution: compliance,
  resolutionTime: z.object({ resolved: z.number(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() }),
  escalations: z.object({ complaints: z.number(), total: z.number() }),
  topArticles: z.array(z.object({ id: z.string(), complaints: z.number() })),
  articles: z.array(z.object({ id: z.string(), question: z.string() })),
});
export type WeeklyReportView = z.infer<typeof weeklyReportView>;

export const exportedFile = z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() });
export type ExportedFile = z.infer<typeof exportedFile>;

const note = text(1000);

export const complaintMethods = defineMethods({
  'complaints.list': {
    input: z.object({
      status: z.enum(COMPLAINT_STATUSES).optional(),
      category: z.enum(COMPLAINT_CATEGORIES).optional(),
      /** customer name, phone (any common form), NIK or words of the description */
      text: z.string().trim().max(80).optional(),
      /** only those whose SLA is in warning or breached */
      attention: z.boolean().optional(),
    }),
    output: z.object({ complaints: z.array(complaintSummary) }),
    access: desk,
    mutates: false,
  },
  'complaints.get': { input: id, output: complaintView, access: desk, mutates: false },
  /** Customers the branch knows (earlier complaints, account-opening applications). */
  'complaints.findCustomer': {
    input: z.object({ query: text(80) }),
    output: z.object({ customers: z.array(customerMatch) }),
    access: handlers,
    mutates: false,
  },
  /** Catat keluhan: logged at the core's clock by the CS. */
  'complaints.create': { input: createComplaintInput, output: complaintView, access: { roles: ['cs'] }, mutates: true },
  'complaints.setStep': {
    input: id.extend({ stepId: z.string().trim().min(1, 'validation.required').max(64), done: z.boolean() }),
    output: complaintView,
    access: handlers,
    mutates: true,
  },
  /** The first contact with the customer is the first response. */
  'complaints.contact': { input: id.extend({ note }), output: complaintView, access: handlers, mutates: true },
  'complaints.waitCustomer': { input: id.extend({ note }), output: complaintView, access: handlers, mutates: true },
  'complaints.customerReplied': { input: id.extend({ note }), output: complaintView, access: handlers, mutates: true },
  /** Eskalasi: to the CS manager by the CS; to a department by the CS manager (department required). */
  'complaints.escalate': {
    input: id.extend({
      to: z.enum(['cs-manager', 'department'], 'validation.oneOf'),
      department: z.string().trim().max(120, 'validation.tooLong').optional(),
      request: note,
    }),
    output: complaintView,
    access: handlers,
    mutates: true,
  },
  'complaints.departmentResponse': {
    input: id.extend({ response: text(2000) }),
    output: complaintView,
    access: { roles: ['cs-manager'] },
    mutates: true,
  },
  'complaints.useArticle': {
    input: id.extend({ articleId: z.string().trim().min(1, 'validation.required').max(120) }),
    output: complaintView,
    access: handlers,
    mutates: true,
  },
  /** Proof: png/jpeg/webp/pdf by their first bytes, at most 10 MB; the file stays at the branch. */
  'complaints.attach': {
    input: id.extend({
      fileName: text(200),
      /** checked by the core against the file's first bytes */
      mimeType: z.string().trim().max(100),
      // room for 10 MB in base64 and a little more, so an oversized file gets its own message
      dataBase64: z.string().min(1, 'validation.required').max(16 * 1024 * 1024, 'complaints.errors.attachmentTooLarge'),
    }),
    output: complaintView,
    access: handlers,
    mutates: true,
  },
  'complaints.attachment': {
    input: id.extend({ attachmentId: z.string().min(1).max(64) }),
    output: exportedFile,
    access: desk,
    mutates: false,
  },
  /** Selesaikan, with the resolution report. */
  'complaints.resolve': { input: id.extend({ report: resolutionReportInput }), output: complaintView, access: handlers, mutates: true },
  'complaints.reopen': { input: id.extend({ reason: text(1000) }), output: complaintView, access: handlers, mutates: true },
  /** Evaluasi mingguan over the complaints logged in the ISO week, in the branch's zone. */
  'complaints.weeklyReport': { input: z.object({ week: weekLabel }), output: weeklyReportView, access: evaluators, mutates: false },
  'complaints.exportWeekly': {
    input: z.object({ week: weekLabel, format: z.enum(['xlsx', 'pdf'], 'validation.oneOf') }),
    output: exportedFile,
    access: evaluators,
    mutates: false,
  },
  /** The per-complaint PDF. */
  'complaints.exportReport': { input: id, output: exportedFile, access: desk, mutates: false },
  /** The SLA targets per category, the holiday calendar and the branch's working week in force. */
  'complaints.settings': {
    input: z.object({}),
    output: z.object({
      targets: z.record(z.enum(COMPLAINT_CATEGORIES), slaTargetsView),
      holidays: z.array(holidaySchema),
      week: businessWeekSettingSchema,
    }),
    access: desk,
    mutates: false,
  },
});
