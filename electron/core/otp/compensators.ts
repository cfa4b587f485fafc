import { eventSchemas, isEventType } from '../../../shared/events/index';
import type { Db } from '../ledger/sql';
import { prepared } from '../ledger/sql';
import { otpProjectors } from './projectors';

// What undoing an OTP event head office refused means (sync/projectors.ts calls these when head
// office answers a push with `rejected`, e.g. two desks decided the same application while
// apart). The application is rebuilt from its events on this desk, in the order this desk
// applied them, leaving out every event head office refused: the desk then agrees with head
// office, and a pulled event that failed before because of the refused one now applies.

interface EventRow {
  type: string;
  payload: string;
  at: number;
  device_id: string;
  user_id: string | null;
}

function applicationIdOf(payload: Record<string, unknown>): string | null {
  const id = payload.id ?? payload.applicationId;
  return typeof id === 'string' ? id : null;
}

/** Rebuilds one application's row from the journal, without the events head office refused. */
export function rebuildApplication(db: Db, id: string): void {
  // `type` range instead of LIKE so the journal_by_type index is used; rare enough to scan it.
  const events = prepared<{ id: string }, EventRow>(
    db,
    `SELECT type, payload, at, device_id, user_id FROM journal j
     WHERE type >= 'otp.' AND type < 'otp/'
       AND coalesce(json_extract(payload, '$.id'), json_extract(payload, '$.applicationId')) = @id
       AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.kind = 'rejected' AND c.event_id = j.event_id)
     ORDER BY seq`,
  ).all({ id });
  prepared(db, `DELETE FROM otp_applications WHERE id = ?`).run(id);
  const inSavepoint = db.transaction((apply: () => void) => apply());
  for (const row of events) {
    if (!isEventType(row.type)) continue;
    const type = row.type;
    const projector = otpProjectors[type] as ((d: Db, e: unknown) => void) | undefined;
    if (!projector) continue;
    const payload = eventSchemas[type].parse(JSON.parse(row.payload));
    try {
      inSavepoint(() => projector(db, { type, payload, at: row.at, deviceId: row.device_id, userId: row.user_id }));
    } catch {
      // Still does not fit without the refused events: it stays in the journal, as it was.
    }
  }
}

const rebuildFromPayload = (db: Db, payload: Record<string, unknown>): void => {
  const id = applicationIdOf(payload);
  if (id) rebuildApplication(db, id);
};

/** One per event type a desk pushes, in the shape of sync/projectors.ts's `compensators`. */
export const otpCompensators: Record<string, (db: Db, payload: Record<string, unknown>, at: number) => void> = {
  'otp.applicationCreated': rebuildFromPayload,
  'otp.applicationSubmitted': rebuildFromPayload,
  'otp.approved': rebuildFromPayload,
  'otp.rejected': rebuildFromPayload,
  'otp.cancelled': rebuildFromPayload,
};
