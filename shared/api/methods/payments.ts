import { z } from 'zod';
import { columnMappingSchema } from '../../statements/types';
import { defineMethods } from '../contract';
import { slaClockView } from './complaints';

// Mutation-matching desk (seed 003): expected payments with a unique code, statement imports,
// automatic matching and manual verification with a second person's approval. Teller, CS and back
// office take payments; back office imports statements and verifies; Kasie and Kacab approve too.

const desk = { roles: ['teller', 'cs', 'back-office', 'kasie', 'kacab'] } as const;
const takers = { roles: ['teller', 'cs', 'back-office'] } as const;
const backOffice = { roles: ['back-office', 'kasie', 'kacab'] } as const;
const approvers = { roles: ['back-office', 'kasie', 'kacab'] } as const;

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional();
const uuid = z.string().uuid('validation.invalid');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid');

/** A statement file is refused above this size (decoded), before it is read. */
export const MAX_STATEMENT_BYTES = 50 * 1024 * 1024;
/** A receipt photo or screenshot. */
export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;
export const RECEIPT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export const STATEMENT_FORMAT_CHOICES = ['auto', 'bca', 'mandiri', 'bni', 'bri', 'mt940', 'generic'] as const;
export const PAYMENT_STATUSES = ['open', 'paid', 'expired', 'cancelled'] as const;
/** new: not yet through matching; debit: money out, never matched */
export const MUTATION_STATUSES = ['new', 'matched', 'ambiguous', 'unmatched', 'verified', 'unrelated', 'debit'] as const;
export const CASE_STATUSES = ['open', 'proposed', 'approved', 'rejected', 'escalated', 'resolved'] as const;

const reason = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
const fileInput = (maxBase64: number, tooLarge: string) => ({
  fileName: text(255),
  dataBase64: z.string().min(1, 'validation.required').max(maxBase64, tooLarge),
});

export const bankAccountView = z.object({
  id: z.string(),
  bank: z.string(),
  number: z.string(),
  holder: z.string(),
  /** blocks of total residues this desk may give codes from (shared/payments/unique-code.ts) */
  blocks: z.array(z.number()),
  /** standalone: a desk not enrolled uses every block; leased: blocks from head office; none: ask head office */
  codes: z.enum(['standalone', 'leased', 'none']),
  leaseExpiresAt: z.number().nullable(),
  /** the columns saved for a statement layout the parsers do not know (Atur Kolom Mutasi) */
  mapping: columnMappingSchema.nullable(),
});
export type BankAccountView = z.infer<typeof bankAccountView>;

export const expectedPaymentView = z.object({
  id: z.string(),
  accountId: z.string(),
  accountLabel: z.string(),
  base: z.number(),
  uniqueCode: z.number(),
  total: z.number(),
  reference: z.string(),
  payerName: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
  createdAt: z.number(),
  createdBy: z.string().nullable(),
  expiresAt: z.number(),
  paidAt: z.number().nullable(),
  mutationId: z.string().nullable(),
  /** auto: matched by its code; manual: verified by two people */
  paidHow: z.enum(['auto', 'manual']).nullable(),
  reason: reason.nullable(),
});
export type ExpectedPaymentView = z.infer<typeof expectedPaymentView>;

export const mutationView = z.object({
  id: z.string(),
  accountId: z.string(),
  date: z.string(),
  time: z.string().nullable(),
  direction: z.enum(['CR', 'DB']),
  amountSen: z.number(),
  description: z.string(),
  reference: z.string().nullable(),
  balanceSen: z.number().nullable(),
  source: z.enum(['statement', 'feed']),
  /** the transfer came both by the bank feed and in a statement, and is kept once */
  bothSources: z.boolean(),
  status: z.enum(MUTATION_STATUSES),
  paymentId: z.string().nullable(),
  paymentReference: z.string().nullable(),
  candidates: z.array(z.string()),
  reason: reason.nullable(),
});
export type MutationView = z.infer<typeof mutationView>;

const statementInput = z.object({
  accountId: uuid,
  format: z.enum(STATEMENT_FORMAT_CHOICES).default('auto'),
  ...fileInput(Math.ceil((MAX_STATEMENT_BYTES * 4) / 3) + 1024, 'statements.errors.tooLarge'),
});

