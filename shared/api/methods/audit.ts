import { z } from 'zod';
import { AUDIT_READERS } from '../../domain/roles';
import { defineMethods } from '../contract';

export const auditEntry = z.object({
  seq: z.number(),
  eventId: z.string(),
  deviceId: z.string(),
  deviceSeq: z.number(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  at: z.number(),
  type: z.string(),
  /** The event's payload with secrets (password hashes) masked. */
  payload: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

const readers = { roles: AUDIT_READERS } as const;

export const auditMethods = defineMethods({
  'audit.list': {
    input: z.object({
      username: z.string().trim().toLowerCase().max(32).optional(),
      type: z.string().trim().max(64).optional(),
      /** Free text searched in the payload. */
      text: z.string().trim().max(100).optional(),
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      /** Keyset paging: entries with seq below this. */
      before: z.number().int().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(auditEntry), nextBefore: z.number().nullable() }),
    access: readers,
    mutates: false,
  },
  /** Walks every device's hash chain; says where the first break is. */
  'audit.verify': {
    input: z.object({}),
    output: z.object({
      ok: z.boolean(),
      checked: z.number(),
      brokenAt: z
        .object({ deviceId: z.string(), deviceSeq: z.number(), eventId: z.string(), reason: z.string() })
        .nullable(),
    }),
    access: readers,
    mutates: false,
  },
});
