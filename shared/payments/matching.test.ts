import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLocalParts, localDayKey, type Zone } from '../domain/time';
import { decisionReason, matchCredits, type Credit, type Decision, type MatchReason, type PaymentCandidate } from './matching';

// Payment P of Rp 50.000 + code 9 = Rp 50.009 to account ACC, made 21/11/2026 10:00 WIB and open
// for a day (until 22/11/2026 10:00 WIB). Credits are as a statement shows them: a local day, an
// optional HH:mm, CR/DB and an amount in sen.

const ACC = 'acc-bca';
const OTHER = 'acc-mandiri';
const wib = (day: number, hour: number, minute = 0, second = 0, zone: Zone = 'WIB') => fromLocalParts({ year: 2026, month: 11, day, hour, minute, second }, zone);
const CREATED = wib(21, 10);
const EXPIRES = wib(22, 10);

function payment(over: Partial<PaymentCandidate> = {}): PaymentCandidate {
  return { id: 'P', account: ACC, total: 50_009, code: 9, status: 'open', createdAt: CREATED, expiresAt: EXPIRES, ...over };
}

function credit(over: Partial<Credit> = {}): Credit {
  return { id: 'M1', account: ACC, date: '2026-11-21', time: '10:05', direction: 'CR', amountSen: 5_000_900, ...over };
}

/** A decision as a clerk reads it: the reason in words built from the credit and the decision's detail. */
type Read = Omit<Decision, 'detail'> & { reason: MatchReason };

function match(credits: Credit[], payments: PaymentCandidate[], zone: Zone): Read[] {
  const byId = new Map(credits.map((c) => [c.id, c]));
  return matchCredits(credits, payments, zone).map(({ detail, ...d }) => ({ ...d, reason: decisionReason(byId.get(d.creditId)!, detail) }));
}

const one = (credits: Credit[], payments: PaymentCandidate[], zone: Zone = 'WIB'): Read => {
  const decisions = match(credits, payments, zone);
  expect(decisions).toHaveLength(1);
  return decisions[0]!;
};

const unmatched = (key: string, params: Record<string, string | number>): Omit<Read, 'creditId'> => ({
  outcome: 'unmatched',
  paymentId: null,
  candidates: [],
  reason: { key: `payments.reasons.${key}`, params },
});

