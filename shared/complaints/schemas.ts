import { z } from 'zod';
import { normalizePhone } from '../domain/phone';
import { validateNik } from '../domain/nik';
import { COMPLAINT_CHANNELS, IDENTITY_METHODS } from './model';
import { PLAYBOOKS } from './playbooks';

// What the desk records, as zod schemas the contract methods will reuse: the intake (what each SOP
// needs to know when the complaint is logged) and the resolution report ("Customer service harus
// membuat laporan terhadap setiap permasalahan").

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const instant = z.number().int().nonnegative();

/** How the customer was verified, and against what: the value is checked for its kind. */
export const identityVerificationSchema = z
  .object({ method: z.enum(IDENTITY_METHODS), value: text(120) })
  .superRefine((identity, ctx) => {
    const valid =
      identity.method === 'phone'
        ? normalizePhone(identity.value).ok
        : identity.method === 'nik'
          ? validateNik(identity.value).ok
          : // a full name: letters in it, not a number typed into the wrong field
            /\p{L}{2,}/u.test(identity.value) && !/\d/.test(identity.value);
    if (!valid) ctx.addIssue({ code: 'custom', path: ['value'], message: 'validation.invalid' });
  });
export type IdentityVerification = z.infer<typeof identityVerificationSchema>;

const intakeBase = z.object({
  channel: z.enum(COMPLAINT_CHANNELS),
  identity: identityVerificationSchema,
  description: text(2000),
  /** when the CS logged it; times the customer reports may not lie after it */
  loggedAt: instant,
});

const notAfterLogging = (field: 'disbursementStartedAt' | 'paidAt') => (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const at = value[field];
  if (typeof at === 'number' && typeof value.loggedAt === 'number' && at > value.loggedAt) {
    ctx.addIssue({ code: 'custom', path: [field], message: 'validation.invalid' });
  }
};

/** The intake form, one shape per category with the fields its playbook requires. */
export const complaintIntakeSchema = z
  .discriminatedUnion('category', [
    intakeBase.extend({ category: z.literal('penagihan'), billingReason: text(500) }),
    intakeBase.extend({ category: z.literal('pencairan-pinjaman'), disbursementStartedAt: instant }),
    intakeBase.extend({ category: z.literal('konfirmasi-pembayaran'), paidAt: instant, paymentRecorded: z.boolean() }),
    intakeBase.extend({
      category: z.literal('metode-pembayaran'),
      canUseApp: z.boolean(),
      /** D.4: when the CS gives the code, the customer must have heard the risk notice */
      riskNoticeGiven: z.boolean().optional(),
    }),
  ])
  .superRefine((intake, ctx) => {
    if (intake.category === 'pencairan-pinjaman') notAfterLogging('disbursementStartedAt')(intake, ctx);
    if (intake.category === 'konfirmasi-pembayaran') notAfterLogging('paidAt')(intake, ctx);
    if (intake.category === 'metode-pembayaran' && !intake.canUseApp && intake.riskNoticeGiven !== true) {
      ctx.addIssue({ code: 'custom', path: ['riskNoticeGiven'], message: 'validation.required' });
    }
  });
export type ComplaintIntake = z.infer<typeof complaintIntakeSchema>;

export const RESOLVERS = ['cs', 'cs-manager', 'department'] as const;
export type Resolver = (typeof RESOLVERS)[number];

const reportBase = z.object({
  complaintId: text(64),
  channel: z.enum(COMPLAINT_CHANNELS),
  verifiedBy: z.enum(IDENTITY_METHODS),
  /** the problem, in the CS's words */
  problem: text(2000),
  /** what caused it, as far as known */
  cause: text(2000),
  /** what was done, in order */
  actionsTaken: z.array(text(500)).min(1, 'validation.required').max(50),
  /** the playbook steps done; checked against the category's playbook below */
  stepsDone: z.array(z.string()).max(50),
  resolvedBy: z.enum(RESOLVERS),
  /** required when a department resolved it: which one ("departemen terkait") */
  department: z.string().trim().max(120).optional(),
  /** the outcome was told to the customer (by the CS or the department's team) */
  customerInformed: z.literal(true, 'validation.required'),
  /** knowledge-base articles used, for the weekly "most used" figure */
  articleIds: z.array(z.string().min(1).max(120)).max(20),
  resolvedAt: instant,
});

/** The resolution report: common fields, plus what the category's SOP turns on. */
export const resolutionReportSchema = z
  .discriminatedUnion('category', [
    reportBase.extend({ category: z.literal('penagihan') }),
    // B.7: a failed disbursement is redone; the report says which it was
    reportBase.extend({ category: z.literal('pencairan-pinjaman'), disbursementResult: z.enum(['berhasil', 'gagal-dicairkan-ulang']) }),
    // C.7–C.8: received (SMS sent) or checked with the bank
    reportBase.extend({ category: z.literal('konfirmasi-pembayaran'), paymentReceived: z.boolean() }),
    reportBase.extend({ category: z.literal('metode-pembayaran'), paymentCodeGivenByCs: z.boolean() }),
  ])
  .superRefine((report, ctx) => {
    if (report.resolvedBy === 'department' && !report.department) ctx.addIssue({ code: 'custom', path: ['department'], message: 'validation.required' });
    const known = new Set(PLAYBOOKS[report.category].steps.map((s) => s.id));
    report.stepsDone.forEach((id, i) => {
      if (!known.has(id)) ctx.addIssue({ code: 'custom', path: ['stepsDone', i], message: 'validation.invalid' });
    });
  });
export type ResolutionReport = z.infer<typeof resolutionReportSchema>;
