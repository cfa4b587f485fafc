import { z } from 'zod';

// What a desk asks head office about OTPs (device-authenticated, like sync), and what the
// customer's page asks. Codes are checked only at head office: a branch never stores one.

export const resendRequest = z.object({ applicationId: z.string().uuid(), username: z.string() });
export const resendResponse = z.object({ sentAt: z.number().int(), sendsToday: z.number().int() });

export const validateRequest = z.object({
  applicationId: z.string().uuid(),
  code: z.string().regex(/^\d{6}$/),
  username: z.string().nullable(),
});
export const validateResponse = z.object({ result: z.enum(['confirmed', 'alreadyConfirmed']) });

/**
 * Refusals, as `{ error: { code, … } }`: `too_soon` (with `waitMs`), `daily_cap`, `wrong_code`
 * (with `remaining`), `expired`, `void` (five wrong codes), `wrong_state`, `unknown_application`,
 * `rate_limited` (with `retryAfterMs`).
 */
export const OTP_ERROR_CODES = ['too_soon', 'daily_cap', 'wrong_code', 'expired', 'void', 'wrong_state', 'unknown_application', 'rate_limited'] as const;
export type OtpErrorCode = (typeof OTP_ERROR_CODES)[number];

/** The customer's page: what it shows before the code is typed. */
export const customerInfo = z.object({ maskedPhone: z.string(), customerName: z.string(), status: z.enum(['waiting', 'confirmed', 'closed']) });
export const customerSubmit = z.object({ token: z.string().min(20).max(100), code: z.string().regex(/^\d{6}$/) });