describe('matchCredits: one credit against the open payments', () => {
  interface Case {
    name: string;
    credit: Partial<Credit>;
    payments: PaymentCandidate[];
    expected: Omit<Read, 'creditId'>;
  }

  const cases: Case[] = [
    {
      name: 'exactly one open payment with this total on the account, inside its window: matched, saying the code',
      credit: {},
      payments: [payment(), payment({ id: 'Q', total: 50_010, code: 10 })],
      expected: { outcome: 'matched', paymentId: 'P', candidates: [], reason: { key: 'payments.reasons.unique', params: { when: '21/11 10:05', amount: 'Rp 50.009', code: 9 } } },
    },
    {
      name: 'a statement without times: the day is enough',
      credit: { time: null },
      payments: [payment()],
      expected: { outcome: 'matched', paymentId: 'P', candidates: [], reason: { key: 'payments.reasons.unique', params: { when: '21/11', amount: 'Rp 50.009', code: 9 } } },
    },
    {
      name: 'two open payments with the same total: ambiguous, both offered, never confirmed',
      credit: {},
      payments: [payment({ id: 'P1' }), payment({ id: 'P2', createdAt: wib(21, 9) })],
      expected: { outcome: 'ambiguous', paymentId: null, candidates: ['P1', 'P2'], reason: { key: 'payments.reasons.ambiguous', params: { when: '21/11 10:05', amount: 'Rp 50.009', count: 2 } } },
    },
    {
      name: 'three candidates: the count says three',
      credit: { time: null },
      payments: [payment({ id: 'P1' }), payment({ id: 'P2' }), payment({ id: 'P3' })],
      expected: { outcome: 'ambiguous', paymentId: null, candidates: ['P1', 'P2', 'P3'], reason: { key: 'payments.reasons.ambiguous', params: { when: '21/11', amount: 'Rp 50.009', count: 3 } } },
    },
    {
      name: 'same total, but only one inside its window: that one is matched',
      credit: {},
      payments: [payment({ id: 'OLD', createdAt: wib(10, 10), expiresAt: wib(11, 10) }), payment({ id: 'P' }), payment({ id: 'LATER', createdAt: wib(21, 11) })],
      expected: { outcome: 'matched', paymentId: 'P', candidates: [], reason: { key: 'payments.reasons.unique', params: { when: '21/11 10:05', amount: 'Rp 50.009', code: 9 } } },
    },
    {
      name: 'no payment has this total: unmatched, no payment',
      credit: { amountSen: 5_001_000 },
      payments: [payment()],
      expected: unmatched('noPayment', { when: '21/11 10:05', amount: 'Rp 50.010' }),
    },
    {
      name: 'no payment at all',
      credit: {},
      payments: [],
      expected: unmatched('noPayment', { when: '21/11 10:05', amount: 'Rp 50.009' }),
    },
    {
      name: 'the total belongs to a payment on another account: unmatched',
      credit: {},
      payments: [payment({ account: OTHER })],
      expected: unmatched('noPayment', { when: '21/11 10:05', amount: 'Rp 50.009' }),
    },
    {
      name: 'a credit on the other account does not take this account\'s payment',
      credit: { account: OTHER },
      payments: [payment()],
      expected: unmatched('noPayment', { when: '21/11 10:05', amount: 'Rp 50.009' }),
    },
    {
      name: 'the amount carries sen: no total looks like it, even when its rupiah are a total',
      credit: { amountSen: 5_000_950 },
      payments: [payment(), payment({ id: 'R', total: 50_010, code: 10 })],
      expected: unmatched('hasSen', { when: '21/11 10:05', amount: 'Rp 50.009,50' }),
    },
    {
      name: 'one sen is still sen',
      credit: { amountSen: 5_000_901, time: null },
      payments: [payment()],
      expected: unmatched('hasSen', { when: '21/11', amount: 'Rp 50.009,01' }),
    },
    {
      name: 'the payment is already paid: unmatched, saying so',
      credit: {},
      payments: [payment({ status: 'paid' })],
      expected: unmatched('alreadyPaid', { when: '21/11 10:05', amount: 'Rp 50.009' }),
    },
    {
      name: 'a cancelled payment is no candidate and no reason',
      credit: {},
      payments: [payment({ status: 'cancelled' })],
      expected: unmatched('noPayment', { when: '21/11 10:05', amount: 'Rp 50.009' }),
    },
    {
      name: 'a cancelled payment gives no reason either: not "expired" after its window',
      credit: { date: '2026-11-25', time: '08:00' },
      payments: [payment({ status: 'cancelled' })],
      expected: unmatched('noPayment', { when: '25/11 08:00', amount: 'Rp 50.009' }),
    },
    {
      name: 'a cancelled payment next to an open one: the open one alone is matched',
      credit: {},
      payments: [payment({ id: 'X', status: 'cancelled' }), payment({ id: 'P' })],
      expected: { outcome: 'matched', paymentId: 'P', candidates: [], reason: { key: 'payments.reasons.unique', params: { when: '21/11 10:05', amount: 'Rp 50.009', code: 9 } } },
    },
    {
      name: 'a paid payment next to an open one of the same total: the open one is matched',
      credit: {},
      payments: [payment({ id: 'DONE', status: 'paid', code: 9 }), payment({ id: 'P' })],
      expected: { outcome: 'matched', paymentId: 'P', candidates: [], reason: { key: 'payments.reasons.unique', params: { when: '21/11 10:05', amount: 'Rp 50.009', code: 9 } } },
    },
    {
      name: 'a credit minutes before the payment was made: before the payment',
      credit: { time: '09:58' },
      payments: [payment()],
      expected: unmatched('beforePayment', { when: '21/11 09:58', amount: 'Rp 50.009' }),
    },
    {
      name: 'a credit the day before the payment, without time: before the payment',
      credit: { date: '2026-11-20', time: null },
      payments: [payment()],
      expected: unmatched('beforePayment', { when: '20/11', amount: 'Rp 50.009' }),
    },
    {
      name: 'a credit after the payment expired: expired',
      credit: { date: '2026-11-22', time: '10:01' },
      payments: [payment()],
      expected: unmatched('expired', { when: '22/11 10:01', amount: 'Rp 50.009' }),
    },
    {
      name: 'a credit the day after the expiry day, without time: expired',
      credit: { date: '2026-11-23', time: null },
      payments: [payment()],
      expected: unmatched('expired', { when: '23/11', amount: 'Rp 50.009' }),
    },
    {
      name: 'expired wins over before when the total has both kinds of payment',
      credit: { date: '2026-11-23', time: '08:00' },
      payments: [payment({ id: 'A' }), payment({ id: 'B', createdAt: wib(23, 9), expiresAt: wib(24, 9) })],
      expected: unmatched('expired', { when: '23/11 08:00', amount: 'Rp 50.009' }),
    },
    {
      name: 'already paid wins over the window',
      credit: { date: '2026-11-25', time: '08:00' },
      payments: [payment({ id: 'A', status: 'paid' }), payment({ id: 'B' })],
      expected: unmatched('alreadyPaid', { when: '25/11 08:00', amount: 'Rp 50.009' }),
    },
    {
      name: 'large amounts are grouped the Indonesian way',
      credit: { amountSen: 125_000_012_300, date: '2026-01-05', time: '07:30' },
      payments: [],
      expected: unmatched('noPayment', { when: '05/01 07:30', amount: 'Rp 1.250.000.123' }),
    },
    {
      name: 'sen below one rupiah',
      credit: { amountSen: 5 },
      payments: [],
      expected: unmatched('hasSen', { when: '21/11 10:05', amount: 'Rp 0,05' }),
    },
  ];

  for (const { name, credit: over, payments, expected } of cases) {
    it(name, () => {
      expect(one([credit(over)], payments)).toEqual({ creditId: 'M1', ...expected });
    });
  }
});

