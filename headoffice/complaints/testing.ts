import { randomUUID } from 'node:crypto';
import type { EventPayload } from '../../shared/events/index';
import { ADMIN_TOKEN, eventChain, type startTestHeadoffice } from '../testing';

// Helpers for head-office tests of the complaints desk: a desk of a branch that pushes complaint
// events chained as a desk chains them, pulls what head office sends, and calls the admin API.

export type TestHeadoffice = Awaited<ReturnType<typeof startTestHeadoffice>>;

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

export async function complaintDesk(ho: TestHeadoffice, branch: string, username = 'siti') {
  const desk = await ho.enroll(branch);
  const chain = eventChain(desk.deviceId, username);
  const push = async (events: unknown[]) =>
    (await ho.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: desk.auth }, payload: { epoch: desk.epoch, events } })).json() as {
      results: { status: string; reason?: string; detail?: string }[];
    };
  const pull = async (cursor = 0) =>
    (await ho.app.inject({ method: 'POST', url: '/sync/pull', headers: { authorization: desk.auth }, payload: { epoch: desk.epoch, cursor } })).json() as {
      events: { type: string; payload: string; username: string | null }[];
    };
  return { ...desk, chain, push, pull };
}

export function loggedComplaint(overrides: Partial<EventPayload<'complaint.logged'>> = {}): EventPayload<'complaint.logged'> {
  return {
    id: randomUUID(),
    category: 'pencairan-pinjaman',
    channel: 'hotline',
    customer: { name: 'Budi Santoso', phone: '+6281234567890', nik: '3171012345678901' },
    verifiedBy: 'nik',
    description: 'Dana pinjaman belum masuk ke rekening',
    facts: { disbursementStartedAt: Date.UTC(2026, 10, 20, 0) },
    ...overrides,
  };
}
