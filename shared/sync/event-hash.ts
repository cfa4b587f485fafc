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
  // The fields one a line, as [...].join('\n') would write them (a null as an empty line).
  return `${e.prevHash}\n${e.eventId}\n${e.deviceId}\n${e.deviceSeq}\n${e.userId ?? ''}\n${e.username ?? ''}\n${e.at}\n${e.type}\n${e.payload}`;
}

export const GENESIS_HASH = '0'.repeat(64);
