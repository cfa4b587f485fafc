import { z } from 'zod';
import { INVOICE_CHANNELS_DEFAULT, invoiceChannel, invoiceModule, reminderScheduleSchema } from '../../events/invoices';
import { MAX_INVOICE_FILE_BYTES } from '../../invoices/sheet';
import { INVOICE_STATUSES } from '../../invoices/state';
import { defineMethods } from '../contract';

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

const previewDraft = z.object({
  row: z.number(),
  number: z.string(),
  customerName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  amount: z.number(),
  dueDate: z.string(),
  description: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
});

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
});
export type VaConfigView = z.infer<typeof vaConfigView>;

export const invoiceMethods = defineMethods({
  'invoices.vaConfig': { input: z.object({}), output: vaConfigView, access: backOffice, mutates: false },
  'invoices.configureVa': {
    input: z.object({
      prefix: z.string().trim().regex(/^\d{4,8}$/, 'invoices.errors.vaConfigPrefix'),
      branchVaCode: z.string().trim().regex(/^\d{4}$/, 'invoices.errors.vaBranchCode').nullable(),
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
  'invoices.archive': { input: z.object({ id: uuid, reason: text(500) }), output: invoiceView, access: backOffice, mutates: true },
  'invoices.delete': { input: z.object({ id: uuid, reason: text(500) }), output: invoiceView, access: backOffice, mutates: true },
});
