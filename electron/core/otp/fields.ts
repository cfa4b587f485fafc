import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/api/errors';
import type { applicationInput } from '../../../shared/api/methods/otp';
import { validateNik } from '../../../shared/domain/nik';
import { normalizePhone, type NormalizePhoneResult } from '../../../shared/domain/phone';
import type { ApplicationView } from '../../../shared/otp/model';

// The fields of an application that zod cannot judge: the phones and the NIK, each refused with
// its own reason so the desk can say "that is a landline" rather than "invalid".

/**
 * Any valid Indonesian number, mobile or not, in E.164: Phone 2 may be a landline, and a CS may
 * search by it. The OTP itself only ever goes to Phone 1, which must be a mobile.
 */
export function normalizeIndonesianPhone(text: string): NormalizePhoneResult {
  const mobile = normalizePhone(text);
  if (mobile.ok || mobile.reason !== 'notMobile') return mobile;
  // normalizePhone said it is a valid Indonesian number that is not a mobile: it parses.
  const phone = parsePhoneNumberFromString(text.trim(), 'ID');
  return phone ? { ok: true, e164: phone.number } : { ok: false, reason: 'invalid' };
}

export type ApplicationInput = z.output<typeof applicationInput>;

export interface ApplicationFields {
  customerName: string;
  nik: string;
  phone1: string;
  phone2: string | null;
  email: string | null;
  address: string;
  product: ApplicationView['product'];
}

export type CheckedApplication = { ok: true; fields: ApplicationFields } | { ok: false; issues: FieldIssue[] };

/**
 * Normalises an application as typed at the desk, or lists every field that is wrong (all at
 * once, so the form marks them together). `referenceYear` resolves the NIK's two-digit birth
 * year, so 29 February is checked against the real year.
 */
export function checkApplication(input: ApplicationInput, referenceYear: number): CheckedApplication {
  const issues: FieldIssue[] = [];
  const nik = validateNik(input.nik, { referenceYear });
  if (!nik.ok) issues.push({ path: 'nik', key: 'otp.errors.nik', params: { reason: nik.reason } });
  const phone1 = normalizePhone(input.phone1);
  if (!phone1.ok) issues.push({ path: 'phone1', key: 'otp.errors.phone1', params: { reason: phone1.reason } });
  const phone2Text = input.phone2?.trim() ?? '';
  const phone2 = phone2Text === '' ? null : normalizeIndonesianPhone(phone2Text);
  if (phone2 && !phone2.ok) issues.push({ path: 'phone2', key: 'otp.errors.phone2', params: { reason: phone2.reason } });
  if (!nik.ok || !phone1.ok || (phone2 && !phone2.ok)) return { ok: false, issues };
  return {
    ok: true,
    fields: {
      customerName: input.customerName,
      nik: nik.nik,
      phone1: phone1.e164,
      phone2: phone2?.e164 ?? null,
      email: input.email ? input.email : null,
      address: input.address,
      product: input.product,
    },
  };
}