describe('matchCredits: the window, to the minute', () => {
  const at = (time: string, createdAt: number, expiresAt = EXPIRES, date = '2026-11-21') => one([credit({ date, time })], [payment({ createdAt, expiresAt })]).outcome;
  const atDay = (date: string) => one([credit({ date, time: null })], [payment()]).outcome;

  it('a statement minute counts from its start to its end against the creation second', () => {
    // created 10:00:30: the statement's 10:00 may be after it
    expect(at('10:00', wib(21, 10, 0, 30))).toBe('matched');
    // created 10:00:00: a credit in the 09:59 minute is before it
    expect(at('09:59', wib(21, 10, 0, 0))).toBe('unmatched');
    // created 09:59:45: the 09:59 minute ends after it
    expect(at('09:59', wib(21, 9, 59, 45))).toBe('matched');
    expect(at('10:00', wib(21, 10, 0, 0))).toBe('matched');
  });

  it('a credit in the minute the payment expires is inside; the minute after is not', () => {
    expect(at('10:00', CREATED, wib(22, 10), '2026-11-22')).toBe('matched');
    expect(at('10:00', CREATED, wib(22, 10, 0, 30), '2026-11-22')).toBe('matched');
    expect(at('10:00', CREATED, wib(22, 9, 59, 59), '2026-11-22')).toBe('unmatched');
    expect(at('10:01', CREATED, wib(22, 10, 0, 59), '2026-11-22')).toBe('unmatched');
  });

  it('without a time, the creation day and the expiry day both count, whole', () => {
    expect(atDay('2026-11-20')).toBe('unmatched');
    expect(atDay('2026-11-21')).toBe('matched');
    expect(atDay('2026-11-22')).toBe('matched');
    expect(atDay('2026-11-23')).toBe('unmatched');
  });

  it('without a time, a credit on the creation day counts even if the payment was made late that day', () => {
    const late = payment({ createdAt: wib(21, 23, 30), expiresAt: wib(22, 23, 30) });
    expect(one([credit({ time: null })], [late]).outcome).toBe('matched');
    // with a time, the same credit at 10:05 is before it
    expect(one([credit()], [late]).reason.key).toBe('payments.reasons.beforePayment');
  });
});

