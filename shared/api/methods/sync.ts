import { z } from 'zod';
import { AUDIT_READERS } from '../../domain/roles';
import { defineMethods } from '../contract';
import { ok } from '../schemas';

export const syncStatusView = z.object({
  enrolled: z.boolean(),
  headofficeUrl: z.string().nullable(),
  branchCode: z.string().nullable(),
  /** null until the first attempt; false while head office cannot be reached. */
  online: z.boolean().nullable(),
  pending: z.number(),
  lastSuccessAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  lastError: z.object({ key: z.string(), at: z.number() }).nullable(),
  /** Set when sync stopped and waits for a person (head office reset or restored, device revoked). */
  halted: z.string().nullable(),
  openConflicts: z.number(),
  progress: z.object({ phase: z.enum(['push', 'pull']), done: z.number(), total: z.number().nullable() }).nullable(),
});
export type SyncStatusView = z.infer<typeof syncStatusView>;

export const syncConflictView = z.object({
  id: z.number(),
  kind: z.enum(['rejected', 'apply_failed']),
  eventId: z.string(),
  type: z.string(),
  reason: z.string(),
  detail: z.string().nullable(),
  at: z.number(),
  resolvedAt: z.number().nullable(),
  resolvedBy: z.string().nullable(),
  note: z.string().nullable(),
});

const supervisors = { roles: AUDIT_READERS } as const;

export const syncMethods = defineMethods({
  'sync.status': { input: z.object({}), output: syncStatusView, access: 'authenticated', mutates: false, whileLocked: true, background: true },
  /**
   * Joins this desk to head office with a one-time code. Open before setup (a new desk of an
   * existing branch gets its branch and users from head office); after setup, admins only.
   */
  'sync.enroll': {
    input: z.object({
      headofficeUrl: z.string().trim().url('validation.url'),
      code: z.string().trim().min(6, 'validation.enrollCode').max(64, 'validation.enrollCode'),
    }),
    output: z.object({ branchCode: z.string() }),
    access: 'public',
    mutates: true,
  },
  'sync.now': {
    input: z.object({}),
    output: z.object({ pushed: z.number(), pulled: z.number(), pending: z.number() }),
    access: 'authenticated',
    mutates: false,
  },
  'sync.conflicts': {
    input: z.object({ open: z.boolean().default(true) }),
    output: z.object({ conflicts: z.array(syncConflictView) }),
    access: supervisors,
    mutates: false,
  },
  'sync.resolveConflict': {
    input: z.object({ id: z.number().int(), note: z.string().trim().min(1, 'validation.required').max(500) }),
    output: ok,
    access: supervisors,
    mutates: true,
  },
  /** After head office was reset or restored: send this desk's events again from what it holds. */
  'sync.reseed': { input: z.object({}), output: ok, access: { roles: ['admin'] }, mutates: true },
});
