import { localDayKey } from '../domain/time';
import type { ApplicationStatus } from './model';
import { MAX_SENDS_PER_DAY, MAX_WRONG_ATTEMPTS, RESEND_GAP_MS } from './model';

// The rules of seed 000 as functions of their inputs and the time: no clock, no I/O.

export type ApplicationAction =
  | { kind: 'submit' }
  | { kind: 'approve'; level: 'kasie' | 'kacab' }
  | { kind: 'reject'; level: 'kasie' | 'kacab' }
  | { kind: 'cancel' }
  | { kind: 'confirm' };

export type TransitionResult = { ok: true; status: ApplicationStatus } | { ok: false; key: string };

/**
 * Draft → Waiting Kasie → Waiting Kacab → Waiting Confirmation → In Progress; either approval may
 * reject; the AO may cancel until the customer has confirmed.
 */
export function nextStatus(status: ApplicationStatus, action: ApplicationAction): TransitionResult {
  const refuse = { ok: false as const, key: 'otp.errors.wrongState' };
  switch (action.kind) {
    case 'submit':
      return status === 'Draft' ? { ok: true, status: 'Waiting Kasie' } : refuse;
    case 'approve':
      if (action.level === 'kasie') return status === 'Waiting Kasie' ? { ok: true, status: 'Waiting Kacab' } : refuse;
      return status === 'Waiting Kacab' ? { ok: true, status: 'Waiting Confirmation' } : refuse;
    case 'reject':
      return (action.level === 'kasie' && status === 'Waiting Kasie') || (action.level === 'kacab' && status === 'Waiting Kacab')
        ? { ok: true, status: 'Rejected' }
        : refuse;
    case 'cancel':
      return ['Draft', 'Waiting Kasie', 'Waiting Kacab', 'Waiting Confirmation'].includes(status) ? { ok: true, status: 'Cancelled' } : refuse;
    case 'confirm':
      return status === 'Waiting Confirmation' ? { ok: true, status: 'In Progress' } : refuse;
  }
}

export type ResendDecision =
  | { ok: true; sendsToday: number }
  | { ok: false; reason: 'tooSoon'; waitMs: number }
  | { ok: false; reason: 'dailyCap' };

/**
 * Whether another code may be sent now, given when earlier ones were sent: at least 5 minutes
 * after the last, and at most 5 on the same WIB calendar day (the first send counts).
 */
export function resendDecision(sentAts: readonly number[], now: number): ResendDecision {
  const last = sentAts.length ? Math.max(...sentAts) : null;
  if (last !== null && now - last < RESEND_GAP_MS) return { ok: false, reason: 'tooSoon', waitMs: RESEND_GAP_MS - (now - last) };
  const today = localDayKey(now, 'WIB');
  const sendsToday = sentAts.filter((at) => localDayKey(at, 'WIB') === today).length;
  if (sendsToday >= MAX_SENDS_PER_DAY) return { ok: false, reason: 'dailyCap' };
  return { ok: true, sendsToday: sendsToday + 1 };
}

export interface CodeState {
  expiresAt: number;
  /** Set once the code confirmed the application. */
  usedAt: number | null;
  /** Wrong codes against this application so far; a resend does not reset it. */
  wrongAttempts: number;
  /** A newer code was sent: this one no longer counts. */
  superseded: boolean;
}

export type CodeDecision =
  | { result: 'confirmed' }
  | { result: 'alreadyConfirmed' }
  | { result: 'expired' }
  | { result: 'void' }
  | { result: 'wrong'; remaining: number };

/**
 * What a typed code means. `matches` is the constant-time comparison of its keyed hash, made by
 * the caller. A confirmed application answers "already confirmed" whatever is typed, so the
 * second validation of the same consent (customer and CS both) changes nothing.
 */
export function codeDecision(state: CodeState, matches: boolean, now: number, applicationConfirmed: boolean): CodeDecision {
  if (applicationConfirmed) return { result: 'alreadyConfirmed' };
  if (state.wrongAttempts >= MAX_WRONG_ATTEMPTS) return { result: 'void' };
  if (!matches || state.superseded || state.usedAt !== null) {
    const remaining = MAX_WRONG_ATTEMPTS - state.wrongAttempts - 1;
    return remaining <= 0 ? { result: 'void' } : { result: 'wrong', remaining };
  }
  if (now >= state.expiresAt) return { result: 'expired' };
  return { result: 'confirmed' };
}
