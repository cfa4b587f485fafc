import { updateUserFields } from '../auth/queries';
import { otpCompensators } from '../otp/compensators';
import type { ProjectorMap } from '../dispatch/types';
import { prepared, type Db } from '../ledger/sql';

/**
 * What undoing a refused event means, per type. A user head office refused (a name taken at the
 * branch or head office) is disabled and renamed rather than deleted: the journal still names
 * them, and the name is free for the user head office decided on, whose event arrives by pull.
 */
const compensators: Record<string, (db: Db, payload: Record<string, unknown>, at: number) => void> = {
  'user.created': (db, payload, at) => {
    const id = String(payload.id);
    updateUserFields(db, id, at, { disabled: true });
    prepared(db, `UPDATE users SET username = ? WHERE id = ?`).run(`${String(payload.username)}~${id.slice(0, 6)}`, id);
  },
  ...otpCompensators,
};

export const syncProjectors: ProjectorMap = {
  'sync.rejected': (db, { payload, at }) => {
    prepared(
      db,
      `INSERT OR IGNORE INTO sync_conflicts (kind, event_id, type, reason, detail, at) VALUES ('rejected', ?, ?, ?, ?, ?)`,
    ).run(payload.eventId, payload.type, payload.reason, payload.detail ?? null, at);
    const original = prepared<[string], { payload: string }>(db, `SELECT payload FROM journal WHERE event_id = ?`).get(payload.eventId);
    if (original) compensators[payload.type]?.(db, JSON.parse(original.payload) as Record<string, unknown>, at);
  },
  'sync.conflictResolved': (db, { payload, at, userId }) => {
    prepared(db, `UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, note = ? WHERE id = ?`).run(at, userId, payload.note, payload.conflictId);
  },
};
