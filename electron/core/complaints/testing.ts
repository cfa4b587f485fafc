import type { MethodInput } from '../../../shared/api/index';
import type { Role } from '../../../shared/domain/roles';
import { ADMIN, startTestCore, type TestCore } from '../testing';

// Helpers for tests of the complaints desk: a branch with a person per role, and valid inputs.

export const STAFF = {
  citra: ['cs'],
  maya: ['cs-manager'],
  kiki: ['kasie'],
  kamal: ['kacab'],
  tono: ['teller'],
  ani: ['ao'],
  bona: ['back-office'],
} as const satisfies Record<string, readonly Role[]>;
export type StaffName = keyof typeof STAFF;

export interface ComplaintDesk extends TestCore {
  token: Record<StaffName, string>;
  userId: Record<StaffName, string>;
  /** Moves the clock to `instant` and logs everyone in again (the idle lock would have closed their sessions). */
  travel(instant: number): Promise<void>;
}

export const HOUR = 3_600_000;

/** A disbursement complaint verified by NIK, its disbursement started an hour before `now`. */
export function disbursementComplaint(now: number): MethodInput<'complaints.create'> {
  return {
    customer: { name: 'Budi Santoso', phone: '0812-3456-7890', nik: '3201 0112 0590 0001' },
    verifiedBy: 'nik',
    category: 'pencairan-pinjaman',
    channel: 'hotline',
    description: 'Pencairan pinjaman belum masuk ke rekening',
    facts: { disbursementStartedAt: now - HOUR },
  };
}

export async function startComplaintDesk(options: { dataDir?: string } = {}): Promise<ComplaintDesk> {
  const t = await startTestCore(options);
  const admin = await t.login(ADMIN.username, ADMIN.password);
  const token = {} as Record<StaffName, string>;
  const userId = {} as Record<StaffName, string>;
  for (const [username, roles] of Object.entries(STAFF) as [StaffName, readonly Role[]][]) {
    const password = `${username}-sandi-123`;
    const displayName = username[0]!.toUpperCase() + username.slice(1);
    const user = await t.call('users.create', { username, displayName, roles: [...roles], password }, admin);
    userId[username] = user.id;
    token[username] = await t.login(username, password);
  }
  async function travel(instant: number) {
    t.clock.now = instant;
    for (const name of Object.keys(STAFF) as StaffName[]) token[name] = await t.login(name, `${name}-sandi-123`);
  }
  return { ...t, token, userId, travel };
}
