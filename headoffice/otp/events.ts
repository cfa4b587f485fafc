import type { EventPayload, EventType } from '../../shared/events/index';
import { normalizePhone } from '../../shared/domain/phone';
import { nextStatus, type ApplicationAction } from '../../shared/otp/rules';
import type { Sql } from '../db/database';
import { supersedesStatus, type DeliveryStatus } from '../messaging/sender';
import { fromHeadoffice } from '../rules/from-headoffice';
import type { IncomingEvent, Verdict } from '../rules/index';
import { codeOfSend, findApplication, insertApplication, queueSend, setStatus } from './store';

// What head office decides about the OTP events, and the head-office tables they keep. Desks push
// the application's life (created, submitted, approved, rejected, cancelled); head office is the
// one place that sees every desk of the branch, so it refuses a step the application's state
// does not allow (two desks deciding the same application offline), and the desk gets a conflict.
// The events only head office may write (a code sent, its delivery, the customer's consent) are
// refused from a desk: a desk that could push otp.confirmed could confirm without the code.

type Rule<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<Verdict>;
type Effect<T extends EventType> = (sql: Sql, event: IncomingEvent, payload: EventPayload<T>) => Promise<void>;

const OK: Verdict = { ok: true };
const conflict = (detail: string): Verdict => ({ ok: false, reason: 'conflict', detail });

/** The application exists in the event's branch and the step is allowed from its state. */
async function allowed(sql: Sql, event: IncomingEvent, id: string, action: ApplicationAction): Promise<Verdict> {
  const application = await findApplication(sql, id);
  if (!application || application.branchCode !== event.branchCode) return conflict('otp.errors.unknownApplication');
  return nextStatus(application.status, action).ok ? OK : conflict('otp.errors.wrongState');
}

async function advance(sql: Sql, event: IncomingEvent, id: string, action: ApplicationAction): Promise<void> {
  const application = await findApplication(sql, id);
  const next = application && nextStatus(application.status, action);
  if (next?.ok) await setStatus(sql, id, next.status, event.at);
}

const headofficeOnly =
  <T extends EventType>(rule: Rule<T>): Rule<T> =>
  async (sql, event, payload) =>
    (await fromHeadoffice(sql, event)) ? rule(sql, event, payload) : conflict('otp.errors.headofficeOnly');

export const otpRules: { [T in EventType]?: Rule<T> } = {
  'otp.applicationCreated': async (sql, event, payload) => {
    if (event.branchCode === null) return conflict('otp.errors.unknownApplication');
    // The desk normalises Phone 1 too; head office sends to it, so it checks again.
    if (!normalizePhone(payload.phone1).ok) return { ok: false, reason: 'schema', detail: 'phone1' };
    return (await findApplication(sql, payload.id)) ? conflict('otp.errors.duplicate') : OK;
  },
  'otp.applicationSubmitted': (sql, event, payload) => allowed(sql, event, payload.id, { kind: 'submit' }),
  'otp.approved': (sql, event, payload) => allowed(sql, event, payload.id, { kind: 'approve', level: payload.level }),
  'otp.rejected': (sql, event, payload) => allowed(sql, event, payload.id, { kind: 'reject', level: payload.level }),
  'otp.cancelled': (sql, event, payload) => allowed(sql, event, payload.id, { kind: 'cancel' }),
  'otp.sent': headofficeOnly(async (sql, _event, payload) => {
    const code = await codeOfSend(sql, payload.applicationId, payload.sendNumber);
    return code && !code.announced ? OK : conflict('otp.errors.duplicate');
  }),
  'otp.deliveryUpdated': headofficeOnly(async (sql, _event, payload) => {
    const [message] = await sql<{ status: DeliveryStatus }>(
      `SELECT status FROM ho_messages WHERE application_id = ? AND send_number = ? AND kind = 'otp-code'`,
      [payload.applicationId, payload.sendNumber],
    );
    // Checked here, inside the writer, so two webhooks racing cannot move a status backwards.
    return message && supersedesStatus(payload.delivery, message.status) ? OK : conflict('otp.errors.staleDelivery');
  }),
  'otp.confirmed': headofficeOnly((sql, event, payload) => allowed(sql, event, payload.applicationId, { kind: 'confirm' })),
};

export const otpEffects: { [T in EventType]?: Effect<T> } = {
  'otp.applicationCreated': async (sql, event, payload) => {
    const phone = normalizePhone(payload.phone1);
    if (!phone.ok) return;
    await insertApplication(sql, { id: payload.id, branchCode: event.branchCode!, customerName: payload.customerName, phone1: phone.e164 }, event.at);
  },
  'otp.applicationSubmitted': (sql, event, payload) => advance(sql, event, payload.id, { kind: 'submit' }),
  'otp.approved': async (sql, event, payload) => {
    await advance(sql, event, payload.id, { kind: 'approve', level: payload.level });
    // The Kacab's approval is what sends the first code: queued here, in the push transaction,
    // and sent by the sender loop, so no network call runs inside a transaction.
    if (payload.level === 'kacab') await queueSend(sql, payload.id, null, event.at);
  },
  'otp.rejected': (sql, event, payload) => advance(sql, event, payload.id, { kind: 'reject', level: payload.level }),
  'otp.cancelled': (sql, event, payload) => advance(sql, event, payload.id, { kind: 'cancel' }),
  'otp.sent': async (sql, _event, payload) => {
    await sql(`UPDATE ho_otp_codes SET announced = 1 WHERE application_id = ? AND send_number = ?`, [payload.applicationId, payload.sendNumber]);
  },
  'otp.deliveryUpdated': async (sql, event, payload) => {
    await sql(`UPDATE ho_messages SET status = ?, updated_at = ? WHERE application_id = ? AND send_number = ? AND kind = 'otp-code'`, [
      payload.delivery,
      event.at,
      payload.applicationId,
      payload.sendNumber,
    ]);
  },
  'otp.confirmed': async (sql, event, payload) => {
    await advance(sql, event, payload.applicationId, { kind: 'confirm' });
    await sql(`UPDATE ho_otp_applications SET confirmed_at = ?, confirmed_via = ? WHERE id = ?`, [event.at, payload.via, payload.applicationId]);
    // Single use: the code that confirmed is spent.
    await sql(`UPDATE ho_otp_codes SET used_at = ? WHERE application_id = ? AND superseded = 0`, [event.at, payload.applicationId]);
  },
};
