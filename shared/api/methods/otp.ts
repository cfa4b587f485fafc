import { z } from 'zod';
import { defineMethods } from '../contract';
import { displayName } from '../schemas';
import { validateNik } from '../../domain/nik';
import { normalizePhone } from '../../domain/phone';
import { APPLICATION_STATUSES, applicationView, PRODUCTS } from '../../otp/model';

const staff = { roles: ['ao', 'cs', 'kasie', 'kacab'] } as const;
const makers = { roles: ['ao', 'cs'] } as const;

/**
 * NIK and Phone 1 are checked here with shared/domain rules, each with its own reason, so the form
 * marks every wrong field in one answer; the handler checks them again against its own clock's
 * year (a NIK's two-digit birth year) and normalises them.
 */
export const applicationInput = z.object({
  customerName: displayName,
  nik: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(40)
    .superRefine((text, ctx) => {
      const nik = validateNik(text);
      if (!nik.ok) ctx.addIssue({ code: 'custom', message: 'otp.errors.nik', params: { reason: nik.reason } });
    }),
  phone1: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(32)
    .superRefine((text, ctx) => {
      const phone = normalizePhone(text);
      if (!phone.ok) ctx.addIssue({ code: 'custom', message: 'otp.errors.phone1', params: { reason: phone.reason } });
    }),
  phone2: z.string().trim().max(32).optional(),
  email: z.string().trim().email('validation.email').max(120).optional().or(z.literal('')),
  address: z.string().trim().min(1, 'validation.required').max(300),
  product: z.enum(PRODUCTS, 'validation.oneOf'),
});

const id = z.object({ id: z.string().uuid('validation.invalid') });
const reason = z.string().trim().min(3, 'validation.reason').max(300);

export const otpMethods = defineMethods({
  'otp.list': {
    input: z.object({ status: z.enum(APPLICATION_STATUSES).optional(), text: z.string().trim().max(80).optional() }),
    output: z.object({ applications: z.array(applicationView) }),
    access: staff,
    mutates: false,
  },
  'otp.get': { input: id, output: applicationView, access: staff, mutates: false },
  /** Creates the application as a draft, or straight to the Kasie with `submit`. */
  'otp.create': {
    input: applicationInput.extend({ submit: z.boolean().default(false) }),
    output: applicationView,
    access: makers,
    mutates: true,
  },
  'otp.submit': { input: id, output: applicationView, access: makers, mutates: true },
  /** The Kasie approves a Waiting Kasie application, the Kacab a Waiting Kacab one. */
  'otp.approve': { input: id, output: applicationView, access: { roles: ['kasie', 'kacab'] }, mutates: true },
  'otp.reject': { input: id.extend({ reason }), output: applicationView, access: { roles: ['kasie', 'kacab'] }, mutates: true },
  'otp.cancel': { input: id.extend({ reason }), output: applicationView, access: { roles: ['ao'] }, mutates: true },
  /** Kirim Ulang OTP: head office decides (5 minutes apart, 5 a WIB day); needs the line. */
  'otp.resend': {
    input: id,
    output: z.object({ sentAt: z.number(), sendsToday: z.number() }),
    access: { roles: ['ao'] },
    mutates: false,
  },
  /** Customer Service > OTP: Cari by the customer's phone, in any common form. */
  'otp.search': {
    input: z.object({ phone: z.string().trim().min(1, 'validation.required').max(32) }),
    output: z.object({ applications: z.array(applicationView) }),
    access: { roles: ['cs'] },
    mutates: false,
  },
  /** Validasi: head office checks the code; needs the line (codes never reach a branch). */
  'otp.validate': {
    input: z.object({ id: z.string().uuid('validation.invalid'), code: z.string().trim().regex(/^\d{6}$/, 'validation.otpCode') }),
    output: z.object({ result: z.enum(['confirmed', 'alreadyConfirmed']) }),
    access: { roles: ['cs'] },
    mutates: false,
  },
});

