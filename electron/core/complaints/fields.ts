import type { FieldIssue } from '../../../shared/api/errors';
import type { ComplaintFacts, CreateComplaintInput } from '../../../shared/api/methods/complaints';
import type { ComplaintCategory, IdentityMethod } from '../../../shared/complaints/model';
import { PLAYBOOKS } from '../../../shared/complaints/playbooks';
import { validateNik } from '../../../shared/domain/nik';
import { normalizeIndonesianPhone } from '../otp/fields';

// The intake fields zod cannot judge alone: phone and NIK by the domain rules, the identity the
// CS verified against, the facts the category's SOP requires, and times that may not lie ahead.
// Every wrong field is listed at once, each with its own message.

export interface CheckedCustomer {
  name: string;
  phone: string | null;
  nik: string | null;
}

export type CheckedIntake = { ok: true; customer: CheckedCustomer; facts: ComplaintFacts } | { ok: false; issues: FieldIssue[] };

/** Letters in it and no digit: a name, not a number typed into the wrong field. */
export const isFullName = (name: string) => /\p{L}{2,}/u.test(name) && !/\d/.test(name);

const VERIFIED_FIELD: Record<IdentityMethod, 'phone' | 'nik' | 'name'> = { phone: 'phone', nik: 'nik', 'full-name': 'name' };

/** The facts the category keeps: its required fields, and the risk notice for a payment method. */
function categoryFacts(category: ComplaintCategory): ReadonlyArray<keyof ComplaintFacts> {
  const fields: Array<keyof ComplaintFacts> = [...PLAYBOOKS[category].requiredFields];
  if (category === 'metode-pembayaran') fields.push('riskNoticeGiven');
  return fields;
}

type Input = Omit<CreateComplaintInput, 'facts'> & { facts: ComplaintFacts };

export function checkIntake(input: Input, now: number, referenceYear: number): CheckedIntake {
  const issues: FieldIssue[] = [];
  const phoneText = input.customer.phone?.trim() ?? '';
  const nikText = input.customer.nik?.trim() ?? '';
  const phone = phoneText === '' ? null : normalizeIndonesianPhone(phoneText);
  if (phone && !phone.ok) issues.push({ path: 'customer.phone', key: 'complaints.errors.phone', params: { reason: phone.reason } });
  const nik = nikText === '' ? null : validateNik(nikText, { referenceYear });
  if (nik && !nik.ok) issues.push({ path: 'customer.nik', key: 'complaints.errors.nik', params: { reason: nik.reason } });

  const verified = VERIFIED_FIELD[input.verifiedBy];
  if (verified === 'phone' && !phone) issues.push({ path: 'customer.phone', key: 'complaints.errors.verifierMissing' });
  if (verified === 'nik' && !nik) issues.push({ path: 'customer.nik', key: 'complaints.errors.verifierMissing' });
  if (verified === 'name' && !isFullName(input.customer.name)) issues.push({ path: 'customer.name', key: 'complaints.errors.fullName' });

  const facts: ComplaintFacts = {};
  for (const field of PLAYBOOKS[input.category].requiredFields) {
    if (input.facts[field] === undefined || input.facts[field] === '') issues.push({ path: `facts.${field}`, key: 'validation.required' });
  }
  for (const field of ['disbursementStartedAt', 'paidAt'] as const) {
    const at = input.facts[field];
    if (categoryFacts(input.category).includes(field) && at !== undefined && at > now) issues.push({ path: `facts.${field}`, key: 'complaints.errors.futureTime' });
  }
  // SOP D.4: the code is given only with the risk notice
  if (input.category === 'metode-pembayaran' && input.facts.canUseApp === false && input.facts.riskNoticeGiven !== true) {
    issues.push({ path: 'facts.riskNoticeGiven', key: 'complaints.errors.riskNotice' });
  }
  if (issues.length > 0) return { ok: false, issues };

  for (const field of categoryFacts(input.category)) {
    if (input.facts[field] !== undefined) (facts as Record<string, unknown>)[field] = input.facts[field];
  }
  return {
    ok: true,
    customer: { name: input.customer.name, phone: phone?.ok ? phone.e164 : null, nik: nik?.ok ? nik.nik : null },
    facts,
  };
}
