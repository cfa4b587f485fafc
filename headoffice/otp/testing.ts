import { randomUUID } from 'node:crypto';
import { normalizePhone } from '../../shared/domain/phone';
import { buildHeadoffice } from '../app';
import type { HoDatabase } from '../db/database';
import { createEnrollCode } from '../devices/devices';
import { ADMIN_TOKEN, databaseFor, eventChain } from '../testing';
import type { OtpOptions } from './capability';

// Helpers for tests (and demos) of OTP consent. They read the development recorder, which keeps
// what it "sent", code included: only ever in tests and demos, where no real provider is set.

export interface SentOtp {
  code: string;
  /** The customer-page link of the same send, and its token. */
  link: string | null;
  token: string | null;
  recordedAt: number;
}

/** The last code the development recorder sent to a number (typed in any common form), or null. */
export async function lastOtpSentTo(db: HoDatabase, phone: string): Promise<SentOtp | null> {
  const normalized = normalizePhone(phone);
  const to = normalized.ok ? normalized.e164 : phone;
  const [code] = await db.read<{ seq: unknown; body: string; recorded_at: unknown }>(
    `SELECT seq, body, recorded_at FROM ho_dev_messages WHERE recipient = ? AND kind = 'otp-code' ORDER BY seq DESC LIMIT 1`,
    [to],
  );
  if (!code) return null;
  const [text] = await db.read<{ body: string }>(
    `SELECT body FROM ho_dev_messages WHERE recipient = ? AND kind = 'text' AND seq > ? ORDER BY seq LIMIT 1`,
    [to, code.seq],
  );
  const link = text ? (/https?:\/\/\S+/.exec(text.body)?.[0] ?? null) : null;
  return { code: code.body, link, token: link ? new URL(link).searchParams.get('p') : null, recordedAt: Number(code.recorded_at) };
}

/** A head office for OTP tests: no SERAMBI_* from the environment, no poll timer (tests kick). */
export async function startOtpHeadoffice(dialect: string, options: { clock?: () => number; otp?: OtpOptions } = {}) {
  const clock = options.clock ?? Date.now;
  const database = await databaseFor(dialect);
  const { app, ctx } = await buildHeadoffice({
    databaseUrl: database.url,
    clock,
    adminToken: ADMIN_TOKEN,
    passwordCost: 10,
    otp: { env: {}, pollMs: 0, publicUrl: 'https://eaccount.example.co.id', ...options.otp },
  });
  return {
    app,
    ctx,
    async enroll(branch = 'JKT01') {
      const deviceId = randomUUID();
      const code = await createEnrollCode(ctx.db, branch, clock());
      const response = await app.inject({ method: 'POST', url: '/sync/enroll', payload: { code, deviceId, branchCode: null } });
      const body = response.json() as { deviceSecret: string; epoch: string };
      const chain = eventChain(deviceId, 'andi');
      const push = (events: unknown[]) =>
        app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${deviceId}.${body.deviceSecret}` }, payload: { epoch: body.epoch, events } });
      const pull = async (cursor = 0) =>
        (
          await app.inject({ method: 'POST', url: '/sync/pull', headers: { authorization: `Bearer ${deviceId}.${body.deviceSecret}` }, payload: { epoch: body.epoch, cursor } })
        ).json() as { events: { type: string; payload: string; username: string | null }[]; nextCursor: number };
      return { deviceId, auth: `Bearer ${deviceId}.${body.deviceSecret}`, epoch: body.epoch, chain, push, pull };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface TestApplication {
  id: string;
  customerName: string;
  phone1: string;
}

export const testApplication = (overrides: Partial<TestApplication> = {}): TestApplication => ({
  id: randomUUID(),
  customerName: 'Rina Kartika',
  phone1: '0812-3456-7890',
  ...overrides,
});

/**
 * The desk's events for an application up to the Kacab's approval, hashed as a desk chains them
 * (the last one is what makes head office send the first code).
 */
export function approvedApplicationEvents(chain: ReturnType<typeof eventChain>, a: TestApplication, at?: number) {
  const created = { ...a, nik: '3171012345678901', phone2: null, email: null, address: 'Jl. Sudirman No. 1, Jakarta', product: 'tabungan' };
  return [
    chain.next('otp.applicationCreated', created, at),
    chain.next('otp.applicationSubmitted', { id: a.id }, at),
    chain.next('otp.approved', { id: a.id, level: 'kasie' }, at),
    chain.next('otp.approved', { id: a.id, level: 'kacab' }, at),
  ];
}
