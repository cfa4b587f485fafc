import { z } from 'zod';
import { holidayListSchema } from '../calendar/holidays';
import { businessWeekSettingSchema } from '../calendar/business-hours';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, IDENTITY_METHODS } from '../complaints/model';
import { FAQ_CATEGORIES } from '../kb/faq';

// Events of the complaints desk and of what it reads from head office. A complaint's events are
// the branch's (the desk records them, head office accepts and keeps them for every branch); the
// knowledge base, the holiday calendar and the SLA targets are head office's, on its chain for all
// branches, and reach the desks by pull. Payloads carry ids and facts, never a rendered text.

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const instant = z.number().int().nonnegative();

/** The category's own facts, as the intake form took them (shared/complaints/schemas.ts). */
const intakeFacts = z.object({
  billingReason: text(500).optional(),
  disbursementStartedAt: instant.optional(),
  paidAt: instant.optional(),
  paymentRecorded: z.boolean().optional(),
  canUseApp: z.boolean().optional(),
  riskNoticeGiven: z.boolean().optional(),
});

const articleSteps = z.array(z.object({ heading: z.string().max(80).nullable(), steps: z.array(text(1000)).min(1).max(50) })).min(1).max(10);

export const complaintEvents = {
  'complaint.logged': z.object({
    id,
    category: z.enum(COMPLAINT_CATEGORIES),
    channel: z.enum(COMPLAINT_CHANNELS),
    customer: z.object({ name: text(120), phone: text(20).nullable(), nik: text(16).nullable() }),
    /** which of the customer's data the CS verified them by ("nomor telpon, nomor KTP, atau nama lengkap") */
    verifiedBy: z.enum(IDENTITY_METHODS),
    description: text(2000),
    facts: intakeFacts,
  }),
  /** A playbook step ticked (or unticked) by the person handling the complaint. */
  'complaint.stepSet': z.object({ id, stepId: text(64), done: z.boolean() }),
  /** Someone spoke to the customer: the first such contact is the first response. */
  'complaint.customerContacted': z.object({ id, note: text(1000) }),
  /** Waiting on the customer (documents, a proof of transfer): the SLA clocks pause. */
  'complaint.waitingCustomer': z.object({ id, note: text(1000) }),
  'complaint.customerReplied': z.object({ id, note: text(1000) }),
  /** CS → CS Manager, or CS Manager → a department, with what was asked of them. */
  'complaint.escalated': z.object({ id, to: z.enum(['cs-manager', 'department']), department: text(120).nullable(), request: text(1000) }),
  'complaint.departmentResponded': z.object({ id, department: text(120), response: text(2000) }),
  'complaint.articleUsed': z.object({ id, articleId: text(120) }),
  /** The file stays at the branch that took it; the event carries what identifies it. */
  'complaint.attached': z.object({
    id,
    attachmentId: id,
    fileName: text(200),
    mimeType: z.enum(['image/png', 'image/jpeg', 'image/webp', 'application/pdf']),
    size: z.number().int().positive().max(10 * 1024 * 1024),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** The resolution report (shared/complaints/schemas.ts), as recorded. */
  'complaint.resolved': z.object({ id, report: z.record(z.string(), z.unknown()) }),
  'complaint.reopened': z.object({ id, reason: text(1000) }),

  /** Head office: an article of the knowledge base, new or edited (same id). */
  'kb.articlePublished': z.object({
    id: text(120),
    question: text(2000),
    category: z.enum(FAQ_CATEGORIES),
    section: text(300),
    stepGroups: articleSteps,
  }),
  'kb.articleRetired': z.object({ id: text(120) }),
  /** Head office: the holiday calendar (national holidays and cuti bersama), the whole list. */
  'calendar.holidaysSet': z.object({ holidays: holidayListSchema }),
  /** Head office: a branch's working week (null branchCode: the default for every branch). */
  'calendar.businessWeekSet': z.object({ branchCode: text(16).nullable(), week: businessWeekSettingSchema }),
  /** Head office: the SLA targets of a category, in business minutes. */
  'complaints.slaTargetsSet': z.object({
    category: z.enum(COMPLAINT_CATEGORIES),
    firstResponseMinutes: z.number().int().positive().max(100_000),
    resolutionMinutes: z.number().int().positive().max(1_000_000),
    warnBeforeMinutes: z.number().int().nonnegative().max(100_000),
  }),
};
