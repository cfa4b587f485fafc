import { formatRupiah } from '../domain/money';
import { fromLocalParts, localDayKey, startOfLocalDay, type Zone } from '../domain/time';

// Automatic matching (seed 003, DOMAIN.md §4): a credit whose amount equals exactly one open
// payment's total on its account, inside the payment's window, pays it; two or more candidates are
// left to a person (never auto-confirmed, as Moota does); none goes to the unmatched queue. Every
// decision says why, in words a back-office clerk checks against the statement.

export interface Credit {
  id: string;
  account: string;
  /** the statement's local day, YYYY-MM-DD */
  date: string;
  /** HH:mm when the statement has it */
  time: string | null;
  direction: 'CR' | 'DB';
  amountSen: number;
}

export interface PaymentCandidate {
  id: string;
  account: string;
  /** whole rupiah */
  total: number;
  code: number;
  status: 'open' | 'paid' | 'cancelled';
  createdAt: number;
  expiresAt: number;
}

export type MatchOutcome = 'matched' | 'ambiguous' | 'unmatched';

export interface MatchReason {
  key: string;
  params: Record<string, string | number>;
}

export interface Decision {
  creditId: string;
  outcome: MatchOutcome;
  paymentId: string | null;
  candidates: string[];
  /** what the decision rests on; its reason in words is decisionReason(credit, detail), built only when read */
  detail: DecisionDetail;
}

/** Where a credit stands against a payment's window. */
type Window = 'inside' | 'before' | 'after';

/** Why a credit paid no payment: the one part of an unmatched decision's reason not read from the credit itself. */
export const UNMATCHED_CAUSES = ['hasSen', 'alreadyPaid', 'expired', 'beforePayment', 'noPayment'] as const;
export type UnmatchedCause = (typeof UNMATCHED_CAUSES)[number];

/** What a decision rests on beyond the credit: the payment's code, the number of candidates, or why none. */
export type DecisionDetail = { outcome: 'matched'; code: number } | { outcome: 'ambiguous'; count: number } | { outcome: 'unmatched'; cause: UnmatchedCause };

/**
 * A decision's reason in words: the statement's day and time and the amount as the statement shows
 * them, with the payment's code, the number of candidates, or why none. The same words whether the
 * decision is being made or read back later from the credit's row.
 */
export function decisionReason(credit: Pick<Credit, 'date' | 'time' | 'amountSen'>, detail: DecisionDetail): MatchReason {
  const base = reasonBase(credit);
  if (detail.outcome === 'matched') return { key: 'payments.reasons.unique', params: { ...base, code: detail.code } };
  if (detail.outcome === 'ambiguous') return { key: 'payments.reasons.ambiguous', params: { ...base, count: detail.count } };
  return { key: `payments.reasons.${detail.cause}`, params: base };
}

/** The statement instant of a credit that has a time: its minute's start in the branch's zone. */
function minuteOf(credit: Credit, time: string, zone: Zone): number {
  const [y, m, d] = credit.date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return fromLocalParts({ year: y, month: m, day: d, hour: hh, minute: mm }, zone);
}

/** The local day of an instant, remembered by its midnight: many payments share a day. */
function dayOf(ms: number, zone: Zone, days: Map<number, string>): string {
  const midnight = startOfLocalDay(ms, zone);
  let key = days.get(midnight);
  if (key === undefined) {
    key = localDayKey(midnight, zone);
    days.set(midnight, key);
  }
  return key;
}

/** `at` is the credit's minute (minuteOf) when it has a time, and is not read otherwise. */
function windowOf(credit: Credit, at: number, payment: PaymentCandidate, zone: Zone, days: Map<number, string>): Window {
  if (credit.time) {
    // a statement's minute starts before the payment's second within it: compare whole minutes
    if (at + 59_999 < payment.createdAt) return 'before';
    return at <= payment.expiresAt ? 'inside' : 'after';
  }
  // Without a time, a credit on the day the payment was made or the day it expires counts.
  if (credit.date < dayOf(payment.createdAt, zone, days)) return 'before';
  return credit.date <= dayOf(payment.expiresAt, zone, days) ? 'inside' : 'after';
}

