import type { AuditEntry } from '../../../shared/api/methods/audit';
import { SECRET_PAYLOAD_FIELDS } from '../../../shared/events/index';
import type { JournalRow } from '../ledger/journal';
import { prepared, type Db } from '../ledger/sql';

export interface AuditFilter {
  username?: string | undefined;
  type?: string | undefined;
  text?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  before?: number | undefined;
  limit: number;
}

type Row = Omit<JournalRow, 'prev_hash' | 'hash'>;

function maskSecrets(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) out[key] = SECRET_PAYLOAD_FIELDS.has(key) ? '***' : value;
  return out;
}

/**
 * Newest first, keyset-paged on seq so page N costs the same as page 1 on a million events.
 * Every filter is a parameter; a null parameter switches its condition off, so the SQL is fixed.
 */
export function listAudit(db: Db, filter: AuditFilter): { entries: AuditEntry[]; nextBefore: number | null } {
  const rows = prepared<Record<string, unknown>, Row>(
    db,
    `SELECT seq, event_id, device_id, device_seq, user_id, username, at, type, payload FROM journal
     WHERE (@before IS NULL OR seq < @before)
       AND (@username IS NULL OR username = @username)
       AND (@type IS NULL OR type = @type OR type LIKE @typePrefix)
       AND (@from IS NULL OR at >= @from)
       AND (@to IS NULL OR at <= @to)
       AND (@text IS NULL OR instr(lower(payload), lower(@text)) > 0 OR instr(lower(type), lower(@text)) > 0)
     ORDER BY seq DESC LIMIT @limit`,
  ).all({
    before: filter.before ?? null,
    username: filter.username || null,
    type: filter.type || null,
    typePrefix: filter.type ? `${filter.type}.%` : null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    text: filter.text || null,
    limit: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((row) => ({
      seq: row.seq,
      eventId: row.event_id,
      deviceId: row.device_id,
      deviceSeq: row.device_seq,
      userId: row.user_id,
      username: row.username,
      at: row.at,
      type: row.type,
      payload: maskSecrets(JSON.parse(row.payload) as Record<string, unknown>),
    })),
    nextBefore: rows.length > filter.limit ? page[page.length - 1]!.seq : null,
  };
}
