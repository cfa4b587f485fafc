import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnrollCode } from '../../headoffice/devices/devices';
import { lastOtpSentTo, startOtpHeadoffice } from '../../headoffice/otp/testing';
import { startOtpDesk, type OtpDesk } from '../../electron/core/otp/testing';
import { ADMIN, rejection } from '../../electron/core/testing';

// A branch desk and head office over real HTTP on loopback, sharing one injected clock: the
// Kacab's approval sends the first code, the AO resends, the CS validates, and the desk learns
// each step by pull. Codes are read from head office's development recorder.
const MINUTE = 60_000;
const PHONE = '0812-9876-5432';

let t: OtpDesk;
let ho: Awaited<ReturnType<typeof startOtpHeadoffice>>;

beforeEach(async () => {
  t = await startOtpDesk();
  ho = await startOtpHeadoffice('sqlite', { clock: () => t.clock.now });
  const url = await ho.app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await t.login(ADMIN.username, ADMIN.password);
  await t.call('sync.enroll', { headofficeUrl: url, code: await createEnrollCode(ho.ctx.db, 'JKT01', t.clock.now) }, admin);
});
afterEach(async () => {
  await t.core.sync.idle();
  await t.close();
  await ho.close();
});

/** A full round after any the OTP call started: push, then pull what head office recorded. */
async function sync(): Promise<void> {
  await t.core.sync.idle();
  await t.core.sync.syncOnce();
}

describe('OTP consent between a desk and head office', () => {
  it('sends on the Kacab’s approval, resends five minutes later, and confirms the code the CS types', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation', { phone1: PHONE });
    await sync();
    await ho.app.otpSender.kick();
    await sync();
    const firstSentAt = t.clock.now;
    expect(await t.call('otp.get', { id }, t.token.ani)).toMatchObject({ status: 'Waiting Confirmation', sendCount: 1, lastSentAt: firstSentAt });

    t.clock.advance(MINUTE);
    const tooSoon = await rejection(t.call('otp.resend', { id }, t.token.ani));
    expect(tooSoon.toBody()).toEqual({ code: 'conflict', key: 'otp.errors.tooSoon', params: { minutes: 4, seconds: 0 } });

    t.clock.advance(4 * MINUTE);
    expect(await t.call('otp.resend', { id }, t.token.ani)).toEqual({ sentAt: t.clock.now, sendsToday: 2 });
    await sync();
    expect(await t.call('otp.get', { id }, t.token.ani)).toMatchObject({ sendCount: 2, lastSentAt: t.clock.now });

    const sent = await lastOtpSentTo(ho.ctx.db, PHONE);
    expect(sent?.code).toMatch(/^\d{6}$/);
    const wrong = sent!.code === '000000' ? '111111' : '000000';
    const refused = await rejection(t.call('otp.validate', { id, code: wrong }, t.token.citra));
    expect(refused.fields).toEqual([{ path: 'code', key: 'otp.errors.wrongCode', params: { remaining: 4 } }]);

    expect(await t.call('otp.validate', { id, code: sent!.code }, t.token.citra)).toEqual({ result: 'confirmed' });
    await sync();
    expect(await t.call('otp.get', { id }, t.token.ani)).toMatchObject({ status: 'In Progress', confirmedVia: 'cs', confirmedAt: t.clock.now });
    // The customer's own try after the CS's: already confirmed, nothing changes.
    expect(await t.call('otp.validate', { id, code: sent!.code }, t.token.citra)).toEqual({ result: 'alreadyConfirmed' });
    const { conflicts } = await t.call('sync.conflicts', { open: true }, await t.login(ADMIN.username, ADMIN.password));
    expect(conflicts).toEqual([]);
  });

  it('asks the desk to sync first when head office has not heard of the application yet', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation', { phone1: PHONE });
    const error = await rejection(t.call('otp.resend', { id }, t.token.ani));
    expect(error.toBody()).toEqual({ code: 'conflict', key: 'otp.errors.notAtHeadoffice' });
    // The call started a round: head office now has the application and sends its first code.
    await sync();
    await ho.app.otpSender.kick();
    await sync();
    expect((await t.call('otp.get', { id }, t.token.ani)).sendCount).toBe(1);
  });
});
