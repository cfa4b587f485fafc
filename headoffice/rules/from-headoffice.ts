import type { Sql } from '../db/database';
import type { IncomingEvent } from './index';

/** True when the event was written by head office itself (its own chain), never by a desk. */
export async function fromHeadoffice(sql: Sql, event: IncomingEvent): Promise<boolean> {
  const [device] = await sql<{ kind: string }>(`SELECT kind FROM devices WHERE id = ?`, [event.deviceId]);
  return device?.kind === 'headoffice';
}