describe('matchCredits: the zone reads the statement\'s wall clock', () => {
  it('10:05 on the statement is 10:05 in the branch\'s zone', () => {
    // the payment was made at 10:00 WIB (11:00 WITA, 12:00 WIT)
    expect(one([credit()], [payment()], 'WIB').outcome).toBe('matched');
    expect(one([credit()], [payment()], 'WITA').reason).toEqual({ key: 'payments.reasons.beforePayment', params: { when: '21/11 10:05', amount: 'Rp 50.009' } });
    expect(one([credit()], [payment()], 'WIT').reason.key).toBe('payments.reasons.beforePayment');
    expect(one([credit({ time: '12:05' })], [payment()], 'WIT').outcome).toBe('matched');
  });

  it('the days of a payment are its days in the zone', () => {
    // made 21/11 23:30 WIB, which is already 22/11 01:30 WIT; open a day
    const p = payment({ createdAt: wib(21, 23, 30), expiresAt: wib(22, 23, 30) });
    const on21 = credit({ time: null });
    const on23 = credit({ date: '2026-11-23', time: null });
    expect(one([on21], [p], 'WIB').outcome).toBe('matched');
    expect(one([on21], [p], 'WIT').reason.key).toBe('payments.reasons.beforePayment');
    expect(one([on23], [p], 'WIB').reason.key).toBe('payments.reasons.expired');
    expect(one([on23], [p], 'WIT').outcome).toBe('matched');
  });

  it('expiry in the zone: 10:30 WIT is 08:30 WIB, before a 10:00 WIB expiry', () => {
    const late = credit({ date: '2026-11-22', time: '10:30' });
    expect(one([late], [payment()], 'WIB').reason.key).toBe('payments.reasons.expired');
    expect(one([late], [payment()], 'WIT').outcome).toBe('matched');
  });
});

