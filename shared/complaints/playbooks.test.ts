import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_LABELS, CHANNEL_LABELS, COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, IDENTITY_METHODS, STATUS_LABELS, COMPLAINT_STATUSES } from './model';
import { disbursementFacts, paymentConfirmationFacts, paymentMethodAdvice, PLAYBOOKS, TWO_HOURS_MS } from './playbooks';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

describe('playbooks', () => {
  it('has one playbook per SOP section A–D of seed 001, in order', () => {
    expect(COMPLAINT_CATEGORIES.map((c) => PLAYBOOKS[c].sopSection)).toEqual(['A', 'B', 'C', 'D']);
    for (const category of COMPLAINT_CATEGORIES) expect(PLAYBOOKS[category].category).toBe(category);
  });

  it('keeps the number of steps of each SOP section', () => {
    expect(COMPLAINT_CATEGORIES.map((c) => PLAYBOOKS[c].steps.length)).toEqual([8, 9, 10, 6]);
  });

  it('gives every step a unique id within its playbook and text in both languages', () => {
    for (const { steps } of Object.values(PLAYBOOKS)) {
      expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
      for (const s of steps) {
        expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(s.idText.trim().length).toBeGreaterThan(10);
        expect(s.enText.trim().length).toBeGreaterThan(10);
      }
    }
  });

  it('starts with verification (after the customer asks), reports, and ends with the weekly evaluation', () => {
    for (const { steps } of Object.values(PLAYBOOKS)) {
      const ids = steps.map((s) => s.id);
      expect(ids.slice(0, 2)).toContain('verifikasi');
      expect(ids.at(-2)).toBe('buat-laporan');
      expect(ids.at(-1)).toBe('evaluasi-mingguan');
    }
  });

  it('requires the disbursement start time, and the payment time and whether it is recorded', () => {
    expect(PLAYBOOKS['pencairan-pinjaman'].requiredFields).toEqual(['disbursementStartedAt']);
    expect(PLAYBOOKS['konfirmasi-pembayaran'].requiredFields).toEqual(['paidAt', 'paymentRecorded']);
  });

  it('warns before each target, within it', () => {
    for (const { slaTargets } of Object.values(PLAYBOOKS)) {
      expect(slaTargets.warnBeforeMinutes).toBeLessThan(slaTargets.resolutionMinutes);
      expect(slaTargets.firstResponseMinutes).toBeLessThanOrEqual(slaTargets.resolutionMinutes);
    }
  });

  it('labels every category, channel and status in both languages', () => {
    for (const labels of [...COMPLAINT_CATEGORIES.map((c) => CATEGORY_LABELS[c]), ...COMPLAINT_CHANNELS.map((c) => CHANNEL_LABELS[c]), ...COMPLAINT_STATUSES.map((s) => STATUS_LABELS[s])]) {
      expect(labels.id).not.toBe('');
      expect(labels.en).not.toBe('');
    }
    expect(COMPLAINT_CHANNELS).toEqual(['hotline', 'social-media', 'live-chat', 'email', 'walk-in']);
    expect(IDENTITY_METHODS).toEqual(['phone', 'nik', 'full-name']);
  });
});

describe('the two-hour facts', () => {
  const started = at('2026-11-16T03:00:00Z');

  it.each([
    [0, false, 'tell-wait-max-2h'],
    [119 * MIN, false, 'tell-wait-max-2h'],
    [120 * MIN, false, 'tell-wait-max-2h'], // "paling lama 2 jam": exactly 2 hours is still within
    [120 * MIN + 1, true, 'ask-proof-and-report-manager'],
    [26 * 60 * MIN, true, 'ask-proof-and-report-manager'],
  ] as const)('disbursement %i ms ago: over 2 hours %s → %s', (ago, over, advice) => {
    expect(disbursementFacts(started, started + ago)).toEqual({ elapsedMs: ago, over2Hours: over, twoHoursAt: started + TWO_HOURS_MS, advice });
  });

  it('computes from the times entered, across midnight and in any zone alike', () => {
    // started 23:30 WIB, asked 01:45 WIB the next day: 2 h 15 min
    expect(disbursementFacts(at('2026-11-16T16:30:00Z'), at('2026-11-16T18:45:00Z'))).toMatchObject({ elapsedMs: 135 * MIN, over2Hours: true });
  });

  it('refuses a disbursement start in the future instead of guessing', () => {
    expect(() => disbursementFacts(started + 1, started)).toThrow(RangeError);
    expect(() => disbursementFacts(Number.NaN, started)).toThrow(RangeError);
  });

  it('is over 2 hours exactly when more than 2 hours have passed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 10 * TWO_HOURS_MS }), (since, ago) => {
        const facts = disbursementFacts(since, since + ago);
        expect(facts.elapsedMs).toBe(ago);
        expect(facts.over2Hours).toBe(ago > TWO_HOURS_MS);
        expect(facts.advice === 'ask-proof-and-report-manager').toBe(facts.over2Hours);
      }),
    );
  });

  it.each([
    [true, 30 * MIN, 'tell-wait-sms'],
    [true, 5 * 60 * MIN, 'tell-wait-sms'],
    [false, 30 * MIN, 'tell-wait-max-2h'],
    [false, 121 * MIN, 'report-manager'],
  ] as const)('payment recorded %s, paid %i ms ago → %s', (paymentRecorded, ago, advice) => {
    expect(paymentConfirmationFacts({ paidAt: started, paymentRecorded }, started + ago).advice).toBe(advice);
  });

  it('points to the app payment code, or gives the code with the risk notice', () => {
    expect(paymentMethodAdvice(true)).toBe('point-to-app-payment-code');
    expect(paymentMethodAdvice(false)).toBe('give-code-with-risk-notice');
  });
});
