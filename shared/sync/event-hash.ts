// The text an event's hash is computed over: every field that identifies the event, and its
// predecessor's hash. Branch and head office hash this same text (each with its own SHA-256), so
// either side can check the other's events.
export interface HashedFields {
  prevHash: string;
  eventId: string;
  deviceId: string;
  deviceSeq: number;
  userId: string | null;
  username: string | null;
  at: number;
  type: string;
  payload: string;
}

export function eventHashText(e: HashedFields): string {
  return [e.prevHash, e.eventId, e.deviceId, e.deviceSeq, e.userId ?? '', e.username ?? '', e.at, e.type, e.payload].join('\n');
}

export const GENESIS_HASH = '0'.repeat(64);
