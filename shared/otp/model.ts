import { z } from 'zod';

// Account-opening consent by OTP (seed 000): the application's states and the facts the desks
// and head office share about it.

export const APPLICATION_STATUSES = ['Draft', 'Waiting Kasie', 'Waiting Kacab', 'Waiting Confirmation', 'In Progress', 'Rejected', 'Cancelled'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const PRODUCTS = ['tabungan', 'deposito', 'giro'] as const;

/** A code is valid this long after it is sent. */
export const OTP_TTL_MS = 5 * 60_000;
/** Resends are at least this far apart. */
export const RESEND_GAP_MS = 5 * 60_000;
/** At most this many codes per application per WIB calendar day, the first send included. */
export const MAX_SENDS_PER_DAY = 5;
/** Wrong codes after which the current code is void; a resend does not reset the count. */
export const MAX_WRONG_ATTEMPTS = 5;

export const applicationView = z.object({
  id: z.string(),
  customerName: z.string(),
  nik: z.string(),
  phone1: z.string(),
  phone2: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string(),
  product: z.enum(PRODUCTS),
  status: z.enum(APPLICATION_STATUSES),
  createdBy: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  rejectedReason: z.string().nullable(),
  /** The last OTP head office sent for it, as head office reported it. */
  lastSentAt: z.number().nullable(),
  sendCount: z.number(),
  lastDelivery: z.enum(['sent', 'delivered', 'read', 'failed']).nullable(),
  confirmedAt: z.number().nullable(),
  confirmedVia: z.enum(['customer', 'cs']).nullable(),
});
export type ApplicationView = z.infer<typeof applicationView>;