describe('matchCredits: a run of credits', () => {
  it('leaves debits out, even of a matching amount, and does not let them pay anything', () => {
    const decisions = match(
      [credit({ id: 'D1', direction: 'DB' }), credit({ id: 'C1' }), credit({ id: 'D2', direction: 'DB', amountSen: 5_000_950 })],
      [payment()],
      'WIB',
    );
    expect(decisions.map((d) => [d.creditId, d.outcome, d.paymentId])).toEqual([['C1', 'matched', 'P']]);
  });

  it('gives nothing for no credits, or debits only', () => {
    expect(match([], [payment()], 'WIB')).toEqual([]);
    expect(match([credit({ direction: 'DB' })], [payment()], 'WIB')).toEqual([]);
  });

  it('decides in statement order; a payment paid by an earlier credit is already paid for a later one', () => {
    const decisions = match([credit({ id: 'M1' }), credit({ id: 'M2', time: '10:07' })], [payment()], 'WIB');
    expect(decisions).toEqual([
      { creditId: 'M1', outcome: 'matched', paymentId: 'P', candidates: [], reason: { key: 'payments.reasons.unique', params: { when: '21/11 10:05', amount: 'Rp 50.009', code: 9 } } },
      { creditId: 'M2', ...unmatched('alreadyPaid', { when: '21/11 10:07', amount: 'Rp 50.009' }) },
    ]);
  });

  it('once one of two candidates is paid, the next credit of that total has a single candidate', () => {
    // P1 and P2 both 50.009; P2 alone is open when M1 arrives (P1 is made later), so M1 pays P2
    const p1 = payment({ id: 'P1', createdAt: wib(21, 11) });
    const p2 = payment({ id: 'P2' });
    const decisions = match([credit({ id: 'M1' }), credit({ id: 'M2', time: '11:05' }), credit({ id: 'M3', time: '11:10' })], [p1, p2], 'WIB');
    expect(decisions.map((d) => [d.creditId, d.outcome, d.paymentId, d.reason.key])).toEqual([
      ['M1', 'matched', 'P2', 'payments.reasons.unique'],
      ['M2', 'matched', 'P1', 'payments.reasons.unique'],
      ['M3', 'unmatched', null, 'payments.reasons.alreadyPaid'],
    ]);
  });

  it('an ambiguous credit pays nothing, so the next credit of that total is ambiguous too', () => {
    const decisions = match([credit({ id: 'M1' }), credit({ id: 'M2' })], [payment({ id: 'P1' }), payment({ id: 'P2' })], 'WIB');
    expect(decisions.map((d) => [d.creditId, d.outcome, d.paymentId, d.candidates])).toEqual([
      ['M1', 'ambiguous', null, ['P1', 'P2']],
      ['M2', 'ambiguous', null, ['P1', 'P2']],
    ]);
  });

  it('keeps accounts apart within one run', () => {
    const decisions = match(
      [credit({ id: 'M1', account: OTHER }), credit({ id: 'M2' })],
      [payment({ id: 'PA' }), payment({ id: 'PB', account: OTHER, code: 9 })],
      'WIB',
    );
    expect(decisions.map((d) => [d.creditId, d.paymentId])).toEqual([
      ['M1', 'PB'],
      ['M2', 'PA'],
    ]);
  });
});

