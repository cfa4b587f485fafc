import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import {
  canVerify,
  caseActionsFor,
  caseTag,
  emptyMutationFilter,
  fileRefusal,
  formatDay,
  formatSen,
  formatTotal,
  groupAmount,
  mutationQuery,
  mutationTag,
  pagesFor,
  pagesToEvict,
  paymentActionsFor,
  paymentChoiceLabel,
  paymentTag,
  readAmount,
  rowIssues,
  tabOf,
  tabsFor,
  totalDigits,
} from './paymentLabels';

describe('money as the counter writes it', () => {
  it('shows a total big and copies its digits only', () => {
    expect(formatTotal(50_009)).toBe('Rp 50.009');
    expect(totalDigits(50_009)).toBe('50009');
    expect(formatTotal(1_250_000_123)).toBe('Rp 1.250.000.123');
  });

  it('shows statement amounts whole when they are, with sen when they carry them', () => {
    expect(formatSen(5_000_900)).toBe('Rp 50.009');
    expect(formatSen(5_000_950)).toBe('Rp 50.009,50');
    expect(formatSen(5)).toBe('Rp 0,05');
  });

  it('reads an amount typed the way people type it', () => {
    expect(readAmount('50.000')).toEqual({ ok: true, rupiah: 50_000 });
    expect(readAmount('50000')).toEqual({ ok: true, rupiah: 50_000 });
    expect(readAmount('Rp 1.250.000')).toEqual({ ok: true, rupiah: 1_250_000 });
    expect(readAmount('50.000,-')).toEqual({ ok: true, rupiah: 50_000 });
  });

  it('refuses with the core’s own words what is not whole rupiah above zero', () => {
    expect(readAmount('')).toEqual({ ok: false, key: 'validation.required' });
    expect(readAmount('50.000,50')).toEqual({ ok: false, key: 'payments.errors.wholeRupiah' });
    expect(readAmount('lima puluh')).toEqual({ ok: false, key: 'payments.errors.amountUnreadable', params: { value: 'lima puluh' } });
    expect(readAmount('0')).toEqual({ ok: false, key: 'payments.errors.amountPositive' });
  });

  it('groups the thousands when the field is left, and leaves what it cannot read alone', () => {
    expect(groupAmount('50000')).toBe('50.000');
    expect(groupAmount('1250000')).toBe('1.250.000');
    expect(groupAmount('50,5x')).toBe('50,5x');
  });

  it('writes a statement day the Indonesian way', () => {
    expect(formatDay('2026-11-21')).toBe('21/11/2026');
    expect(formatDay('2026-11-21', '10:02')).toBe('21/11/2026 10:02');
  });
});

describe('status colours', () => {
  it('paid and matched are green, what needs a person is amber or red', () => {
    expect(paymentTag('paid')).toBe('success');
    expect(paymentTag('expired')).toBe('warning');
    expect(paymentTag('cancelled')).toBe('info');
    expect(mutationTag('matched')).toBe('success');
    expect(mutationTag('verified')).toBe('success');
    expect(mutationTag('ambiguous')).toBe('warning');
    expect(mutationTag('unmatched')).toBe('danger');
    expect(mutationTag('debit')).toBe('info');
    expect(caseTag('proposed')).toBe('warning');
    expect(caseTag('rejected')).toBe('danger');
    expect(caseTag('approved')).toBe('success');
  });
});

describe('what each role sees', () => {
  it('tellers and CS take payments and read the history; back office, Kasie and Kacab also import and verify', () => {
    expect(tabsFor(['teller'])).toEqual(['payments', 'mutations', 'accounts']);
    expect(tabsFor(['cs'])).toEqual(['payments', 'mutations', 'accounts']);
    expect(tabsFor(['back-office'])).toEqual(['payments', 'import', 'mutations', 'verification', 'accounts']);
    expect(tabsFor(['kasie'])).toEqual(['payments', 'import', 'mutations', 'verification', 'accounts']);
  });

  it('a link to a tab the role may not see lands on the first one', () => {
    expect(tabOf('verification', ['teller'])).toBe('payments');
    expect(tabOf('verification', ['kacab'])).toBe('verification');
    expect(tabOf(undefined, ['back-office'])).toBe('payments');
  });

  it('an open payment is cancelled by whoever takes payments; a customer’s claim is heard until it is paid', () => {
    expect(paymentActionsFor(['teller'], { status: 'open' })).toEqual(['cancel', 'claim']);
    expect(paymentActionsFor(['kasie'], { status: 'open' })).toEqual(['claim']);
    expect(paymentActionsFor(['cs'], { status: 'expired' })).toEqual(['claim']);
    expect(paymentActionsFor(['back-office'], { status: 'paid' })).toEqual([]);
    expect(paymentActionsFor(['back-office'], { status: 'cancelled' })).toEqual([]);
  });

  it('only a credit matching could not place goes to a person', () => {
    expect(canVerify({ status: 'unmatched', direction: 'CR' })).toBe(true);
    expect(canVerify({ status: 'ambiguous', direction: 'CR' })).toBe(true);
    expect(canVerify({ status: 'matched', direction: 'CR' })).toBe(false);
    expect(canVerify({ status: 'debit', direction: 'DB' })).toBe(false);
  });

  it('back office proposes; a second person approves or rejects, never the proposer', () => {
    expect(caseActionsFor(['back-office'], 'u1', { status: 'open', proposedById: null })).toEqual(['propose', 'escalate']);
    expect(caseActionsFor(['back-office'], 'u1', { status: 'proposed', proposedById: 'u1' })).toEqual([]);
    expect(caseActionsFor(['kasie'], 'u2', { status: 'proposed', proposedById: 'u1' })).toEqual(['approve', 'reject']);
    expect(caseActionsFor(['back-office'], 'u1', { status: 'rejected', proposedById: 'u1' })).toEqual(['propose', 'escalate']);
    expect(caseActionsFor(['back-office'], 'u1', { status: 'escalated', proposedById: null })).toEqual(['propose', 'resolve']);
    expect(caseActionsFor(['back-office'], 'u1', { status: 'approved', proposedById: 'u2' })).toEqual([]);
  });

  it('a teller or CS hands a case over and works none', () => {
    expect(caseActionsFor(['teller', 'cs'], 'u1', { status: 'open', proposedById: null })).toEqual([]);
  });
});