/** The words every reason starts from: the credit's day (and time) and amount as the statement shows them. */
export function reasonBase(credit: Pick<Credit, 'date' | 'time' | 'amountSen'>): { when: string; amount: string } {
  return { when: when(credit), amount: formatRupiahSenShort(credit.amountSen) };
}

function when(credit: Pick<Credit, 'date' | 'time'>): string {
  const [, m, d] = credit.date.split('-');
  return `${d}/${m}${credit.time ? ` ${credit.time}` : ''}`;
}

/**
 * Decides every credit, in statement order; debits are left out. A payment paid by an earlier
 * credit of the same run is no longer open, so a second credit of the same total is unmatched
 * ("already paid"). One pass over the payments builds an index by account and total; each credit
 * then looks up its own list, so 100,000 credits against 100,000 payments take milliseconds.
 */
export function matchCredits(credits: readonly Credit[], payments: readonly PaymentCandidate[], zone: Zone): Decision[] {
  const index = new Map<string, Map<number, PaymentCandidate[]>>();
  for (const p of payments) {
    if (p.status === 'cancelled') continue;
    let byTotal = index.get(p.account);
    if (!byTotal) index.set(p.account, (byTotal = new Map()));
    const list = byTotal.get(p.total);
    if (list) list.push(p);
    else byTotal.set(p.total, [p]);
  }
  const paidNow = new Set<string>();
  const days = new Map<number, string>();
  const decisions: Decision[] = [];
  const none: PaymentCandidate[] = [];
  for (const credit of credits) {
    if (credit.direction !== 'CR') continue;
    if (credit.amountSen % 100 !== 0) {
      decisions.push({ creditId: credit.id, outcome: 'unmatched', paymentId: null, candidates: [], detail: { outcome: 'unmatched', cause: 'hasSen' } });
      continue;
    }
    const same = index.get(credit.account)?.get(credit.amountSen / 100) ?? none;
    // the credit's minute, worked out once and only when a payment's window needs it
    let at = NaN;
    const open: PaymentCandidate[] = [];
    for (const p of same) {
      if (p.status !== 'open' || paidNow.has(p.id)) continue;
      if (credit.time && Number.isNaN(at)) at = minuteOf(credit, credit.time, zone);
      if (windowOf(credit, at, p, zone, days) === 'inside') open.push(p);
    }
    if (open.length === 1) {
      const payment = open[0]!;
      paidNow.add(payment.id);
      decisions.push({ creditId: credit.id, outcome: 'matched', paymentId: payment.id, candidates: [], detail: { outcome: 'matched', code: payment.code } });
    } else if (open.length > 1) {
      decisions.push({
        creditId: credit.id,
        outcome: 'ambiguous',
        paymentId: null,
        candidates: open.map((p) => p.id),
        detail: { outcome: 'ambiguous', count: open.length },
      });
    } else {
      const cause = whyNone(credit, at, same, paidNow, zone, days);
      decisions.push({ creditId: credit.id, outcome: 'unmatched', paymentId: null, candidates: [], detail: { outcome: 'unmatched', cause } });
    }
  }
  return decisions;
}

function whyNone(credit: Credit, at: number, same: readonly PaymentCandidate[], paidNow: ReadonlySet<string>, zone: Zone, days: Map<number, string>): UnmatchedCause {
  if (same.some((p) => p.status === 'paid' || paidNow.has(p.id))) return 'alreadyPaid';
  const minute = credit.time && same.length > 0 && Number.isNaN(at) ? minuteOf(credit, credit.time, zone) : at;
  const windows = same.map((p) => windowOf(credit, minute, p, zone, days));
  if (windows.includes('after')) return 'expired';
  if (windows.includes('before')) return 'beforePayment';
  return 'noPayment';
}

/** Rp 50.009 for whole rupiah, Rp 50.009,50 otherwise: as the statement shows the amount. */
function formatRupiahSenShort(sen: number): string {
  return sen % 100 === 0 ? formatRupiah(sen / 100) : `${formatRupiah(Math.trunc(sen / 100))},${String(sen % 100).padStart(2, '0')}`;
}
