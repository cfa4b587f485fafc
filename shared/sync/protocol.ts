import { z } from 'zod';

// The wire contract between a branch desk and head office. Every request after enrollment
// carries `authorization: Bearer <deviceId>.<secret>`; head office keeps only a hash of the secret.

/** One journal event as it travels: the payload is the exact JSON text that was hashed. */
export const wireEvent = z.object({
  eventId: z.string().uuid(),
  deviceId: z.string().uuid(),
  deviceSeq: z.number().int().min(1),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  at: z.number().int(),
  type: z.string().min(1).max(64),
  payload: z.string().max(1_000_000),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type WireEvent = z.infer<typeof wireEvent>;

/** Largest batch a branch sends or head office returns: big batches, bounded memory. */
export const MAX_BATCH = 1000;

export const enrollRequest = z.object({
  code: z.string().trim().min(6).max(64),
  deviceId: z.string().uuid(),
  /** The branch the desk already belongs to, if it was set up before enrolling. */
  branchCode: z.string().nullable(),
});
export const enrollResponse = z.object({
  deviceSecret: z.string(),
  branchCode: z.string(),
  epoch: z.string(),
});

export const pushRequest = z.object({
  epoch: z.string(),
  events: z.array(wireEvent).min(1).max(MAX_BATCH),
});

export const REJECTION_REASONS = [
  'schema',
  'unknown_type',
  'bad_hash',
  'broken_chain',
  'replay_mismatch',
  'conflict',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const pushResult = z.object({
  eventId: z.string(),
  deviceSeq: z.number().int(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.enum(REJECTION_REASONS).optional(),
  /** A rule's message key for a person to read, e.g. `sync.rejected.usernameTaken`. */
  detail: z.string().optional(),
});
export type PushResult = z.infer<typeof pushResult>;

export const pushResponse = z.object({
  epoch: z.string(),
  highWaterMark: z.number().int(),
  results: z.array(pushResult),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const pullRequest = z.object({
  epoch: z.string(),
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_BATCH).default(MAX_BATCH),
});

export const pulledEvent = wireEvent.extend({ cursor: z.number().int() });
export type PulledEvent = z.infer<typeof pulledEvent>;

export const pullResponse = z.object({
  epoch: z.string(),
  events: z.array(pulledEvent),
  /** Where the next pull starts; equal to the request's cursor when nothing was new. */
  nextCursor: z.number().int(),
  /** The newest cursor head office has for this device's scope: a branch ahead of it means a restore. */
  headCursor: z.number().int(),
  /** The highest of this device's own sequences head office holds. */
  highWaterMark: z.number().int(),
});
export type PullResponse = z.infer<typeof pullResponse>;

/** Errors head office answers with, as `{ error: { code, … } }` and an HTTP status. */
export const SYNC_ERRORS = {
  unauthorized: 401,
  device_revoked: 401,
  bad_request: 400,
  /** The batch does not start right after the high-water mark: nothing applied. */
  sequence_gap: 409,
  /** The branch speaks to a head office of another epoch (reset or restored). */
  epoch_mismatch: 409,
  invalid_code: 400,
  branch_mismatch: 409,
} as const;
export type SyncErrorCode = keyof typeof SYNC_ERRORS;
export const syncError = z.object({
  error: z.object({ code: z.string(), message: z.string().optional(), highWaterMark: z.number().int().optional(), epoch: z.string().optional() }),
});

/**
 * Unique-code leases (mutation matching): after its push, a desk asks head office to renew and
 * top up its blocks of code residues for every account its branch takes transfers on. New leases
 * are events on the branch's chain; the pull that follows brings them.
 */
export const codeLeasesRequest = z.object({ epoch: z.string() });
export const codeLeasesResponse = z.object({
  epoch: z.string(),
  leased: z.array(z.object({ accountNumber: z.string(), blocks: z.array(z.number().int()), expiresAt: z.number().int() })),
});
