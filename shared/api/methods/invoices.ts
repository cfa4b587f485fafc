import { z } from 'zod';
import {
  INVOICE_CHANNELS_DEFAULT,
  INVOICE_MESSAGE_KINDS,
  INVOICE_MESSAGE_DELIVERIES,
  INVOICE_MESSAGE_STATUSES,
  invoiceChannel,
  invoiceModule,
  reminderScheduleSchema,
} from '../../events/invoices';
import { MAX_INVOICE_FILE_BYTES } from '../../invoices/sheet';
import { INVOICE_STATUSES } from '../../invoices/state';
import { defineMethods } from '../contract';
import { exportedFile } from './complaints';

// Invoice-batches desk (seed 004): the Excel templates of E-Invoice and PintuKelas, a preview of an
// uploaded batch row by row, the import of its good rows with a VA each, the list with the status
// the dashboard shows, and archive/delete of a wrong invoice. Back office runs it; Kasie and Kacab
// supervise.

const backOffice = { roles: ['back-office', 'kasie', 'kacab'] } as const;
/** the VA setting is the bank's assignment, entered by the branch's supervisors */
const supervisors = { roles: ['kasie', 'kacab'] } as const;

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional();
const uuid = z.string().uuid('validation.invalid');

export const INVOICE_DISPLAY_STATUSES = ['due', 'overdue', 'paid', 'archived', 'deleted'] as const;
export const NOTICE_STATES = ['none', 'requested', 'sent', 'failed'] as const;
export const INVOICE_REPORT_KINDS = ['transactions', 'reconciliation'] as const;
export { INVOICE_STATUSES };

const params = z.record(z.string(), z.union([z.string(), z.number()]));
/** One problem of the sheet: row as Excel numbers it, the column's exact header ('' for the row). */
export const sheetProblemView = z.object({ row: z.number(), column: z.string(), key: z.string(), params: params.optional() });

const fileInput = {
  module: invoiceModule,
  fileName: text(255),
  dataBase64: z
    .string()
    .min(1, 'validation.required')
    .max(Math.ceil((MAX_INVOICE_FILE_BYTES * 4) / 3) + 1024, 'invoices.errors.tooLarge'),
};

export const invoiceView = z.object({
  id: z.string(),
  batchId: z.string(),
  module: invoiceModule,
  row: z.number(),
  number: z.string(),
  customerName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  amount: z.number(),
  dueDate: z.string(),
  description: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  va: z.string(),
  status: z.enum(INVOICE_STATUSES),
  /** from displayStatus and the branch's today */
  display: z.enum(INVOICE_DISPLAY_STATUSES),
  createdAt: z.number(),
  reason: z.string().nullable(),
  /**
   * Where its notice stands: none (never asked for), requested (waiting for head office: the line
   * may be down), sent (at least one channel took it), failed (every channel tried failed).
   */
  notice: z.enum(NOTICE_STATES),
  paidAt: z.number().nullable(),
  paymentId: z.string().nullable(),
});
export type InvoiceView = z.infer<typeof invoiceView>;

export const invoiceBatchView = z.object({
  id: z.string(),
  module: invoiceModule,
  fileName: z.string(),
  channels: z.array(invoiceChannel),
  reminders: reminderScheduleSchema,
  accepted: z.number(),
  rejected: z.number(),
  createdAt: z.number(),
  createdBy: z.string().nullable(),
});
export type InvoiceBatchView = z.infer<typeof invoiceBatchView>;

/** A row of the preview: the invoice as it will be stored, before it has an id or a VA. */
const previewDraft = invoiceView.pick({ row: true, number: true, customerName: true, email: true, phone: true, amount: true, dueDate: true, description: true, fields: true });

const sheetOutcome = {
  accepted: z.number(),
  rejected: z.number(),
  /** every problem of every refused row, in sheet order */
  errors: z.array(sheetProblemView),
};

export const vaConfigView = z.object({
  prefix: z.string(),
  /** the branch's VA code in use */
  branchVaCode: z.string(),
  /** true while the code is derived from the branch code, not the bank's assignment */
  derived: z.boolean(),
  /** digits of a VA, check digit included */
  length: z.number(),
  checkDigit: z.enum(['luhn', 'none']),
});
export type VaConfigView = z.infer<typeof vaConfigView>;

export const invoiceMessageView = z.object({
  id: z.string(),
  invoiceId: z.string(),
  channel: invoiceChannel,
  kind: z.enum(INVOICE_MESSAGE_KINDS),
  reminder: z.string().nullable(),
  recipient: z.string(),
  status: z.enum(INVOICE_MESSAGE_STATUSES),
  delivery: z.enum(INVOICE_MESSAGE_DELIVERIES).nullable(),
  failure: z.string().nullable(),
  at: z.number(),
});
export type InvoiceMessageView = z.infer<typeof invoiceMessageView>;

const countAndAmount = z.object({ count: z.number(), amount: z.number() });
/** The dashboard: invoices and rupiah per status, and the messages per delivery state. */
export const invoiceDashboardView = z.object({
  today: z.string(),
  unsent: countAndAmount,
  due: countAndAmount,
  overdue: countAndAmount,
  paid: countAndAmount,
  archived: countAndAmount,
  deleted: countAndAmount,
  messages: z.object({ requested: z.number(), sent: z.number(), failed: z.number() }),
});
export type InvoiceDashboardView = z.infer<typeof invoiceDashboardView>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid');
/** the period is checked by the handler too: `to` before `from` is invoices.errors.periodOrder on `to` */
const reportFields = { kind: z.enum(INVOICE_REPORT_KINDS), from: day, to: day, batchId: uuid.optional() };

