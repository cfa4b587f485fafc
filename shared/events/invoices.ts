import { z } from 'zod';

// Events of the invoice-batches desk (seed 004). A batch is imported once, its accepted rows travel
// in chunks (at most INVOICE_CHUNK invoices an event) so a 50,000-row batch is a few dozen events,
// and each invoice's VA is given with it: the VA is part of what the desk decided, never recomputed.

export const INVOICE_CHUNK = 1000;

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const invoiceModule = z.enum(['einvoice', 'pintukelas']);
export const invoiceChannel = z.enum(['email', 'whatsapp', 'sms']);
export const INVOICE_CHANNELS_DEFAULT = ['email', 'whatsapp'] as const;
export const reminderScheduleSchema = z.object({
  daysBefore: z.array(z.number().int().min(0).max(365)).max(10),
  daysAfter: z.array(z.number().int().min(1).max(365)).max(10),
});

export const INVOICE_MESSAGE_KINDS = ['notice', 'reminder', 'cancel'] as const;
export const INVOICE_MESSAGE_STATUSES = ['queued', 'sent', 'failed'] as const;
/** What WhatsApp later said of a message that went out; email and SMS say nothing more. */
export const INVOICE_MESSAGE_DELIVERIES = ['delivered', 'read'] as const;

/** One message to one customer on one channel, as head office last knew it. */
export const invoiceMessage = z.object({
  id,
  invoiceId: id,
  channel: invoiceChannel,
  /** notice: the bill itself; reminder: before/after the due date; cancel: an archived bill withdrawn */
  kind: z.enum(INVOICE_MESSAGE_KINDS),
  /** `H-3`, `H`, `H+7` for a reminder */
  reminder: z.string().max(8).nullable(),
  recipient: text(254),
  status: z.enum(INVOICE_MESSAGE_STATUSES),
  /** absent in events of a head office that did not keep it */
  delivery: z.enum(INVOICE_MESSAGE_DELIVERIES).nullable().optional(),
  failure: text(500).nullable(),
  at: z.number().int(),
});
export type InvoiceMessageEvent = z.infer<typeof invoiceMessage>;

export const invoiceRow = z.object({
  id,
  /** the sheet row it came from, 1-based as Excel numbers it */
  row: z.number().int().positive(),
  /** E-Invoice: `No Invoice`; PintuKelas: the NIS/item reference */
  number: text(64),
  customerName: text(120),
  email: text(254).nullable(),
  /** E.164 */
  phone: text(20).nullable(),
  /** whole rupiah */
  amount: z.number().int().positive(),
  dueDate: day,
  description: text(500).nullable(),
  /** PintuKelas' own columns (school, class, NIS, student, item); {} for E-Invoice */
  fields: z.record(z.string(), text(120)),
  va: z.string().regex(/^\d{8,20}$/),
  /** the desk block and sequence the VA was made of, so the desk's counter follows its events */
  vaDesk: z.number().int().min(0).max(999),
  vaSeq: z.number().int().positive(),
});
export type InvoiceRowEvent = z.infer<typeof invoiceRow>;

export const invoiceEvents = {
  /** A batch uploaded from an E-Invoice or PintuKelas sheet; its invoices follow in chunks. */
  'invoices.batchImported': z.object({
    batchId: id,
    module: invoiceModule,
    fileName: text(255),
    channels: z.array(invoiceChannel).min(1).max(3),
    reminders: reminderScheduleSchema,
    /** how many invoices the chunks carry in all, and how many rows were refused */
    accepted: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
  }),
  'invoices.added': z.object({
    batchId: id,
    chunk: z.number().int().nonnegative(),
    invoices: z.array(invoiceRow).min(1).max(INVOICE_CHUNK),
  }),
  /**
   * The branch's VA setting: the bank's company prefix and the branch's VA code as the bank
   * assigned it (null: derived from the branch code until it is known). Applies to VAs given after.
   */
  'invoices.vaConfigured': z.object({
    prefix: z.string().regex(/^\d{4,8}$/),
    branchVaCode: z.string().regex(/^\d{4}$/).nullable(),
    /** whether the bank's VAs end in a Luhn check digit; older events said nothing and meant yes */
    checkDigit: z.enum(['luhn', 'none']).default('luhn'),
  }),
  /** A wrong invoice withdrawn after it may have reached the customer (seed 004: "delete/archive"). */
  'invoices.archived': z.object({ id, reason: text(500) }),
  /** An invoice that never reached anyone, removed; its VA is never issued again. */
  'invoices.deleted': z.object({ id, reason: text(500) }),
  /**
   * The desk asks head office to notify the customers of these invoices on `channels` (the batch's,
   * or the one channel of a failed message sent again). Head office sends; the desk learns what
   * went out from invoices.messages.
   */
  'invoices.sendRequested': z.object({
    requestId: id,
    batchId: id,
    invoiceIds: z.array(id).min(1).max(INVOICE_CHUNK),
    channels: z.array(invoiceChannel).min(1).max(3),
  }),
  /** Head office: what became of its messages (notices, reminders, cancellations), a chunk at a time. */
  'invoices.messages': z.object({ messages: z.array(invoiceMessage).min(1).max(INVOICE_CHUNK) }),
  /** Head office: the bank called back with a payment to the invoice's VA, and it was taken. */
  'invoices.paid': z.object({
    id,
    va: z.string().regex(/^\d{8,20}$/),
    /** the bank's id of the payment */
    paymentId: text(100),
    amount: z.number().int().positive(),
    paidAt: z.number().int(),
    bank: text(40).nullable(),
  }),
};