describe('files and their rows', () => {
  it('refuses an empty or oversized file before reading it', () => {
    expect(fileRefusal(0, 1024)).toEqual({ key: 'statements.errors.empty', params: {} });
    expect(fileRefusal(51 * 1024 * 1024, 50 * 1024 * 1024)).toEqual({ key: 'statements.errors.tooLarge', params: { mb: 50 } });
    expect(fileRefusal(1024, 50 * 1024 * 1024)).toBeNull();
  });

  it('lists a refused sheet’s rows in order, with their columns', () => {
    const error = new ApiError('bad_input', 'payments.errors.bulkRefused', { count: 2 }, [
      { path: 'rows.4.amount', key: 'payments.errors.amountUnreadable', params: { row: 4, column: 'amount', value: 'x' } },
      { path: 'rows.2.ref', key: 'validation.required', params: { row: 2, column: 'ref' } },
      { path: 'accountId', key: 'validation.invalid' },
    ]);
    expect(rowIssues(error)).toEqual([
      { row: 2, column: 'ref', key: 'validation.required', params: { row: 2, column: 'ref' } },
      { row: 4, column: 'amount', key: 'payments.errors.amountUnreadable', params: { row: 4, column: 'amount', value: 'x' } },
    ]);
    expect(rowIssues(new Error('x'))).toEqual([]);
  });

  it('reads a statement row refusal without a column', () => {
    const error = new ApiError('bad_input', 'statements.errors.rowsRefused', { count: 1 }, [{ path: 'rows.9', key: 'statements.errors.date', params: { row: 9, value: '31/02' } }]);
    expect(rowIssues(error)).toEqual([{ row: 9, column: '', key: 'statements.errors.date', params: { row: 9, value: '31/02' } }]);
  });
});

describe('the history filter', () => {
  it('sends only what was filled in, amounts in whole rupiah', () => {
    expect(mutationQuery(emptyMutationFilter())).toEqual({ ok: true, query: {} });
    const filter = { ...emptyMutationFilter(), accountId: 'a1', from: '2026-11-01', to: '2026-11-30', minAmount: '50.000', maxAmount: '1.000.000', status: 'unmatched' as const, text: ' BUDI ' };
    expect(mutationQuery(filter)).toEqual({ ok: true, query: { accountId: 'a1', from: '2026-11-01', to: '2026-11-30', minAmount: 50_000, maxAmount: 1_000_000, status: 'unmatched', text: 'BUDI' } });
  });

  it('names the amount it cannot read', () => {
    expect(mutationQuery({ ...emptyMutationFilter(), maxAmount: 'banyak' })).toEqual({ ok: false, field: 'maxAmount', key: 'payments.errors.amountUnreadable', params: { value: 'banyak' } });
  });
});

describe('the history’s page cache', () => {
  it('fetches the pages that hold the rows in view, never past the end', () => {
    expect(pagesFor(0, 20, 100, 100_000)).toEqual([0]);
    expect(pagesFor(95, 130, 100, 100_000)).toEqual([0, 1]);
    expect(pagesFor(99_990, 100_010, 100, 100_000)).toEqual([999]);
    expect(pagesFor(0, 10, 100, 0)).toEqual([]);
  });

  it('lets go of the pages farthest from the view first', () => {
    expect(pagesToEvict([0, 1, 2, 50, 51], 50, 3)).toEqual([0, 1]);
    expect(pagesToEvict([4, 5], 5, 3)).toEqual([]);
  });

  it('names a payment as a choice with its reference, total and payer', () => {
    expect(paymentChoiceLabel({ reference: 'INV-7', total: 50_002, payerName: 'Sari' })).toBe('INV-7 · Rp 50.002 · Sari');
    expect(paymentChoiceLabel({ reference: 'INV-8', total: 75_001, payerName: null })).toBe('INV-8 · Rp 75.001');
  });
});
