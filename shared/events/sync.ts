import { z } from 'zod';
import { REJECTION_REASONS } from '../sync/protocol';

export const syncEvents = {
  'sync.enrolled': z.object({ headofficeUrl: z.string(), branchCode: z.string() }),
  /** The compensating event for one of this desk's events that head office refused. */
  'sync.rejected': z.object({
    eventId: z.string(),
    deviceSeq: z.number().int(),
    type: z.string(),
    reason: z.enum(REJECTION_REASONS),
    detail: z.string().optional(),
  }),
  'sync.conflictResolved': z.object({ conflictId: z.number().int(), note: z.string() }),
  /** A supervisor accepted a reset or restored head office and this desk sends its events again. */
  'sync.reseeded': z.object({ epoch: z.string(), pushedUpto: z.number().int() }),
};
