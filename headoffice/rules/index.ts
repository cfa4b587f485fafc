import { eventSchemas, isEventType, type EventPayload, type EventType } from '../../shared/events/index';
import type { RejectionReason } from '../../shared/sync/protocol';
import type { Sql } from '../db/database';
import { complaintEffects, complaintRules } from '../complaints/events';
import { invoiceEffects, invoiceRules } from '../invoices/events';
import { kbEffects, kbRules } from '../kb/events';
import { otpEffects, otpRules } from '../otp/events';
import { paymentEffects, paymentRules } from '../payments/events';

export interface IncomingEvent {
  eventId: string;
  deviceId: string;
  type: string;
  payload: string;
  at: number;
  /** The branch the event belongs to; null for head office's all-branch events. */
  branchCode: string | null;
  /** Who recorded it (the user name of the desk's account), where known. */
  username?: string | null;
}

export type Verdict = { ok: true } | { ok: false; reason: RejectionReason; detail?: string };

type Rule<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<Verdict>;
type Effect<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<void>;

// What head office itself decides about an event, beyond its schema: rules that can refuse it,
// and the head-office tables it updates once accepted. A type without a rule is accepted.
const rules: { [T in EventType]?: Rule<T> } = {
  'user.created': async (sql, event, payload) => {
    // A user name is unique within its branch, and a head-office user's name is unique everywhere.
    const clash = await sql(
      event.branchCode === null
        ? `SELECT id FROM ho_users WHERE username = ?`
        : `SELECT id FROM ho_users WHERE username = ? AND (branch_code = ? OR branch_code IS NULL)`,
      event.branchCode === null ? [payload.username] : [payload.username, event.branchCode],
    );
    return clash.length > 0 ? { ok: false, reason: 'conflict', detail: 'sync.rejected.usernameTaken' } : { ok: true };
  },
  ...otpRules,
  ...complaintRules,
  ...kbRules,
  ...paymentRules,
  ...invoiceRules,
};

const effects: { [T in EventType]?: Effect<T> } = {
  'user.created': async (sql, event, payload) => {
    await sql(`INSERT INTO ho_users (id, username, branch_code, created_at) VALUES (?, ?, ?, ?)`, [
      payload.id,
      payload.username,
      event.branchCode,
      event.at,
    ]);
  },
  ...otpEffects,
  ...complaintEffects,
  ...kbEffects,
  ...paymentEffects,
  ...invoiceEffects,
};

/** Schema first, then the type's rule. Never throws for a bad event: it says why it is refused. */
export async function judge(sql: Sql, event: IncomingEvent): Promise<{ verdict: Verdict; payload?: unknown }> {
  if (!isEventType(event.type)) return { verdict: { ok: false, reason: 'unknown_type' } };
  let json: unknown;
  try {
    json = JSON.parse(event.payload);
  } catch {
    return { verdict: { ok: false, reason: 'schema' } };
  }
  const parsed = eventSchemas[event.type].safeParse(json);
  if (!parsed.success) return { verdict: { ok: false, reason: 'schema', detail: parsed.error.issues[0]?.path.join('.') } };
  const rule = rules[event.type] as Rule<EventType> | undefined;
  const verdict = rule ? await rule(sql, event, parsed.data as never) : ({ ok: true } as const);
  return { verdict, payload: parsed.data };
}

export async function applyEffects(sql: Sql, event: IncomingEvent, payload: unknown): Promise<void> {
  const effect = effects[event.type as EventType] as Effect<EventType> | undefined;
  if (effect) await effect(sql, event, payload as never);
}
