import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../testing';
import { CUSTOMER_TRIES } from './customer-routes';
import { LINK_TTL_MS } from './sender';
import { approvedApplicationEvents, lastOtpSentTo, startOtpHeadoffice, testApplication } from './testing';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 3);

describe.each(DIALECTS)("the customer's page on %s", (dialect) => {
  let now = T0;
  let ho: Awaited<ReturnType<typeof startOtpHeadoffice>>;
  let desk: Awaited<ReturnType<typeof ho.enroll>>;

  beforeEach(async () => {
    now = T0;
    ho = await startOtpHeadoffice(dialect, { clock: () => now });
    desk = await ho.enroll('JKT01');
  });
  afterEach(() => ho.close());

  async function approved(phone1 = '0812-3456-7890') {
    const a = testApplication({ phone1 });
    await desk.push(approvedApplicationEvents(desk.chain, a));
    await ho.app.otpSender.kick();
    const sent = (await lastOtpSentTo(ho.ctx.db, phone1))!;
    return { ...a, code: sent.code, token: sent.token! };
  }
  const submit = (token: string, code: string, ip = '198.51.100.10') =>
    ho.app.inject({ method: 'POST', url: '/customer/api/otp', payload: { token, code }, remoteAddress: ip });
  const info = (token: string) => ho.app.inject({ method: 'GET', url: `/customer/api/info?p=${token}` });
  const csValidate = (id: string, code: string) =>
    ho.app.inject({ method: 'POST', url: '/otp/validate', headers: { authorization: desk.auth }, payload: { applicationId: id, code, username: 'siti' } });
  const confirmations = async () =>
    (await (await ho.enroll('JKT01')).pull()).events.filter((e) => e.type === 'otp.confirmed').map((e) => JSON.parse(e.payload));
  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

  it('serves the page with a strict CSP and no inline script, its script and style as files', async () => {
    const page = await ho.app.inject({ method: 'GET', url: '/customer?p=abc' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    const html = page.body;
    expect(html).toContain('lang="id"');
    expect(html).toContain('Kirim');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+=|style=/i);
    expect(html).toMatch(/<script[^>]*src="\/customer\/customer\.js"/);
    const script = await ho.app.inject({ method: 'GET', url: '/customer/customer.js' });
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.body).toContain('Persetujuan Anda telah tercatat');
    expect((await ho.app.inject({ method: 'GET', url: '/customer/customer.css' })).headers['content-type']).toContain('text/css');
  });

  it('shows the masked number and the name, and refuses an unknown or expired link', async () => {
    const a = await approved();
    expect((await info(a.token)).json()).toEqual({ maskedPhone: '+62 812-****-7890', customerName: 'Rina Kartika', status: 'waiting' });
    expect((await info('x'.repeat(43))).statusCode).toBe(404);
    now = T0 + LINK_TTL_MS;
    expect((await info(a.token)).json()).toEqual({ error: { code: 'unknown_application' } });
    expect((await submit(a.token, a.code)).statusCode).toBe(404);
  });

  it('records the consent; a second validation by the CS answers already confirmed and appends nothing', async () => {
    const a = await approved();
    expect((await submit(a.token, a.code)).json()).toEqual({ result: 'confirmed' });
    expect(await confirmations()).toEqual([{ applicationId: a.id, via: 'customer', by: null }]);
    expect((await csValidate(a.id, a.code)).json()).toEqual({ result: 'alreadyConfirmed' });
    expect((await submit(a.token, a.code)).json()).toEqual({ result: 'alreadyConfirmed' });
    expect((await info(a.token)).json().status).toBe('confirmed');
    expect(await confirmations()).toHaveLength(1);
  });

  it('answers already confirmed when the CS validated first', async () => {
    const a = await approved();
    expect((await csValidate(a.id, a.code)).json()).toEqual({ result: 'confirmed' });
    expect((await submit(a.token, a.code)).json()).toEqual({ result: 'alreadyConfirmed' });
    expect(await confirmations()).toEqual([{ applicationId: a.id, via: 'cs', by: 'siti' }]);
  });

  it('confirms once when the customer and the CS send the code at the same moment', async () => {
    const a = await approved();
    const [customer, cs] = await Promise.all([submit(a.token, a.code), csValidate(a.id, a.code)]);
    expect([customer.json().result, cs.json().result].sort()).toEqual(['alreadyConfirmed', 'confirmed']);
    expect(await confirmations()).toHaveLength(1);
  });

  it('answers expired after 5 minutes, and closed once the application was cancelled', async () => {
    const a = await approved();
    now = T0 + 5 * MIN + 1_000;
    expect((await submit(a.token, a.code)).json()).toEqual({ error: { code: 'expired' } });
    await desk.push([desk.chain.next('otp.cancelled', { id: a.id, reason: 'Nasabah membatalkan' })]);
    expect((await info(a.token)).json().status).toBe('closed');
    expect((await submit(a.token, a.code)).json()).toEqual({ error: { code: 'wrong_state' } });
  });

  it('brute force across the page and the CS desk: after 5 wrong codes the right one is refused too', async () => {
    const a = await approved();
    const tried = [];
    // An attacker with the link and a CS accomplice share the same five tries.
    for (let i = 0; i < 7; i++) {
      const guess = String(i).repeat(6) === a.code ? '999999' : String(i).repeat(6);
      const response = i % 2 === 0 ? await submit(a.token, guess) : await csValidate(a.id, guess);
      tried.push(response.json().error.code);
    }
    expect(tried).toEqual(['wrong_code', 'wrong_code', 'wrong_code', 'wrong_code', 'void', 'void', 'void']);
    expect((await submit(a.token, a.code)).json()).toEqual({ error: { code: 'void' } });
    expect((await csValidate(a.id, a.code)).json()).toEqual({ error: { code: 'void' } });
    expect(await confirmations()).toEqual([]);
  });

  it('limits tries per IP (unknown links included) and per phone number, with the time to wait', async () => {
    for (let i = 0; i < CUSTOMER_TRIES; i++) expect((await submit('y'.repeat(43), '123456', '203.0.113.7')).statusCode).toBe(404);
    const limited = await submit('y'.repeat(43), '123456', '203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'rate_limited', retryAfterMs: 10 * MIN } });
    expect(limited.headers['retry-after']).toBe('600');

    // Per phone: tries from many addresses against one application.
    const a = await approved('0813-1111-2222');
    for (let i = 0; i < CUSTOMER_TRIES; i++) expect((await submit(a.token, wrongFor(a.code), `192.0.2.${i + 1}`)).statusCode).toBe(422);
    expect((await submit(a.token, a.code, '192.0.2.200')).json().error.code).toBe('rate_limited');

    now = T0 + 10 * MIN;
    expect((await submit('y'.repeat(43), '123456', '203.0.113.7')).statusCode).toBe(404);
  });
});
