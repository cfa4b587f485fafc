import { z } from 'zod';
import { PRODUCTS } from '../otp/model';

// Events of the OTP consent desk. The desk records the application and its approvals; head
// office records what only it knows (codes sent, delivery, confirmation), on its chain for the
// branch, and the desk learns them by pull.
const level = z.enum(['kasie', 'kacab']);

export const otpEvents = {
  'otp.applicationCreated': z.object({
    id: z.string(),
    customerName: z.string(),
    nik: z.string(),
    phone1: z.string(),
    phone2: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string(),
    product: z.enum(PRODUCTS),
  }),
  'otp.applicationSubmitted': z.object({ id: z.string() }),
  /** The Kacab's approval is what head office answers by sending the first code. */
  'otp.approved': z.object({ id: z.string(), level }),
  'otp.rejected': z.object({ id: z.string(), level, reason: z.string() }),
  'otp.cancelled': z.object({ id: z.string(), reason: z.string() }),
  /** Head office: a code went out (or failed to) for the application. */
  'otp.sent': z.object({
    applicationId: z.string(),
    sendNumber: z.number().int(),
    sentAt: z.number().int(),
    expiresAt: z.number().int(),
    delivery: z.enum(['sent', 'failed']),
    failure: z.string().optional(),
    requestedBy: z.string().nullable(),
  }),
  'otp.deliveryUpdated': z.object({ applicationId: z.string(), sendNumber: z.number().int(), delivery: z.enum(['sent', 'delivered', 'read', 'failed']) }),
  /** Head office: the customer's consent is recorded; the application is In Progress. */
  'otp.confirmed': z.object({ applicationId: z.string(), via: z.enum(['customer', 'cs']), by: z.string().nullable() }),
};