const importSummary = z.object({
  format: z.string(),
  accountNumber: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  rows: z.number(),
  credits: z.number(),
  debits: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  /** of the duplicates, the rows the bank feed had already brought */
  fromFeed: z.number(),
  pending: z.number(),
  errors: z.array(z.object({ row: z.number(), key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
});

export const matchCounts = z.object({ matched: z.number(), ambiguous: z.number(), unmatched: z.number() });

export const verificationCaseView = z.object({
  id: z.string(),
  source: z.enum(['ambiguous', 'unmatched', 'claim']),
  status: z.enum(CASE_STATUSES),
  mutation: mutationView.nullable(),
  payment: expectedPaymentView.nullable(),
  candidates: z.array(expectedPaymentView),
  decision: z.enum(['link', 'unrelated']).nullable(),
  evidence: z
    .object({ accountNumber: z.string(), bankName: z.string(), accountHolder: z.string(), transferDate: z.string(), attachmentId: z.string(), fileName: z.string().nullable() })
    .nullable(),
  note: z.string(),
  openedAt: z.number(),
  openedBy: z.string().nullable(),
  proposedBy: z.string().nullable(),
  /** user id of the proposer: the desk hides Setujui from them (the core refuses anyway) */
  proposedById: z.string().nullable(),
  decidedBy: z.string().nullable(),
  rejection: z.string().nullable(),
  escalation: z.object({ at: z.number(), note: z.string(), sla: slaClockView }).nullable(),
  history: z.array(z.object({ at: z.number(), type: z.string(), by: z.string().nullable(), note: z.string().nullable() })),
});
export type VerificationCaseView = z.infer<typeof verificationCaseView>;

const evidenceInput = z.object({
  accountNumber: z.string().trim().regex(/^[\d\s.-]{5,30}$/, 'payments.errors.accountNumber'),
  bankName: text(80),
  accountHolder: text(120),
  transferDate: day,
  attachmentId: text(64),
});

export const paymentMethods = defineMethods({
  'payments.accounts': { input: z.object({}), output: z.object({ accounts: z.array(bankAccountView) }), access: desk, mutates: false },
  'payments.addAccount': {
    input: z.object({ bank: text(40), number: z.string().trim().regex(/^[\d\s.-]{5,30}$/, 'payments.errors.accountNumber'), holder: text(120) }),
    output: bankAccountView,
    access: backOffice,
    mutates: true,
  },
  /** A bad mapping is refused field by field (`mapping.date`, `mapping.amount`) and nothing is saved. */
  'payments.saveMapping': { input: z.object({ accountId: uuid, mapping: columnMappingSchema }), output: bankAccountView, access: backOffice, mutates: true },
  'payments.expect': {
    input: z.object({
      accountId: uuid,
      /** whole rupiah */
      amount: z.number().int('payments.errors.wholeRupiah').positive('payments.errors.amountPositive'),
      reference: text(120),
      payerName: optionalText(120),
      expiresInHours: z.number().int('validation.invalid').min(1, 'validation.invalid').max(24 * 30, 'validation.invalid').optional(),
    }),
    output: expectedPaymentView,
    access: takers,
    mutates: true,
  },
  'payments.expectBulk': {
    input: z.object({ accountId: uuid, ...fileInput(Math.ceil((8 * 1024 * 1024 * 4) / 3) + 1024, 'payments.errors.bulkTooLarge') }),
    output: z.object({ created: z.number(), payments: z.array(expectedPaymentView) }),
    access: takers,
    mutates: true,
  },
  'payments.list': {
    input: z.object({
      accountId: uuid.optional(),
      status: z.enum(PAYMENT_STATUSES).optional(),
      text: optionalText(120),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.object({ payments: z.array(expectedPaymentView) }),
    access: desk,
    mutates: false,
  },
  'payments.cancel': { input: z.object({ id: uuid, reason: text(500) }), output: expectedPaymentView, access: takers, mutates: true },
  'statement.preview': {
    input: statementInput,
    output: importSummary.extend({ sample: z.array(mutationView.extend({ duplicate: z.boolean(), fromFeed: z.boolean() })) }),
    access: backOffice,
    mutates: false,
  },
  'statement.import': { input: statementInput, output: importSummary.extend({ importId: z.string() }).merge(matchCounts), access: backOffice, mutates: true },
  'payments.match': { input: z.object({}), output: matchCounts, access: backOffice, mutates: true, mayFindNothing: true },
  'mutations.list': {
    input: z.object({
      accountId: uuid.optional(),
      from: day.optional(),
      to: day.optional(),
      /** whole rupiah, inclusive */
      minAmount: z.number().int().nonnegative().optional(),
      maxAmount: z.number().int().nonnegative().optional(),
      status: z.enum(MUTATION_STATUSES).optional(),
      text: optionalText(120),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number(), rows: z.array(mutationView) }),
    access: desk,
    mutates: false,
  },
  'verification.list': {
    input: z.object({ status: z.enum(CASE_STATUSES).optional() }),
    output: z.object({ cases: z.array(verificationCaseView), waiting: z.object({ ambiguous: z.number(), unmatched: z.number() }) }),
    access: backOffice,
    mutates: false,
  },
  'verification.get': { input: z.object({ caseId: uuid }), output: verificationCaseView, access: backOffice, mutates: false },
  /** Opens a case for a queued credit, or for a customer's claim of a payment with no credit found. */
  'verification.open': {
    input: z.object({ mutationId: uuid.optional(), paymentId: uuid.optional(), note: z.string().trim().max(1000, 'validation.tooLong').default('') }),
    output: verificationCaseView,
    access: { roles: ['teller', 'cs', 'back-office', 'kasie', 'kacab'] },
    mutates: true,
  },
  'verification.attach': {
    input: z.object({ mimeType: z.string().trim().max(100), ...fileInput(Math.ceil((MAX_RECEIPT_BYTES * 4) / 3) + 1024, 'payments.errors.receiptTooLarge') }),
    output: z.object({ attachmentId: z.string(), fileName: z.string() }),
    access: backOffice,
    mutates: true,
  },
  'verification.attachment': {
    input: z.object({ attachmentId: text(64) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() }),
    access: backOffice,
    mutates: false,
  },
  'verification.propose': {
    input: z.object({ caseId: uuid, decision: z.enum(['link', 'unrelated']), paymentId: uuid.optional(), evidence: evidenceInput, note: z.string().trim().max(1000, 'validation.tooLong').default('') }),
    output: verificationCaseView,
    access: backOffice,
    mutates: true,
  },
  'verification.approve': { input: z.object({ caseId: uuid }), output: verificationCaseView, access: approvers, mutates: true },
  'verification.reject': { input: z.object({ caseId: uuid, reason: text(1000) }), output: verificationCaseView, access: approvers, mutates: true },
  'verification.escalate': { input: z.object({ caseId: uuid, note: text(1000) }), output: verificationCaseView, access: backOffice, mutates: true },
  'verification.resolve': { input: z.object({ caseId: uuid, note: text(1000) }), output: verificationCaseView, access: backOffice, mutates: true },
});
