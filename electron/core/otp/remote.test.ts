import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveEnrollment } from '../sync/state';
import { rejection } from '../testing';
import { waitParts } from './remote';
import { startOtpDesk, type OtpDesk } from './testing';

// otp.resend and otp.validate against a tiny fake head office on loopback that answers the
// shapes of shared/otp/protocol.ts (the real routes live in headoffice/otp).

interface Seen {
  path: string;
  authorization: string | undefined;
  body: unknown;
}
type Answer = { status: number; json: unknown };

let server: Server;
let url: string;
const seen: Seen[] = [];
let answer: (path: string, body: unknown) => Answer;

const DEFAULT_ANSWER = (path: string): Answer => {
  if (path === '/otp/resend') return { status: 200, json: { sentAt: Date.UTC(2026, 10, 21, 3, 5), sendsToday: 2 } };
  if (path === '/otp/validate') return { status: 200, json: { result: 'confirmed' } };
  // Sync rounds the OTP calls start are not this file's subject.
  return { status: 503, json: { error: { code: 'maintenance' } } };
};

async function listen(s: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  const address = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return address;
}

let t: OtpDesk;
let deviceSecret: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body: unknown = JSON.parse(text || 'null');
      seen.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
      const { status, json } = answer(request.url ?? '', body);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  url = await listen(server);
  t = await startOtpDesk();
  deviceSecret = 'rahasia-perangkat-0123456789';
  saveEnrollment(t.core.db, { headofficeUrl: url, deviceSecret, branchCode: 'JKT01', epoch: 'epoch-1', at: 0 });
});
afterAll(async () => {
  await t.core.sync.idle();
  await t.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  await t.core.sync.idle();
  seen.length = 0;
  answer = DEFAULT_ANSWER;
});

const otpCalls = () => seen.filter((s) => s.path.startsWith('/otp/'));
const journalCount = () => (t.core.db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
/** Head office refuses the OTP call; its sync routes answer as usual. */
const refuse = (status: number, error: Record<string, unknown>) => (path: string) =>
  path.startsWith('/otp/') ? { status, json: { error } } : DEFAULT_ANSWER(path);

describe('otp.resend (Kirim Ulang OTP)', () => {
  it('asks head office as this device for the AO, writes nothing, and starts a sync round', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    const journal = journalCount();
    expect(await t.call('otp.resend', { id }, t.token.ani)).toEqual({ sentAt: Date.UTC(2026, 10, 21, 3, 5), sendsToday: 2 });
    expect(otpCalls()).toEqual([{ path: '/otp/resend', authorization: `Bearer ${t.core.deviceId}.${deviceSecret}`, body: { applicationId: id, username: 'ani' } }]);
    expect(journalCount()).toBe(journal);
    await t.core.sync.idle();
    expect(seen.map((s) => s.path)).toContain('/sync/push');
  });

  it.each<[string, Record<string, unknown>, number, { code: string; key: string; params?: object; fields?: object[] }]>([
    ['too_soon', { waitMs: 241_000 }, 409, { code: 'conflict', key: 'otp.errors.tooSoon', params: { minutes: 4, seconds: 1 } }],
    ['too_soon', { waitMs: 41_200 }, 409, { code: 'conflict', key: 'otp.errors.tooSoonSeconds', params: { minutes: 0, seconds: 42 } }],
    ['daily_cap', {}, 409, { code: 'conflict', key: 'otp.errors.dailyCap', params: { max: 5 } }],
    ['wrong_state', {}, 409, { code: 'conflict', key: 'otp.errors.wrongState', params: { status: 'Waiting Confirmation' } }],
    ['wrong_state', { status: 'In Progress' }, 409, { code: 'conflict', key: 'otp.errors.wrongState', params: { status: 'In Progress' } }],
    ['unknown_application', {}, 404, { code: 'conflict', key: 'otp.errors.notAtHeadoffice' }],
    ['rate_limited', { retryAfterMs: 1_500 }, 429, { code: 'conflict', key: 'otp.errors.rateLimited', params: { seconds: 2 } }],
    ['device_revoked', {}, 401, { code: 'conflict', key: 'sync.halted.revoked' }],
    ['unauthorized', {}, 401, { code: 'unavailable', key: 'sync.error.refused', params: { code: 'unauthorized' } }],
  ])('maps head office’s %s %o to the contract’s error', async (code, extra, status, expected) => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    answer = refuse(status, { code, ...extra });
    const error = await rejection(t.call('otp.resend', { id }, t.token.ani));
    expect(error.toBody()).toEqual(expected);
  });

  it.each(['Draft', 'Waiting Kasie', 'Waiting Kacab', 'Rejected', 'Cancelled'] as const)(
    'refuses a %s application without asking head office',
    async (status) => {
      const { id } = await t.applicationAt(status);
      const error = await rejection(t.call('otp.resend', { id }, t.token.ani));
      expect(error.toBody()).toEqual({ code: 'conflict', key: 'otp.errors.wrongState', params: { status } });
      expect(otpCalls()).toEqual([]);
    },
  );

  it('is for the AO only', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    for (const who of ['citra', 'kiki', 'kamal'] as const) {
      expect((await rejection(t.call('otp.resend', { id }, t.token[who]))).code).toBe('forbidden');
    }
    expect(otpCalls()).toEqual([]);
  });
});

