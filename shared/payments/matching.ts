import { formatRupiah } from '../domain/money';
import { fromLocalParts, localDayKey, type Zone } from '../domain/time';

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
  reason: MatchReason;
}

/** Where a credit stands against a payment's window. */
type Window = 'inside' | 'before' | 'after';

function windowOf(credit: Credit, payment: PaymentCandidate, zone: Zone): Window {
  if (credit.time) {
    const [y, m, d] = credit.date.split('-').map(Number) as [number, number, number];
    const [hh, mm] = credit.time.split(':').map(Number) as [number, number];
    const at = fromLocalParts({ year: y, month: m, day: d, hour: hh, minute: mm }, zone);
    // a statement's minute starts before the payment's second within it: compare whole minutes
    if (at + 59_999 < payment.createdAt) return 'before';
    return at <= payment.expiresAt ? 'inside' : 'after';
  }
  // Without a time, a credit on the day the payment was made or the day it expires counts.
  if (credit.date < localDayKey(payment.createdAt, zone)) return 'before';
  return credit.date <= localDayKey(payment.expiresAt, zone) ? 'inside' : 'after';
}

function when(credit: Credit): string {
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
  const index = new Map<string, PaymentCandidate[]>();
  for (const p of payments) {
    if (p.status === 'cancelled') continue;
    const key = `${p.account}\u0000${p.total}`;
    const list = index.get(key);
    if (list) list.push(p);
    else index.set(key, [p]);
  }
  const paidNow = new Set<string>();
  const decisions: Decision[] = [];
  for (const credit of credits) {
    if (credit.direction !== 'CR') continue;
    const amount = formatRupiahSenShort(credit.amountSen);
    const base = { when: when(credit), amount };
    if (credit.amountSen % 100 !== 0) {
      decisions.push({ creditId: credit.id, outcome: 'unmatched', paymentId: null, candidates: [], reason: { key: 'payments.reasons.hasSen', params: base } });
      continue;
    }
    const same = index.get(`${credit.account}\u0000${credit.amountSen / 100}`) ?? [];
    const open = same.filter((p) => p.status === 'open' && !paidNow.has(p.id) && windowOf(credit, p, zone) === 'inside');
    if (open.length === 1) {
      const payment = open[0]!;
      paidNow.add(payment.id);
      decisions.push({
        creditId: credit.id,
        outcome: 'matched',
        paymentId: payment.id,
        candidates: [],
        reason: { key: 'payments.reasons.unique', params: { ...base, code: payment.code } },
      });
    } else if (open.length > 1) {
      decisions.push({
        creditId: credit.id,
        outcome: 'ambiguous',
        paymentId: null,
        candidates: open.map((p) => p.id),
        reason: { key: 'payments.reasons.ambiguous', params: { ...base, count: open.length } },
      });
    } else {
      decisions.push({ creditId: credit.id, outcome: 'unmatched', paymentId: null, candidates: [], reason: whyNone(credit, same, paidNow, zone, base) });
    }
  }
  return decisions;
}

function whyNone(credit: Credit, same: readonly PaymentCandidate[], paidNow: ReadonlySet<string>, zone: Zone, base: { when: string; amount: string }): MatchReason {
  if (same.some((p) => p.status === 'paid' || paidNow.has(p.id))) return { key: 'payments.reasons.alreadyPaid', params: base };
  const windows = same.map((p) => windowOf(credit, p, zone));
  if (windows.includes('after')) return { key: 'payments.reasons.expired', params: base };
  if (windows.includes('before')) return { key: 'payments.reasons.beforePayment', params: base };
  return { key: 'payments.reasons.noPayment', params: base };
}

/** Rp 50.009 for whole rupiah, Rp 50.009,50 otherwise: as the statement shows the amount. */
function formatRupiahSenShort(sen: number): string {
  return sen % 100 === 0 ? formatRupiah(sen / 100) : `${formatRupiah(Math.trunc(sen / 100))},${String(sen % 100).padStart(2, '0')}`;
}
