import { describe, expect, it } from 'vitest';
import { actionsFor, durationText, factsFor, guessVerifier, reportFieldOf, slaTagType } from './complaintLabels';

describe('complaint desk labels', () => {
  it('offers the CS the escalation to the manager, and the manager the one to a department', () => {
    expect(actionsFor(['cs'], 'open')).toEqual(['contact', 'waitCustomer', 'escalateManager', 'resolve']);
    expect(actionsFor(['cs'], 'escalated-manager')).toEqual(['contact', 'waitCustomer', 'resolve']);
    expect(actionsFor(['cs-manager'], 'escalated-manager')).toEqual(['contact', 'waitCustomer', 'escalateDepartment', 'resolve']);
    expect(actionsFor(['cs-manager'], 'escalated-department')).toEqual(['contact', 'waitCustomer', 'departmentResponse', 'resolve']);
  });

  it('a waiting complaint waits for the reply; a resolved one can only be reopened', () => {
    expect(actionsFor(['cs'], 'waiting-customer')).toEqual(['customerReplied', 'resolve']);
    expect(actionsFor(['cs-manager'], 'resolved')).toEqual(['reopen']);
  });

  it('Kasie and Kacab read without acting', () => {
    expect(actionsFor(['kasie', 'kacab'], 'open')).toEqual([]);
  });

  it('sends only the facts the category asks for', () => {
    const facts = { billingReason: 'tagihan ganda', disbursementStartedAt: 1000, paidAt: 2000, paymentRecorded: false, canUseApp: null };
    expect(factsFor(['disbursementStartedAt'], facts)).toEqual({ disbursementStartedAt: 1000 });
    expect(factsFor(['paidAt', 'paymentRecorded'], facts)).toEqual({ paidAt: 2000, paymentRecorded: false });
    expect(factsFor(['canUseApp'], facts)).toEqual({});
  });

  it('reads a NIK, a phone or a name from what was typed', () => {
    expect(guessVerifier('3174 0112 3456 7890')).toBe('nik');
    expect(guessVerifier('0812-3456-7890')).toBe('phone');
    expect(guessVerifier('Siti Aminah')).toBe('full-name');
  });

  it('colours the SLA clocks and writes durations to the minute', () => {
    expect(slaTagType('breached')).toBe('danger');
    expect(slaTagType('warning')).toBe('warning');
    expect(slaTagType('running')).toBe('primary');
    expect(durationText(80 * 60_000, 'id')).toBe('1 j 20 m');
    expect(durationText(5 * 60_000 + 20_000, 'en')).toBe('5 m');
  });

  it('names the report field of each category', () => {
    expect(reportFieldOf('pencairan-pinjaman')).toBe('disbursementResult');
    expect(reportFieldOf('penagihan')).toBeNull();
  });
});

describe('SLA warning', () => {
  it('announces only the complaints not announced before', async () => {
    const { newlyDue } = await import('./complaintLabels');
    expect(newlyDue(new Set(['a']), [{ id: 'a' }, { id: 'b' }])).toEqual(['b']);
    expect(newlyDue(new Set(['a', 'b']), [{ id: 'b' }])).toEqual([]);
  });
});
