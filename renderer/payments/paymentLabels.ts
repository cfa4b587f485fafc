import type { MethodInput } from '../../shared/api';
import { ApiError, type MessageParams } from '../../shared/api/errors';
import type { BankAccountView, ExpectedPaymentView, MutationView, VerificationCaseView } from '../../shared/api/methods/payments';
import { formatNumberId, formatRupiah, parseWholeRupiah } from '../../shared/domain/money';
import type { Role } from '../../shared/domain/roles';

// The mutation-matching desk's pure helpers: money as the counter writes it, the colour of each
// status, which tab and which button a role gets, and the arithmetic of the history's page cache.
// The core decides all of it again on every call; these only keep the desk from offering what
// would be refused anyway.

export type { BankAccountView, ExpectedPaymentView, MutationView, VerificationCaseView };
export type PaymentStatus = ExpectedPaymentView['status'];
export type MutationStatus = MutationView['status'];
export type CaseStatus = VerificationCaseView['status'];
export type TagType = 'info' | 'warning' | 'primary' | 'success' | 'danger';

/** `Rp 50.009`: a total as the customer transfers it. */
export const formatTotal = (rupiah: number): string => formatRupiah(rupiah);

/** `50009`: what Salin puts on the clipboard, so it pastes into any banking app's amount field. */
export const totalDigits = (rupiah: number): string => String(rupiah);

/** A statement amount: `Rp 50.009` when whole, `Rp 50.009,50` when it carries sen. */
export function formatSen(sen: number): string {
  const whole = Math.trunc(sen / 100);
  const rest = Math.abs(sen % 100);
  return rest === 0 ? formatRupiah(whole) : `${formatRupiah(whole)},${String(rest).padStart(2, '0')}`;
}

export type AmountRead = { ok: true; rupiah: number } | { ok: false; key: string; params?: MessageParams };

/**
 * An amount typed as people type it (`50.000`, `50000`, `Rp 50.000`, `50.000,-`), in whole rupiah.
 * The refusals use the core's own keys, so the desk and the core speak the same sentence.
 */
export function readAmount(text: string): AmountRead {
  const read = parseWholeRupiah(text);
  if (!read.ok) {
    if (read.reason === 'empty') return { ok: false, key: 'validation.required' };
    if (read.reason === 'fraction') return { ok: false, key: 'payments.errors.wholeRupiah' };
    return { ok: false, key: 'payments.errors.amountUnreadable', params: { value: text.trim() } };
  }
  if (read.rupiah <= 0) return { ok: false, key: 'payments.errors.amountPositive' };
  return { ok: true, rupiah: read.rupiah };
}

/** `50000` typed becomes `50.000` when the field is left; what cannot be read stays as typed. */
export function groupAmount(text: string): string {
  const read = parseWholeRupiah(text);
  return read.ok && read.rupiah > 0 ? formatNumberId(read.rupiah) : text;
}

