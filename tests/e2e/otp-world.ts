import { expect, request, type APIRequestContext } from '@playwright/test';
import { ADMIN } from './fixtures';
import { HO_ADMIN_TOKEN, type SyncWorld } from './sync-world';

// The OTP tests' world: the sync tests' head office and first desk (real `serambi` processes),
// with the desk enrolled and the branch's OTP staff made through the desk's own API, as an admin
// would in Pengguna. Head office records every WhatsApp message it "sends" (the development
// provider), and the tests read the codes and links from its admin API, as its IT would.

export interface Person {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

export const AO: Person = { username: 'andi', displayName: 'Andi Wijaya', password: 'andi-ao-2026', roles: ['ao'] };
export const CS: Person = { username: 'siti', displayName: 'Siti Rahmawati', password: 'siti-cs-2026', roles: ['cs'] };
export const KASIE: Person = { username: 'budi', displayName: 'Budi Santoso', password: 'budi-kasie-2026', roles: ['kasie'] };
export const KACAB: Person = { username: 'rudi', displayName: 'Rudi Hartono', password: 'rudi-kacab-2026', roles: ['kacab'] };
/** A CS who is also the section head: may make applications and approve others', never her own. */
export const SARI: Person = { username: 'sari', displayName: 'Sari Dewi', password: 'sari-kasie-2026', roles: ['cs', 'kasie'] };

export interface RecordedMessage {
  to: string;
  kind: 'otp-code' | 'otp-link';
  body: string | null;
  applicationId: string | null;
  sendNumber: number | null;
  createdAt: number;
}

/** A desk API session of one person (serve mode's `/api/<method>`, its cookie kept by the context). */
export class DeskApi {
  private constructor(private readonly context: APIRequestContext) {}

  static async login(baseURL: string, person: { username: string; password: string }): Promise<DeskApi> {
    const api = new DeskApi(await request.newContext({ baseURL }));
    await api.call('auth.login', { username: person.username, password: person.password });
    return api;
  }

  async call<T = Record<string, unknown>>(method: string, input: unknown): Promise<T> {
    const response = await this.context.post(`/api/${method}`, { data: input });
    const body = (await response.json()) as { ok: boolean; result?: T; error?: unknown };
    if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
    return body.result as T;
  }

  dispose(): Promise<void> {
    return this.context.dispose();
  }
}

/** Enrolls the first desk with head office (through the line) and makes the OTP staff. */
export async function prepareOtpBranch(world: SyncWorld): Promise<void> {
  const admin = await DeskApi.login(world.deskA.url, ADMIN);
  try {
    await admin.call('sync.enroll', { headofficeUrl: world.line.url, code: await world.enrollCode() });
    for (const person of [AO, CS, KASIE, KACAB, SARI]) {
      await admin.call('users.create', { username: person.username, displayName: person.displayName, roles: person.roles, password: person.password });
    }
    await admin.call('sync.now', {});
  } finally {
    await admin.dispose();
  }
}

/** What head office's development provider recorded, newest first. */
export async function recordedMessages(world: SyncWorld): Promise<RecordedMessage[]> {
  const response = await fetch(`${world.headoffice.url}/admin/api/messages`, { headers: { authorization: `Bearer ${HO_ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: RecordedMessage[] }).messages;
}

export interface SentOtp {
  code: string;
  link: string;
  sendNumber: number;
}

/** The newest code and customer link head office sent to a number (E.164), once both are recorded. */
export async function lastOtpTo(world: SyncWorld, e164: string, sendNumber = 1): Promise<SentOtp> {
  let sent: SentOtp | null = null;
  await expect
    .poll(
      async () => {
        const mine = (await recordedMessages(world)).filter((m) => m.to === e164 && m.sendNumber === sendNumber);
        const code = mine.find((m) => m.kind === 'otp-code')?.body ?? null;
        const link = /https?:\/\/\S+/.exec(mine.find((m) => m.kind === 'otp-link')?.body ?? '')?.[0] ?? null;
        sent = code && link ? { code, link, sendNumber } : null;
        return sent !== null;
      },
      { timeout: 20_000, message: `head office sent code ${sendNumber} to ${e164}` },
    )
    .toBe(true);
  return sent!;
}

export interface NewApplication {
  customerName: string;
  nik: string;
  phone1: string;
  address: string;
}

/**
 * An application taken through its two approvals by the API (the screens for that are tested on
 * their own), then synced until the desk knows head office sent its code.
 */
export async function approvedApplication(world: SyncWorld, application: NewApplication, e164: string): Promise<{ id: string } & SentOtp> {
  const people = await Promise.all([AO, KASIE, KACAB].map((person) => DeskApi.login(world.deskA.url, person)));
  const [ao, kasie, kacab] = people as [DeskApi, DeskApi, DeskApi];
  try {
    const { id } = await ao.call<{ id: string }>('otp.create', { ...application, product: 'tabungan', submit: true });
    await kasie.call('otp.approve', { id });
    await kacab.call('otp.approve', { id });
    await kacab.call('sync.now', {});
    const sent = await lastOtpTo(world, e164);
    await expect.poll(async () => (await kacab.call<{ pulled: number }>('sync.now', {}), (await kacab.call<{ sendCount: number }>('otp.get', { id })).sendCount)).toBe(1);
    return { id, ...sent };
  } finally {
    await Promise.all(people.map((api) => api.dispose()));
  }
}
