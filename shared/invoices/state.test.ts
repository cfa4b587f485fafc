import { describe, expect, it } from 'vitest';
import {
  bankCallbackAnswer,
  displayStatus,
  INVOICE_STATUSES,
  nextInvoiceState,
  payInvoice,
  type BankCallbackAnswer,
  type InvoiceAction,
  type InvoiceRefusal,
  type InvoiceState,
  type InvoiceStatus,
} from './state';

const invoice = (status: InvoiceStatus, over: Partial<InvoiceState> = {}): InvoiceState => ({
  status,
  amount: 350_000,
  dueDate: '2026-07-10',
  payment: status === 'paid' ? { paymentId: 'PAY-1', amount: 350_000 } : null,
  archiveReason: status === 'archived' ? 'jumlah salah' : null,
  ...over,
});

const SEND: InvoiceAction = { kind: 'send' };
const PAY: InvoiceAction = { kind: 'pay', amount: 350_000, paymentId: 'PAY-2' };
const PAY_AGAIN: InvoiceAction = { kind: 'pay', amount: 350_000, paymentId: 'PAY-1' };
const PAY_LESS: InvoiceAction = { kind: 'pay', amount: 349_999, paymentId: 'PAY-2' };
const PAY_MORE: InvoiceAction = { kind: 'pay', amount: 350_001, paymentId: 'PAY-2' };
const ARCHIVE: InvoiceAction = { kind: 'archive', reason: ' Jumlah salah, diganti INV-9 ' };
const ARCHIVE_BLANK: InvoiceAction = { kind: 'archive', reason: '  ' };
const ARCHIVE_LONG: InvoiceAction = { kind: 'archive', reason: 'x'.repeat(501) };
const DELETE: InvoiceAction = { kind: 'delete' };

describe('invoice transitions', () => {
  // every status against every action: the new status, or the refusal
  it.each<[InvoiceStatus, InvoiceAction, InvoiceStatus | InvoiceRefusal]>([
    ['unsent', SEND, 'sent'],
    ['sent', SEND, 'sent'],
    ['paid', SEND, 'alreadyPaid'],
    ['archived', SEND, 'archived'],
    ['deleted', SEND, 'deleted'],

    ['unsent', PAY, 'paid'],
    ['sent', PAY, 'paid'],
    ['sent', PAY_LESS, 'amountMismatch'],
    ['sent', PAY_MORE, 'amountMismatch'],
    ['unsent', PAY_MORE, 'amountMismatch'],
    ['paid', PAY, 'alreadyPaid'],
    ['paid', PAY_MORE, 'alreadyPaid'],
    ['paid', PAY_AGAIN, 'paid'],
    ['archived', PAY, 'archived'],
    ['deleted', PAY, 'deleted'],

    ['unsent', ARCHIVE, 'archived'],
    ['sent', ARCHIVE, 'archived'],
    ['sent', ARCHIVE_BLANK, 'archiveReasonRequired'],
    ['sent', ARCHIVE_LONG, 'archiveReasonTooLong'],
    ['paid', ARCHIVE, 'alreadyPaid'],
    ['archived', ARCHIVE, 'archived'],
    ['deleted', ARCHIVE, 'deleted'],

    ['unsent', DELETE, 'deleted'],
    ['sent', DELETE, 'wasSent'],
    ['paid', DELETE, 'alreadyPaid'],
    ['archived', DELETE, 'archived'],
    ['deleted', DELETE, 'deleted'],
  ])('%s + %o → %s', (status, action, expected) => {
    const result = nextInvoiceState(invoice(status), action);
    expect(result.ok ? result.state.status : result.reason).toBe(expected);
    if (!result.ok) expect(result.key).toBe(`invoices.errors.${result.reason}`);
  });

  it('records the payment and keeps the archive reason trimmed', () => {
    const paid = nextInvoiceState(invoice('sent'), PAY);
    expect(paid).toEqual({ ok: true, replay: false, state: { ...invoice('sent'), status: 'paid', payment: { paymentId: 'PAY-2', amount: 350_000 } } });
    const archived = nextInvoiceState(invoice('sent'), ARCHIVE);
    expect(archived.ok && archived.state.archiveReason).toBe('Jumlah salah, diganti INV-9');
  });

  it('answers a retried payment as a replay that changes nothing', () => {
    const paid = invoice('paid');
    expect(payInvoice(paid, { paymentId: 'PAY-1', amount: 350_000 })).toEqual({ ok: true, replay: true, state: paid });
  });

  it('refuses a payment without the bank’s payment id', () => {
    expect(() => payInvoice(invoice('sent'), { paymentId: ' ', amount: 350_000 })).toThrow(RangeError);
  });

  it('never leaves paid, archived or deleted', () => {
    for (const status of ['paid', 'archived', 'deleted'] as const) {
      for (const action of [SEND, PAY, ARCHIVE, DELETE]) expect(nextInvoiceState(invoice(status), action).ok).toBe(false);
    }
    expect(INVOICE_STATUSES).toHaveLength(5);
  });
});

describe('displayStatus', () => {
  it.each<[InvoiceStatus, string, string]>([
    ['unsent', '2026-07-09', 'due'],
    ['sent', '2026-07-10', 'due'],
    ['sent', '2026-07-11', 'overdue'],
    ['unsent', '2026-08-01', 'overdue'],
    ['paid', '2026-08-01', 'paid'],
    ['archived', '2026-07-01', 'archived'],
    ['deleted', '2026-07-01', 'deleted'],
  ])('%s on %s → %s', (status, today, expected) => {
    expect(displayStatus(invoice(status), today)).toBe(expected);
  });

  it('throws on a malformed today', () => {
    expect(() => displayStatus(invoice('sent'), '10/07/2026')).toThrow(RangeError);
  });
});

describe('bank callback answers', () => {
  it.each<[string, InvoiceStatus, { amount: number; paymentId: string } | null, BankCallbackAnswer]>([
    ['a first exact payment', 'sent', { amount: 350_000, paymentId: 'PAY-2' }, 'accepted'],
    ['a payment before the notice went out', 'unsent', { amount: 350_000, paymentId: 'PAY-2' }, 'accepted'],
    ['the same payment retried', 'paid', { amount: 350_000, paymentId: 'PAY-1' }, 'duplicate'],
    ['another payment to a paid VA', 'paid', { amount: 350_000, paymentId: 'PAY-2' }, 'refused-paid'],
    ['a wrong amount to a closed VA', 'sent', { amount: 300_000, paymentId: 'PAY-2' }, 'refused-amount'],
    ['a payment to an archived invoice', 'archived', { amount: 350_000, paymentId: 'PAY-2' }, 'refused-archived'],
    ['a payment to a deleted invoice', 'deleted', { amount: 350_000, paymentId: 'PAY-2' }, 'unknown-va'],
  ])('%s → %s', (_, status, payment, answer) => {
    expect(bankCallbackAnswer(payment && payInvoice(invoice(status), payment))).toBe(answer);
  });

  it('answers unknown-va when no invoice has the VA', () => {
    expect(bankCallbackAnswer(null)).toBe('unknown-va');
  });
});
