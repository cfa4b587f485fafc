import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvedApplicationEvents, lastOtpSentTo, startOtpHeadoffice, testApplication } from '../otp/testing';
import { ADMIN_TOKEN } from '../testing';

describe('the messages page for head office IT', () => {
  let ho: Awaited<ReturnType<typeof startOtpHeadoffice>>;
  beforeEach(async () => {
    ho = await startOtpHeadoffice('sqlite');
  });
  afterEach(() => ho.close());

  it('lists what the development recorder sent, code and link, to the admin only', async () => {
    const desk = await ho.enroll('JKT01');
    const a = testApplication();
    await desk.push(approvedApplicationEvents(desk.chain, a));
    await ho.app.otpSender.kick();
    const sent = (await lastOtpSentTo(ho.ctx.db, a.phone1))!;

    expect((await ho.app.inject({ method: 'GET', url: '/admin/api/messages' })).statusCode).toBe(401);
    const list = await ho.app.inject({ method: 'GET', url: '/admin/api/messages', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const messages = list.json().messages as { to: string; kind: string; body: string; status: string; channel: string }[];
    expect(messages.map((m) => [m.kind, m.to, m.channel, m.status])).toEqual([
      ['otp-code', '+6281234567890', 'dev', 'sent'],
      ['otp-link', '+6281234567890', 'dev', 'sent'],
    ]);
    expect(messages[0]!.body).toBe(sent.code);
    expect(messages[1]!.body).toContain(sent.link);

    const page = await ho.app.inject({ method: 'GET', url: '/admin/messages' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect((await ho.app.inject({ method: 'GET', url: '/admin/messages.js' })).headers['content-type']).toContain('javascript');
    // The admin page itself still answers, next to it.
    expect((await ho.app.inject({ method: 'GET', url: '/admin/admin.js' })).statusCode).toBe(200);
  });
});
