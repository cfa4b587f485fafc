import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventChain } from '../../headoffice/testing';
import { projectors } from '../../electron/core/handlers';
import { startOtpDesk, type OtpDesk } from '../../electron/core/otp/testing';
import { applyPulled } from '../../electron/core/sync/apply';
import { saveEnrollment } from '../../electron/core/sync/state';
import { rejection } from '../../electron/core/testing';

// What head office records about an application (codes sent, delivery, the customer's consent)
// reaches the desk by pull; here the pulled events are head office's chain, hashed as it hashes.
let t: OtpDesk;
let headoffice: ReturnType<typeof eventChain>;
let cursor: number;
const MINUTE = 60_000;

beforeEach(async () => {
  t = await startOtpDesk();
  // Enrolled to a head office that is not there: whatever works below works offline.
  saveEnrollment(t.core.db, { headofficeUrl: 'http://127.0.0.1:9', deviceSecret: 's', branchCode: 'JKT01', epoch: 'e', at: 0 });
  headoffice = eventChain(randomUUID(), 'pusat');
  cursor = 0;
});
afterEach(() => t.close());

function pull(type: string, payload: object, at: number) {
  cursor += 1;
  const event = { ...headoffice.next(type, payload, at), cursor };
  return applyPulled(t.core.db, projectors, [event], cursor, at);
}
const row = (id: string) => t.call('otp.get', { id }, t.token.ani);

describe('head office’s OTP events at the desk', () => {
  it('shows each send and its delivery, then the consent, once', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    const sent1 = t.clock.now + MINUTE;
    pull('otp.sent', { applicationId: id, sendNumber: 1, sentAt: sent1, expiresAt: sent1 + 5 * MINUTE, delivery: 'sent', requestedBy: null }, sent1);
    expect(await row(id)).toMatchObject({ status: 'Waiting Confirmation', sendCount: 1, lastSentAt: sent1, lastDelivery: 'sent', updatedAt: sent1 });

    pull('otp.deliveryUpdated', { applicationId: id, sendNumber: 1, delivery: 'read' }, sent1 + 1000);
    // WhatsApp's reports can cross: a late "delivered" does not undo "read".
    pull('otp.deliveryUpdated', { applicationId: id, sendNumber: 1, delivery: 'delivered' }, sent1 + 2000);
    expect((await row(id)).lastDelivery).toBe('read');

    const sent2 = sent1 + 6 * MINUTE;
    pull('otp.sent', { applicationId: id, sendNumber: 2, sentAt: sent2, expiresAt: sent2 + 5 * MINUTE, delivery: 'failed', failure: 'whatsapp_timeout', requestedBy: 'ani' }, sent2);
    // A report about the first send no longer describes the application's latest code.
    pull('otp.deliveryUpdated', { applicationId: id, sendNumber: 1, delivery: 'delivered' }, sent2 + 1000);
    expect(await row(id)).toMatchObject({ sendCount: 2, lastSentAt: sent2, lastDelivery: 'failed' });

    const confirmedAt = sent2 + 2 * MINUTE;
    expect(pull('otp.confirmed', { applicationId: id, via: 'customer', by: null }, confirmedAt)).toMatchObject({ applied: 1, failed: 0 });
    const confirmed = await row(id);
    expect(confirmed).toMatchObject({ status: 'In Progress', confirmedAt, confirmedVia: 'customer', updatedAt: confirmedAt });
    // The customer typed it and also sent it to CS (seed 000, 4.5): the second consent changes nothing.
    expect(pull('otp.confirmed', { applicationId: id, via: 'cs', by: 'citra' }, confirmedAt + MINUTE)).toMatchObject({ applied: 1, failed: 0 });
    expect(await row(id)).toEqual(confirmed);
  });

  it('lets CS find a confirmed application and answers "already confirmed" without head office', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation', { phone1: '0857-1111-2222' });
    pull('otp.confirmed', { applicationId: id, via: 'customer', by: null }, t.clock.now);
    const found = await t.call('otp.search', { phone: '+62 857 1111 2222' }, t.token.citra);
    expect(found.applications.map((a) => [a.id, a.status])).toEqual([[id, 'In Progress']]);
    expect(await t.call('otp.validate', { id, code: '000000' }, t.token.citra)).toEqual({ result: 'alreadyConfirmed' });
    expect((await t.call('otp.list', { status: 'In Progress' }, t.token.kamal)).applications.map((a) => a.id)).toEqual([id]);
  });

  it('refuses to cancel or resend once the customer has confirmed', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    pull('otp.confirmed', { applicationId: id, via: 'cs', by: 'citra' }, t.clock.now);
    const refusal = { code: 'conflict', key: 'otp.errors.wrongState', params: { status: 'In Progress' } };
    expect((await rejection(t.call('otp.cancel', { id, reason: 'Terlambat' }, t.token.ani))).toBody()).toEqual(refusal);
    expect((await rejection(t.call('otp.resend', { id }, t.token.ani))).toBody()).toEqual(refusal);
  });

  it('records sends whatever the desk decided since, but keeps a consent for a cancelled application as a conflict', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    await t.call('otp.cancel', { id, reason: 'Nasabah membatalkan' }, t.token.ani);
    // Head office sent before it heard of the cancellation: that happened, and is shown.
    expect(pull('otp.sent', { applicationId: id, sendNumber: 1, sentAt: t.clock.now, expiresAt: t.clock.now + 5 * MINUTE, delivery: 'sent', requestedBy: null }, t.clock.now)).toMatchObject({ applied: 1 });
    expect(await row(id)).toMatchObject({ status: 'Cancelled', sendCount: 1 });
    // The customer then confirmed: the desk does not reopen the application on its own.
    expect(pull('otp.confirmed', { applicationId: id, via: 'customer', by: null }, t.clock.now)).toEqual({ applied: 0, skipped: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'Cancelled', confirmedAt: null });
    const conflicts = t.core.db.prepare(`SELECT kind, type FROM sync_conflicts`).all();
    expect(conflicts).toEqual([{ kind: 'apply_failed', type: 'otp.confirmed' }]);
  });

  it('keeps an event about an application this desk does not have as a conflict', () => {
    const unknown = randomUUID();
    expect(pull('otp.sent', { applicationId: unknown, sendNumber: 1, sentAt: 0, expiresAt: 0, delivery: 'sent', requestedBy: null }, 0)).toEqual({ applied: 0, skipped: 0, failed: 1 });
    expect(pull('otp.confirmed', { applicationId: unknown, via: 'customer', by: null }, 0)).toEqual({ applied: 0, skipped: 0, failed: 1 });
    expect(t.core.db.prepare(`SELECT count(*) AS n FROM otp_applications`).get()).toEqual({ n: 0 });
  });
});
