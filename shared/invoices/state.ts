import { isIsoDay } from './days';

// The life of an invoice (seed 004). It is uploaded unsent, sent when its first notice goes out
// (and may be sent again as a reminder), paid through its VA, archived when it was wrong after all
// ("delete/archive invoice", then upload a corrected one), or deleted if it never reached anyone.
// Due and overdue are not stored: they follow from the due date and today.

export const INVOICE_STATUSES = ['unsent', 'sent', 'paid', 'archived', 'deleted'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** What the dashboard shows: the payment side for a live invoice, the status otherwise. */
export type InvoiceDisplayStatus = 'due' | 'overdue' | 'paid' | 'archived' | 'deleted';

export const MAX_ARCHIVE_REASON_LENGTH = 500;

export interface InvoicePayment {
  /** the bank's id of the payment, which a callback repeats when it is retried */
  paymentId: string;
  /** whole rupiah */
  amount: number;
}

export interface InvoiceState {
  status: InvoiceStatus;
  /** whole rupiah */
  amount: number;
  /** `YYYY-MM-DD` */
  dueDate: string;
  payment: InvoicePayment | null;
  archiveReason: string | null;
}

export type InvoiceAction =
  /** hand the notice to messaging; on a sent invoice, a resend */
  | { kind: 'send' }
  | { kind: 'pay'; amount: number; paymentId: string }
  | { kind: 'archive'; reason: string }
  | { kind: 'delete' };

export type InvoiceRefusal =
  /** paid already: a VA whose invoice is Paid refuses any further payment (seed 004) */
  | 'alreadyPaid'
  | 'archived'
  | 'deleted'
  /** a closed VA takes exactly the invoice's amount, no more and no less */
  | 'amountMismatch'
  /** the notice went out: the customer may act on it, so the invoice is archived, never deleted */
  | 'wasSent'
  | 'archiveReasonRequired'
  | 'archiveReasonTooLong';

export type PayRefusal = Extract<InvoiceRefusal, 'alreadyPaid' | 'archived' | 'deleted' | 'amountMismatch'>;

export interface Refused<R extends InvoiceRefusal> {
  ok: false;
  reason: R;
  /** the message key, for the desk and the CLI */
  key: `invoices.errors.${R}`;
}
/** `replay`: the same payment was applied before (a retried bank callback); nothing changes */
export interface Moved {
  ok: true;
  state: InvoiceState;
  replay: boolean;
}
export type InvoiceTransition = Moved | Refused<InvoiceRefusal>;
export type PayTransition = Moved | Refused<PayRefusal>;

const refuse = <R extends InvoiceRefusal>(reason: R): Refused<R> => ({ ok: false, reason, key: `invoices.errors.${reason}` as `invoices.errors.${R}` });
const to = (state: InvoiceState): Moved => ({ ok: true, state, replay: false });

/** The refusal a closed invoice gives to anything, by its status. */
function closedRefusal(status: InvoiceStatus): 'alreadyPaid' | 'archived' | 'deleted' | null {
  if (status === 'paid') return 'alreadyPaid';
  if (status === 'archived') return 'archived';
  if (status === 'deleted') return 'deleted';
  return null;
}

/**
 * A payment to the invoice's VA. Throws on a payment without an id: the callback's schema requires
 * one, and without it a retried callback could not be recognised.
 */
export function payInvoice(state: InvoiceState, payment: InvoicePayment): PayTransition {
  if (payment.paymentId.trim() === '') throw new RangeError('a payment needs the bank payment id');
  // checked before the refusal of a paid invoice, so a retried callback gets its first answer again
  if (state.status === 'paid' && state.payment?.paymentId === payment.paymentId) return { ok: true, state, replay: true };
  const closed = closedRefusal(state.status);
  if (closed) return refuse(closed);
  // unsent too: a customer may pay from a VA given at the counter before the notice goes out
  if (payment.amount !== state.amount) return refuse('amountMismatch');
  return to({ ...state, status: 'paid', payment: { paymentId: payment.paymentId, amount: payment.amount } });
}

/** The invoice after `action`, or why the action is refused. */
export function nextInvoiceState(state: InvoiceState, action: InvoiceAction): InvoiceTransition {
  const closed = closedRefusal(state.status);
  switch (action.kind) {
    case 'send':
      return closed ? refuse(closed) : to({ ...state, status: 'sent' });
    case 'pay':
      return payInvoice(state, { amount: action.amount, paymentId: action.paymentId });
    case 'archive': {
      if (closed) return refuse(closed);
      const reason = action.reason.trim();
      if (reason === '') return refuse('archiveReasonRequired');
      if (reason.length > MAX_ARCHIVE_REASON_LENGTH) return refuse('archiveReasonTooLong');
      return to({ ...state, status: 'archived', archiveReason: reason });
    }
    case 'delete':
      if (closed) return refuse(closed);
      return state.status === 'unsent' ? to({ ...state, status: 'deleted' }) : refuse('wasSent');
  }
}

/**
 * `due` while unpaid up to and including the due date, `overdue` from the day after; `today` is the
 * branch's day (WIB), as `YYYY-MM-DD`.
 */
export function displayStatus(invoice: Pick<InvoiceState, 'status' | 'dueDate'>, today: string): InvoiceDisplayStatus {
  if (!isIsoDay(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
  if (invoice.status === 'unsent' || invoice.status === 'sent') return today > invoice.dueDate ? 'overdue' : 'due';
  return invoice.status;
}

/** The answer head office gives the bank's payment callback. */
export type BankCallbackAnswer = 'accepted' | 'duplicate' | 'refused-amount' | 'refused-paid' | 'refused-archived' | 'unknown-va';

/**
 * The callback answer for the outcome of a `pay`, or for no invoice at all (null: the VA is not one
 * of ours or was never issued). A duplicate is a success to the bank: the money was taken once, and
 * answering it as an error would make the bank retry or reverse a good payment.
 */
export function bankCallbackAnswer(outcome: PayTransition | null): BankCallbackAnswer {
  if (outcome === null) return 'unknown-va';
  if (outcome.ok) return outcome.replay ? 'duplicate' : 'accepted';
  switch (outcome.reason) {
    case 'alreadyPaid':
      return 'refused-paid';
    case 'archived':
      return 'refused-archived';
    case 'amountMismatch':
      return 'refused-amount';
    // a deleted invoice never reached a customer: to the bank its VA does not exist
    case 'deleted':
      return 'unknown-va';
  }
}