/** `2026-11-21` and `10:02` as the statement's day: `21/11/2026 10:02`. */
export function formatDay(date: string, time: string | null = null): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}${time ? ` ${time}` : ''}`;
}

export function paymentTag(status: PaymentStatus): TagType {
  if (status === 'paid') return 'success';
  if (status === 'open') return 'primary';
  if (status === 'expired') return 'warning';
  return 'info';
}

export function mutationTag(status: MutationStatus): TagType {
  switch (status) {
    case 'matched':
    case 'verified':
      return 'success';
    case 'ambiguous':
      return 'warning';
    case 'unmatched':
      return 'danger';
    default:
      return 'info';
  }
}

export function caseTag(status: CaseStatus): TagType {
  switch (status) {
    case 'proposed':
      return 'warning';
    case 'approved':
    case 'resolved':
      return 'success';
    case 'rejected':
      return 'danger';
    case 'escalated':
      return 'primary';
    default:
      return 'info';
  }
}

// Who does what, as the contract's access lists say (shared/api/methods/payments.ts).
const TAKERS: readonly Role[] = ['teller', 'cs', 'back-office'];
const BACK_OFFICE: readonly Role[] = ['back-office', 'kasie', 'kacab'];
const any = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

export type PaymentTab = 'payments' | 'import' | 'mutations' | 'verification' | 'accounts';
export const PAYMENT_TABS: readonly PaymentTab[] = ['payments', 'import', 'mutations', 'verification', 'accounts'];

/** Tellers and CS take payments and read the history; back office, Kasie and Kacab also import and verify. */
export function tabsFor(roles: readonly Role[]): PaymentTab[] {
  const back = any(roles, BACK_OFFICE);
  return PAYMENT_TABS.filter((tab) => (tab === 'import' || tab === 'verification' ? back : true));
}

/** The tab a link asks for, if the role may see it; otherwise the first one it may. */
export function tabOf(wanted: unknown, roles: readonly Role[]): PaymentTab {
  const tabs = tabsFor(roles);
  return tabs.find((tab) => tab === wanted) ?? tabs[0] ?? 'payments';
}

/** Buat Pembayaran, the bulk upload and cancelling: the people who take payments. */
export const canTakePayments = (roles: readonly Role[]): boolean => any(roles, TAKERS);

/** Adding company accounts, importing statements and working verification cases. */
export const isBackOffice = (roles: readonly Role[]): boolean => any(roles, BACK_OFFICE);

export type PaymentAction = 'cancel' | 'claim';

/**
 * A payment's row buttons: an open one can be cancelled by whoever takes payments; a customer who
 * says they paid ("Nasabah sudah bayar") opens a verification case while the payment is not paid,
 * also once its window has passed (the transfer may have landed inside it).
 */
export function paymentActionsFor(roles: readonly Role[], payment: Pick<ExpectedPaymentView, 'status'>): PaymentAction[] {
  const actions: PaymentAction[] = [];
  if (payment.status === 'open' && canTakePayments(roles)) actions.push('cancel');
  if (payment.status === 'open' || payment.status === 'expired') actions.push('claim');
  return actions;
}

/** Only a credit the matcher could not place goes to a person. */
export const canVerify = (mutation: Pick<MutationView, 'status' | 'direction'>): boolean =>
  mutation.direction === 'CR' && (mutation.status === 'ambiguous' || mutation.status === 'unmatched');

export type CaseAction = 'propose' | 'approve' | 'reject' | 'escalate' | 'resolve';

/**
 * The case drawer's buttons, mirroring the core: back office proposes while the case is open,
 * rejected or with operations; a second person approves or rejects a proposal, never the one who
 * made it (four eyes: the core refuses that too, with its own message); a case goes to operations
 * ("Eskalasi ke OP") while nobody has proposed, and comes back with Selesai.
 */
export function caseActionsFor(roles: readonly Role[], userId: string | null, c: Pick<VerificationCaseView, 'status' | 'proposedById'>): CaseAction[] {
  if (!isBackOffice(roles)) return [];
  switch (c.status) {
    case 'open':
    case 'rejected':
      return ['propose', 'escalate'];
    case 'escalated':
      return ['propose', 'resolve'];
    case 'proposed':
      return c.proposedById !== null && c.proposedById === userId ? [] : ['approve', 'reject'];
    default:
      return [];
  }
}

/** What the account's unique codes depend on, for the Rekening list. */
export function codesNoteKey(codes: BankAccountView['codes']): string {
  return `paymentsDesk.accounts.codes.${codes}`;
}

export interface RowIssue {
  row: number;
  column: string;
  key: string;
  params: MessageParams;
}

/**
 * The per-row refusals of a bulk sheet or a statement, from the core's answer: each field issue's
 * path is `rows.<row>` or `rows.<row>.<column>`, and its params repeat the row.
 */
export function rowIssues(error: unknown): RowIssue[] {
  if (!(error instanceof ApiError) || !error.fields) return [];
  return error.fields
    .filter((f) => f.path.startsWith('rows.'))
    .map((f) => {
      const [, row = '', column = ''] = f.path.split('.');
      const params = f.params ?? {};
      return { row: Number(params.row ?? row), column: String(params.column ?? column), key: f.key, params };
    })
    .sort((a, b) => a.row - b.row);
}

/** Why the browser refuses a file before reading it: too big, or empty. */
export function fileRefusal(size: number, maxBytes: number): { key: string; params: MessageParams } | null {
  if (size === 0) return { key: 'statements.errors.empty', params: {} };
  if (size > maxBytes) return { key: 'statements.errors.tooLarge', params: { mb: Math.round(maxBytes / (1024 * 1024)) } };
  return null;
}

export interface MutationFilter {
  accountId: string;
  /** YYYY-MM-DD or '' */
  from: string;
  to: string;
  /** as typed: `50.000` */
  minAmount: string;
  maxAmount: string;
  status: MutationStatus | '';
  text: string;
}

export const emptyMutationFilter = (): MutationFilter => ({ accountId: '', from: '', to: '', minAmount: '', maxAmount: '', status: '', text: '' });

export type MutationQuery = Omit<MethodInput<'mutations.list'>, 'offset' | 'limit'>;

/** The filter as `mutations.list` takes it; an amount that cannot be read is named, not dropped. */
export function mutationQuery(filter: MutationFilter): { ok: true; query: MutationQuery } | { ok: false; field: 'minAmount' | 'maxAmount'; key: string; params?: MessageParams } {
  const query: MutationQuery = {};
  if (filter.accountId) query.accountId = filter.accountId;
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  if (filter.status) query.status = filter.status;
  const text = filter.text.trim();
  if (text) query.text = text;
  for (const field of ['minAmount', 'maxAmount'] as const) {
    if (!filter[field].trim()) continue;
    const read = readAmount(filter[field]);
    if (!read.ok) return { ok: false, field, key: read.key, ...(read.params ? { params: read.params } : {}) };
    query[field] = read.rupiah;
  }
  return { ok: true, query };
}

/** The pages (of `size` rows) that hold rows `first` to `last`, inclusive. */
export function pagesFor(first: number, last: number, size: number, total: number): number[] {
  if (total <= 0 || last < first) return [];
  const from = Math.max(0, Math.floor(first / size));
  const to = Math.min(Math.floor((total - 1) / size), Math.floor(Math.max(first, last) / size));
  const pages: number[] = [];
  for (let p = from; p <= to; p += 1) pages.push(p);
  return pages;
}

/**
 * The cached pages to let go when the cache holds more than `max`: the farthest from where the
 * user is looking first, so scrolling back a little never refetches.
 */
export function pagesToEvict(cached: Iterable<number>, around: number, max: number): number[] {
  const pages = [...cached];
  if (pages.length <= max) return [];
  return pages.sort((a, b) => Math.abs(b - around) - Math.abs(a - around)).slice(0, pages.length - max);
}

/** A payment as a choice in the case drawer: `INV-001 · Rp 50.002 · Budi Santoso`. */
export function paymentChoiceLabel(p: Pick<ExpectedPaymentView, 'reference' | 'total' | 'payerName'>): string {
  return [p.reference, formatTotal(p.total), p.payerName].filter(Boolean).join(' · ');
}
