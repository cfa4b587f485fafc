import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../testing';
import { approvedApplicationEvents, lastOtpSentTo, startOtpHeadoffice, testApplication, type TestApplication } from './testing';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 3); // 10:00 WIB

describe.each(DIALECTS)('desk OTP routes on %s', (dialect) => {
  let now = T0;
  let ho: Awaited<ReturnType<typeof startOtpHeadoffice>>;
  let desk: Awaited<ReturnType<typeof ho.enroll>>;

  beforeEach(async () => {
    now = T0;
    ho = await startOtpHeadoffice(dialect, { clock: () => now });
    desk = await ho.enroll('JKT01');
  });
  afterEach(() => ho.close());

  const resend = (id: string, auth = desk.auth) =>
    ho.app.inject({ method: 'POST', url: '/otp/resend', headers: { authorization: auth }, payload: { applicationId: id, username: 'andi' } });
  const validate = (id: string, code: string, auth = desk.auth) =>
    ho.app.inject({ method: 'POST', url: '/otp/validate', headers: { authorization: auth }, payload: { applicationId: id, code, username: 'siti' } });
  const lastCode = async (a: TestApplication) => (await lastOtpSentTo(ho.ctx.db, a.phone1))!.code;
  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');
  const otpEvents = async (type: string) =>
    (await (await ho.enroll('JKT01')).pull()).events.filter((e) => e.type === type).map((e) => JSON.parse(e.payload));

  async function approved(a = testApplication()) {
    await desk.push(approvedApplicationEvents(desk.chain, a));
    await ho.app.otpSender.kick();
    return a;
  }

  it('refuses a resend at 4:59 and sends a new code at 5:00, superseding the old one', async () => {
    const a = await approved();
    const first = await lastCode(a);
    now = T0 + 5 * MIN - 1_000;
    const early = await resend(a.id);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({ error: { code: 'too_soon', waitMs: 1_000 } });

    now = T0 + 5 * MIN;
    const ok = await resend(a.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ sentAt: T0 + 5 * MIN, sendsToday: 2 });
    expect(await otpEvents('otp.sent')).toMatchObject([{ sendNumber: 1, requestedBy: null }, { sendNumber: 2, requestedBy: 'andi', sentAt: T0 + 5 * MIN }]);

    // The old code is refused (and counts as a wrong try); the new one confirms.
    const second = await lastCode(a);
    if (second !== first) expect((await validate(a.id, first)).json()).toEqual({ error: { code: 'wrong_code', remaining: 4 } });
    expect((await validate(a.id, second)).json()).toEqual({ result: 'confirmed' });
  });

  it('allows 5 codes per WIB day, and more after midnight WIB', async () => {
    now = Date.UTC(2026, 10, 21, 16, 30); // 23:30 WIB
    const a = testApplication();
    await desk.push(approvedApplicationEvents(desk.chain, a, now));
    await ho.app.otpSender.kick();
    for (const [minutes, sendsToday] of [[5, 2], [10, 3], [15, 4], [20, 5]] as const) {
      now = Date.UTC(2026, 10, 21, 16, 30 + minutes);
      expect((await resend(a.id)).json()).toEqual({ sentAt: now, sendsToday });
    }
    now = Date.UTC(2026, 10, 21, 16, 55); // 23:55 WIB
    const capped = await resend(a.id);
    expect(capped.statusCode).toBe(409);
    expect(capped.json()).toEqual({ error: { code: 'daily_cap' } });
    now = Date.UTC(2026, 10, 21, 17, 0); // 00:00 WIB, a new day (still 21 November in UTC)
    expect((await resend(a.id)).json()).toEqual({ sentAt: now, sendsToday: 1 });
  });

  it('validates the right code once: a replay answers already confirmed and appends nothing', async () => {
    const a = await approved();
    const code = await lastCode(a);
    now = T0 + 4 * MIN + 59_000;
    expect((await validate(a.id, code)).json()).toEqual({ result: 'confirmed' });
    expect(await otpEvents('otp.confirmed')).toEqual([{ applicationId: a.id, via: 'cs', by: 'siti' }]);
    const [stored] = await ho.ctx.db.read<{ status: string; confirmed_via: string }>(`SELECT status, confirmed_via FROM ho_otp_applications WHERE id = ?`, [a.id]);
    expect(stored).toEqual({ status: 'In Progress', confirmed_via: 'cs' });

    expect((await validate(a.id, code)).json()).toEqual({ result: 'alreadyConfirmed' });
    expect((await validate(a.id, wrongFor(code))).json()).toEqual({ result: 'alreadyConfirmed' });
    expect(await otpEvents('otp.confirmed')).toHaveLength(1);
    // Nothing to resend once confirmed.
    now = T0 + 10 * MIN;
    expect((await resend(a.id)).json()).toEqual({ error: { code: 'wrong_state' } });
  });

  it('answers expired after 5 minutes, and a wrong code with the tries left', async () => {
    const a = await approved();
    const code = await lastCode(a);
    expect((await validate(a.id, wrongFor(code))).json()).toEqual({ error: { code: 'wrong_code', remaining: 4 } });
    now = T0 + 5 * MIN + 1_000;
    const expired = await validate(a.id, code);
    expect(expired.statusCode).toBe(422);
    expect(expired.json()).toEqual({ error: { code: 'expired' } });
    // A resent code works, and the wrong try before it still counts.
    expect((await resend(a.id)).statusCode).toBe(200);
    const fresh = await lastCode(a);
    expect((await validate(a.id, wrongFor(fresh))).json()).toEqual({ error: { code: 'wrong_code', remaining: 3 } });
    expect((await validate(a.id, fresh)).json()).toEqual({ result: 'confirmed' });
  });

  it('voids the application after 5 wrong codes: the right code and a resent code are refused', async () => {
    const a = await approved();
    const code = await lastCode(a);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await validate(a.id, wrongFor(code))).json().error);
    expect(answers).toEqual([
      { code: 'wrong_code', remaining: 4 },
      { code: 'wrong_code', remaining: 3 },
      { code: 'wrong_code', remaining: 2 },
      { code: 'wrong_code', remaining: 1 },
      { code: 'void' },
    ]);
    expect((await validate(a.id, code)).json()).toEqual({ error: { code: 'void' } });
    now = T0 + 5 * MIN;
    expect((await resend(a.id)).statusCode).toBe(200);
    expect((await validate(a.id, await lastCode(a))).json()).toEqual({ error: { code: 'void' } });
    const [stored] = await ho.ctx.db.read<{ wrong_attempts: unknown }>(`SELECT wrong_attempts FROM ho_otp_applications WHERE id = ?`, [a.id]);
    expect(Number(stored!.wrong_attempts)).toBe(5);
  });

  it('keeps the five-try limit under parallel guesses', async () => {
    const a = await approved();
    const code = await lastCode(a);
    const guesses = await Promise.all(Array.from({ length: 12 }, () => validate(a.id, wrongFor(code))));
    expect(guesses.filter((g) => g.json().error.code === 'wrong_code')).toHaveLength(4);
    expect((await validate(a.id, code)).json()).toEqual({ error: { code: 'void' } });
  });

  it('answers unknown for another branch, and refuses a device without its secret', async () => {
    const a = await approved();
    const other = await ho.enroll('BDG01');
    expect((await validate(a.id, '123456', other.auth)).json()).toEqual({ error: { code: 'unknown_application' } });
    expect((await resend(a.id, other.auth)).statusCode).toBe(404);
    expect((await validate(a.id, '123456', `Bearer ${desk.deviceId}.${'x'.repeat(43)}`)).statusCode).toBe(401);
    expect((await validate(a.id, '12345')).statusCode).toBe(400);
  });

  it('refuses a resend before approval, and after a cancel', async () => {
    const a = testApplication();
    const events = approvedApplicationEvents(desk.chain, a);
    await desk.push(events.slice(0, 2));
    expect((await resend(a.id)).json()).toEqual({ error: { code: 'wrong_state' } });
    await desk.push([...events.slice(2), desk.chain.next('otp.cancelled', { id: a.id, reason: 'Nasabah membatalkan' })]);
    await ho.app.otpSender.kick();
    now = T0 + 5 * MIN;
    expect((await resend(a.id)).json()).toEqual({ error: { code: 'wrong_state' } });
    expect((await validate(a.id, '123456')).json()).toEqual({ error: { code: 'wrong_state' } });
  });
});
