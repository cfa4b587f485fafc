import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHeadoffice } from '../../headoffice/app';
import { createEnrollCode } from '../../headoffice/devices/devices';
import { approvedApplicationEvents, lastOtpSentTo, testApplication } from '../../headoffice/otp/testing';
import { ADMIN_TOKEN, databaseFor, eventChain } from '../../headoffice/testing';

// OTP consent end to end over real HTTP on loopback: a desk (its enrolled device, making events
// as its journal does) pushes an application up to the Kacab's approval; head office sends the
// code and the link (development recorder, default settings: the link names the address head
// office listens on); the customer opens the link and types the code; the desk pulls the news.

let ho: Awaited<ReturnType<typeof buildHeadoffice>>;
let url: string;
let drop: () => Promise<void>;
let now = Date.now();

beforeEach(async () => {
  const database = await databaseFor('sqlite');
  drop = database.drop;
  now = Date.now();
  ho = await buildHeadoffice({ databaseUrl: database.url, clock: () => now, adminToken: ADMIN_TOKEN, otp: { env: {} } });
  url = await ho.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await ho.app.close();
  await drop();
});

async function enrollDesk(branch = 'JKT01') {
  const deviceId = randomUUID();
  const code = await createEnrollCode(ho.ctx.db, branch, Date.now());
  const enrolled = (await (await post('/sync/enroll', { code, deviceId, branchCode: null })).json()) as { deviceSecret: string; epoch: string };
  const auth = `Bearer ${deviceId}.${enrolled.deviceSecret}`;
  return { auth, epoch: enrolled.epoch, chain: eventChain(deviceId, 'hendra') };
}

function post(path: string, body: unknown, authorization?: string) {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
}

interface Pulled {
  events: { type: string; payload: string }[];
  nextCursor: number;
}
const json = async <T = Record<string, unknown>>(response: Response | Promise<Response>) => (await (await response).json()) as T;

async function waitFor<T>(probe: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = await probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out');
}

describe('OTP consent between a desk, head office and the customer, over HTTP', () => {
  it('approval sends the code, the customer confirms on the page, the desk learns both, the CS sees it confirmed', async () => {
    const desk = await enrollDesk();
    const a = testApplication({ phone1: '+62 812-3456-7890' });
    const pushed = await json<{ results: { status: string }[] }>(post('/sync/push', { epoch: desk.epoch, events: approvedApplicationEvents(desk.chain, a, now) }, desk.auth));
    expect(pushed.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);

    // Sent by the loop the push kicked, not by the test.
    const sent = await waitFor(() => lastOtpSentTo(ho.ctx.db, '0812 3456 7890'));
    expect(sent.link).toBe(`${url}/customer?p=${sent.token}`);

    const page = await fetch(sent.link!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const info = await (await fetch(`${url}/customer/api/info?p=${sent.token}`)).json();
    expect(info).toEqual({ maskedPhone: '+62 812-****-7890', customerName: 'Rina Kartika', status: 'waiting' });
    const wrong = await post('/customer/api/otp', { token: sent.token, code: sent.code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toEqual({ error: { code: 'wrong_code', remaining: 4 } });
    expect(await (await post('/customer/api/otp', { token: sent.token, code: sent.code })).json()).toEqual({ result: 'confirmed' });

    // Another desk of the branch pulls what head office decided.
    const other = await enrollDesk();
    const pulled = await json<Pulled>(post('/sync/pull', { epoch: other.epoch, cursor: 0 }, other.auth));
    const otp = pulled.events.filter((e) => e.type.startsWith('otp.')).map((e) => [e.type, JSON.parse(e.payload)] as const);
    expect(otp.map(([type]) => type)).toEqual([
      'otp.applicationCreated',
      'otp.applicationSubmitted',
      'otp.approved',
      'otp.approved',
      'otp.sent',
      'otp.confirmed',
    ]);
    expect(otp[4]![1]).toMatchObject({ applicationId: a.id, sendNumber: 1, delivery: 'sent' });
    expect(otp[5]![1]).toEqual({ applicationId: a.id, via: 'customer', by: null });

    // The customer also sent the code to the CS: harmless.
    const cs = await post('/otp/validate', { applicationId: a.id, code: sent.code, username: 'siti' }, other.auth);
    expect(await cs.json()).toEqual({ result: 'alreadyConfirmed' });
    const after = await json<Pulled>(post('/sync/pull', { epoch: other.epoch, cursor: pulled.nextCursor }, other.auth));
    expect(after.events).toEqual([]);
  });

  it('a resend from the desk answers when it was sent, and refuses the next one within 5 minutes', async () => {
    const desk = await enrollDesk();
    const a = testApplication();
    await post('/sync/push', { epoch: desk.epoch, events: approvedApplicationEvents(desk.chain, a, now) }, desk.auth);
    const first = await waitFor(() => lastOtpSentTo(ho.ctx.db, a.phone1));

    now += 5 * 60_000;
    const resent = await post('/otp/resend', { applicationId: a.id, username: 'andi' }, desk.auth);
    expect(resent.status).toBe(200);
    expect(await resent.json()).toEqual({ sentAt: now, sendsToday: 2 });
    const second = (await lastOtpSentTo(ho.ctx.db, a.phone1))!;
    expect(second.recordedAt).toBe(first.recordedAt + 5 * 60_000);
    expect(second.token).not.toBe(first.token);

    const again = await post('/otp/resend', { applicationId: a.id, username: 'andi' }, desk.auth);
    expect(again.status).toBe(409);
    expect((await json<{ error: { code: string } }>(again)).error.code).toBe('too_soon');
  });
});