describe('matchCredits: properties', () => {
  const accounts = [ACC, OTHER];
  const arbPayment = fc.record({
    id: fc.uuid(),
    account: fc.constantFrom(...accounts),
    code: fc.integer({ min: 1, max: 5 }),
    status: fc.constantFrom('open' as const, 'open' as const, 'paid' as const, 'cancelled' as const),
    createdAt: fc.integer({ min: wib(20, 0), max: wib(23, 0) }),
    hours: fc.integer({ min: 1, max: 48 }),
  }).map(({ hours, code, ...p }): PaymentCandidate => ({ ...p, code, total: 50_000 + code, expiresAt: p.createdAt + hours * 3_600_000 }));
  const arbCredit = fc
    .record({
      account: fc.constantFrom(...accounts),
      day: fc.integer({ min: 19, max: 26 }),
      time: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))),
      direction: fc.constantFrom('CR' as const, 'CR' as const, 'DB' as const),
      amountSen: fc.oneof(fc.integer({ min: 1, max: 6 }).map((c) => (50_000 + c) * 100), fc.integer({ min: 1, max: 10_000_000 })),
    })
    .map(({ day, time, ...c }): Omit<Credit, 'id'> => ({ ...c, date: `2026-11-${day}`, time: time ? `${String(time[0]).padStart(2, '0')}:${String(time[1]).padStart(2, '0')}` : null }));

  it('a match is an open payment of the credit\'s account and amount, paid once; ambiguity offers two or more and pays none', () => {
    fc.assert(
      fc.property(fc.array(arbCredit, { maxLength: 30 }), fc.uniqueArray(arbPayment, { maxLength: 20, selector: (p) => p.id }), fc.constantFrom<Zone>('WIB', 'WITA', 'WIT'), (raw, payments, zone) => {
        const credits = raw.map((c, i) => ({ ...c, id: `M${i}` }));
        const decisions = match(credits, payments, zone);
        const byId = new Map(payments.map((p) => [p.id, p]));
        const creditById = new Map(credits.map((c) => [c.id, c]));
        expect(decisions.map((d) => d.creditId)).toEqual(credits.filter((c) => c.direction === 'CR').map((c) => c.id));
        const paid = new Set<string>();
        for (const d of decisions) {
          const c = creditById.get(d.creditId)!;
          if (d.outcome === 'matched') {
            const p = byId.get(d.paymentId!)!;
            expect(p.status).toBe('open');
            expect(p.account).toBe(c.account);
            expect(p.total * 100).toBe(c.amountSen);
            expect(paid.has(p.id)).toBe(false);
            paid.add(p.id);
            expect(d.candidates).toEqual([]);
            expect(d.reason.key).toBe('payments.reasons.unique');
            expect(d.reason.params.code).toBe(p.code);
          } else if (d.outcome === 'ambiguous') {
            expect(d.paymentId).toBeNull();
            expect(d.candidates.length).toBeGreaterThanOrEqual(2);
            expect(d.reason.params.count).toBe(d.candidates.length);
            for (const id of d.candidates) {
              const p = byId.get(id)!;
              expect([p.status, p.account, p.total * 100]).toEqual(['open', c.account, c.amountSen]);
              expect(paid.has(id)).toBe(false);
            }
          } else {
            expect(d.paymentId).toBeNull();
            expect(d.candidates).toEqual([]);
            if (c.amountSen % 100 !== 0) expect(d.reason.key).toBe('payments.reasons.hasSen');
          }
          expect(d.reason.params.when).toBe(`${c.date.slice(8, 10)}/${c.date.slice(5, 7)}${c.time ? ` ${c.time}` : ''}`);
        }
      }),
    );
  });

  it('agrees with a plain model of the rules: one candidate matched, several ambiguous, none unmatched', () => {
    /** inside the window, written out from the rule's words rather than from the code */
    const inside = (c: Omit<Credit, 'id'>, p: PaymentCandidate, zone: Zone) => {
      if (c.time === null) return c.date >= localDayKey(p.createdAt, zone) && c.date <= localDayKey(p.expiresAt, zone);
      const [y, m, d] = c.date.split('-').map(Number) as [number, number, number];
      const [hh, mm] = c.time.split(':').map(Number) as [number, number];
      const minuteStart = fromLocalParts({ year: y, month: m, day: d, hour: hh, minute: mm }, zone);
      const minuteEnd = minuteStart + 60_000;
      return minuteEnd > p.createdAt && minuteStart <= p.expiresAt;
    };
    fc.assert(
      fc.property(fc.array(arbCredit, { maxLength: 30 }), fc.uniqueArray(arbPayment, { maxLength: 20, selector: (p) => p.id }), fc.constantFrom<Zone>('WIB', 'WITA', 'WIT'), (raw, payments, zone) => {
        const credits = raw.map((c, i) => ({ ...c, id: `M${i}` }));
        const paid = new Set<string>();
        const expected = credits
          .filter((c) => c.direction === 'CR')
          .map((c) => {
            if (c.amountSen % 100 !== 0) return [c.id, 'unmatched', null, []] as const;
            const open = payments.filter((p) => p.status === 'open' && !paid.has(p.id) && p.account === c.account && p.total * 100 === c.amountSen && inside(c, p, zone));
            if (open.length === 1) {
              paid.add(open[0]!.id);
              return [c.id, 'matched', open[0]!.id, []] as const;
            }
            return open.length > 1 ? ([c.id, 'ambiguous', null, open.map((p) => p.id)] as const) : ([c.id, 'unmatched', null, []] as const);
          });
        expect(match(credits, payments, zone).map((d) => [d.creditId, d.outcome, d.paymentId, d.candidates])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