/** Transaction report: the invoices falling due in the period, as they stand today. */
export const transactionReportRow = z.object({
  invoiceId: z.string(),
  batchId: z.string(),
  fileName: z.string(),
  number: z.string(),
  customerName: z.string(),
  va: z.string(),
  amount: z.number(),
  dueDate: z.string(),
  display: z.enum(INVOICE_DISPLAY_STATUSES),
  paidAt: z.number().nullable(),
});
/** Reconciliation: each payment taken in the period against its invoice and VA, and totals per day. */
export const reconciliationRow = z.object({
  paymentId: z.string(),
  paidAt: z.number(),
  /** the branch's day of the payment */
  day: z.string(),
  va: z.string(),
  bank: z.string().nullable(),
  invoiceId: z.string(),
  number: z.string(),
  customerName: z.string(),
  invoiceAmount: z.number(),
  paidAmount: z.number(),
  /** the difference, 0 for a closed VA taken at its exact amount */
  difference: z.number(),
});
export const invoiceReportView = z.object({
  kind: z.enum(INVOICE_REPORT_KINDS),
  from: z.string(),
  to: z.string(),
  today: z.string(),
  transactions: z.array(transactionReportRow),
  /** per status shown: count and rupiah (transactions report) */
  totals: z.record(z.string(), countAndAmount),
  reconciliation: z.array(reconciliationRow),
  days: z.array(z.object({ day: z.string(), count: z.number(), amount: z.number() })),
  /** the report lists at most this many rows; the totals count them all */
  truncated: z.boolean(),
});
export type InvoiceReportView = z.infer<typeof invoiceReportView>;

export const invoiceMethods = defineMethods({
  'invoices.vaConfig': { input: z.object({}), output: vaConfigView, access: backOffice, mutates: false },
  'invoices.configureVa': {
    input: z.object({
      prefix: z.string().trim().regex(/^\d{4,8}$/, 'invoices.errors.vaConfigPrefix'),
      branchVaCode: z.string().trim().regex(/^\d{4}$/, 'invoices.errors.vaBranchCode').nullable(),
      /** as the bank asks: a Luhn check digit at the end, or none */
      checkDigit: z.enum(['luhn', 'none'], 'validation.oneOf').default('luhn'),
    }),
    output: vaConfigView,
    access: supervisors,
    mutates: true,
  },
  'invoices.template': {
    input: z.object({ module: invoiceModule }),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
    access: backOffice,
    mutates: false,
  },
  'invoices.preview': {
    input: z.object(fileInput),
    output: z.object({ ...sheetOutcome, rows: z.array(previewDraft) }),
    access: backOffice,
    mutates: false,
  },
  'invoices.import': {
    input: z.object({
      ...fileInput,
      channels: z.array(invoiceChannel).min(1, 'invoices.errors.channelRequired').max(3).default([...INVOICE_CHANNELS_DEFAULT]),
      reminders: reminderScheduleSchema.default({ daysBefore: [3, 1], daysAfter: [1, 7] }),
    }),
    output: z.object({ ...sheetOutcome, batchId: z.string() }),
    access: backOffice,
    mutates: true,
  },
  'invoices.batches': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ batches: z.array(invoiceBatchView) }),
    access: backOffice,
    mutates: false,
  },
  'invoices.list': {
    input: z.object({
      batchId: uuid.optional(),
      status: z.enum(INVOICE_DISPLAY_STATUSES).optional(),
      text: optionalText(120),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.object({ invoices: z.array(invoiceView), total: z.number() }),
    access: backOffice,
    mutates: false,
  },
  /**
   * Asks head office to notify the customers: the listed invoices, or every unsent live invoice of
   * the batch, on the batch's channels. Waits in the outbox while the line is down.
   */
  'invoices.send': {
    input: z.object({ batchId: uuid, invoiceIds: z.array(uuid).min(1).max(5000).optional() }),
    output: z.object({ requested: z.number() }),
    access: backOffice,
    mutates: true,
  },
  /** Sends a failed message again on its channel. */
  'invoices.resend': { input: z.object({ messageId: z.string().min(1).max(64) }), output: z.object({ requested: z.number() }), access: backOffice, mutates: true },
  'invoices.messages': {
    input: z.object({ invoiceId: uuid }),
    output: z.object({ messages: z.array(invoiceMessageView) }),
    access: backOffice,
    mutates: false,
  },
  'invoices.dashboard': { input: z.object({ batchId: uuid.optional() }), output: invoiceDashboardView, access: backOffice, mutates: false },
  'invoices.report': { input: z.object(reportFields), output: invoiceReportView, access: backOffice, mutates: false },
  'invoices.exportReport': {
    input: z.object({ ...reportFields, format: z.enum(['xlsx', 'pdf'], 'validation.oneOf') }),
    output: exportedFile,
    access: backOffice,
    mutates: false,
  },
  'invoices.archive': { input: z.object({ id: uuid, reason: text(500) }), output: invoiceView, access: backOffice, mutates: true },
  'invoices.delete': { input: z.object({ id: uuid, reason: text(500) }), output: invoiceView, access: backOffice, mutates: true },
});
