import type { ComplaintFacts, ComplaintView } from '../../../shared/api/methods/complaints';
import type { ComplaintCategory } from '../../../shared/complaints/model';
import { disbursementFacts, paymentConfirmationFacts, paymentMethodAdvice } from '../../../shared/complaints/playbooks';

/** The SOP's two-hour advice for the complaint's facts at `now` (null for billing, which has none). */
export function adviceOf(category: ComplaintCategory, facts: ComplaintFacts, now: number): ComplaintView['advice'] {
  // a time entered on a desk whose clock runs ahead must not make the advice throw
  const since = (at: number) => Math.min(at, now);
  if (category === 'pencairan-pinjaman' && facts.disbursementStartedAt !== undefined) {
    const f = disbursementFacts(since(facts.disbursementStartedAt), now);
    return { kind: 'disbursement', advice: f.advice, elapsedMs: f.elapsedMs };
  }
  if (category === 'konfirmasi-pembayaran' && facts.paidAt !== undefined && facts.paymentRecorded !== undefined) {
    const f = paymentConfirmationFacts({ paidAt: since(facts.paidAt), paymentRecorded: facts.paymentRecorded }, now);
    return { kind: 'payment-confirmation', advice: f.advice, elapsedMs: f.elapsedMs };
  }
  if (category === 'metode-pembayaran' && facts.canUseApp !== undefined) {
    return { kind: 'payment-method', advice: paymentMethodAdvice(facts.canUseApp), elapsedMs: null };
  }
  return null;
}