describe('otp.validate (Validasi by Customer Service)', () => {
  it.each(['confirmed', 'alreadyConfirmed'] as const)('passes on head office’s %s, writing nothing', async (result) => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    answer = (path) => (path === '/otp/validate' ? { status: 200, json: { result } } : DEFAULT_ANSWER(path));
    const journal = journalCount();
    expect(await t.call('otp.validate', { id, code: ' 123456 ' }, t.token.citra)).toEqual({ result });
    expect(otpCalls()).toEqual([
      { path: '/otp/validate', authorization: `Bearer ${t.core.deviceId}.${deviceSecret}`, body: { applicationId: id, code: '123456', username: 'citra' } },
    ]);
    expect(journalCount()).toBe(journal);
    await t.core.sync.idle();
    expect(seen.map((s) => s.path)).toContain('/sync/push');
  });

  it.each<[string, Record<string, unknown>, { code: string; key: string; params?: object; fields?: object[] }]>([
    ['wrong_code', { remaining: 3 }, { code: 'bad_input', key: 'errors.badInput', fields: [{ path: 'code', key: 'otp.errors.wrongCode', params: { remaining: 3 } }] }],
    ['expired', {}, { code: 'bad_input', key: 'errors.badInput', fields: [{ path: 'code', key: 'otp.errors.expired' }] }],
    ['void', {}, { code: 'bad_input', key: 'errors.badInput', fields: [{ path: 'code', key: 'otp.errors.void' }] }],
    ['wrong_state', {}, { code: 'conflict', key: 'otp.errors.wrongState', params: { status: 'Waiting Confirmation' } }],
    ['unknown_application', {}, { code: 'conflict', key: 'otp.errors.notAtHeadoffice' }],
    ['rate_limited', { retryAfterMs: 30_000 }, { code: 'conflict', key: 'otp.errors.rateLimited', params: { seconds: 30 } }],
  ])('maps head office’s %s %o to the contract’s error', async (code, extra, expected) => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    answer = refuse(code === 'rate_limited' ? 429 : 422, { code, ...extra });
    const error = await rejection(t.call('otp.validate', { id, code: '654321' }, t.token.citra));
    expect(error.toBody()).toEqual(expected);
  });

  it('refuses a code that is not six digits before anything is asked', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    const error = await rejection(t.call('otp.validate', { id, code: '12345' }, t.token.citra));
    expect(error.fields).toEqual([{ path: 'code', key: 'validation.otpCode' }]);
    expect(otpCalls()).toEqual([]);
  });

  it.each(['Draft', 'Waiting Kacab', 'Cancelled'] as const)('refuses a %s application without asking head office', async (status) => {
    const { id } = await t.applicationAt(status);
    const error = await rejection(t.call('otp.validate', { id, code: '123456' }, t.token.citra));
    expect(error.toBody()).toEqual({ code: 'conflict', key: 'otp.errors.wrongState', params: { status } });
    expect(otpCalls()).toEqual([]);
  });

  it('is for Customer Service only', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    for (const who of ['ani', 'kiki', 'kamal'] as const) {
      expect((await rejection(t.call('otp.validate', { id, code: '123456' }, t.token[who]))).code).toBe('forbidden');
    }
  });
});

describe('without head office', () => {
  it('says plainly that head office is needed when it cannot be reached', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    t.core.db.prepare(`UPDATE sync_state SET headoffice_url = ?`).run(await closedPortUrl());
    try {
      for (const call of [t.call('otp.resend', { id }, t.token.ani), t.call('otp.validate', { id, code: '123456' }, t.token.citra)]) {
        expect((await rejection(call)).toBody()).toEqual({ code: 'unavailable', key: 'otp.errors.offline' });
      }
      expect((await t.call('otp.get', { id }, t.token.ani)).status).toBe('Waiting Confirmation');
    } finally {
      await t.core.sync.idle();
      t.core.db.prepare(`UPDATE sync_state SET headoffice_url = ?`).run(url);
    }
  });

  it('says the desk is not enrolled yet', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    t.core.db.prepare(`DELETE FROM sync_state`).run();
    try {
      expect((await rejection(t.call('otp.resend', { id }, t.token.ani))).toBody()).toEqual({ code: 'conflict', key: 'sync.notEnrolled' });
      expect((await rejection(t.call('otp.validate', { id, code: '123456' }, t.token.citra))).toBody()).toEqual({ code: 'conflict', key: 'sync.notEnrolled' });
      expect(otpCalls()).toEqual([]);
    } finally {
      saveEnrollment(t.core.db, { headofficeUrl: url, deviceSecret, branchCode: 'JKT01', epoch: 'epoch-1', at: 0 });
    }
  });

  it('treats an answer that is not the protocol’s as a refusal, not a success', async () => {
    const { id } = await t.applicationAt('Waiting Confirmation');
    answer = (path) => (path.startsWith('/otp/') ? { status: 200, json: { ok: true } } : DEFAULT_ANSWER(path));
    expect((await rejection(t.call('otp.resend', { id }, t.token.ani))).toBody()).toEqual({
      code: 'unavailable',
      key: 'sync.error.refused',
      params: { code: 'bad_response' },
    });
  });
});

describe('waitParts', () => {
  it.each([
    [300_000, { minutes: 5, seconds: 0 }],
    [241_000, { minutes: 4, seconds: 1 }],
    [59_001, { minutes: 1, seconds: 0 }],
    [1, { minutes: 0, seconds: 1 }],
    [0, { minutes: 0, seconds: 1 }],
  ])('%i ms is %o', (ms, parts) => {
    expect(waitParts(ms)).toEqual(parts);
  });
});
