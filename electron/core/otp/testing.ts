import type { MethodInput } from '../../../shared/api/index';
import type { Role } from '../../../shared/domain/roles';
import type { ApplicationStatus, ApplicationView } from '../../../shared/otp/model';
import { ADMIN, startTestCore, type TestCore } from '../testing';

// Helpers for tests of the OTP desk: a branch with a person per role, and applications brought
// to any status the desk itself can reach.

export const STAFF = {
  ani: ['ao'],
  citra: ['cs'],
  kiki: ['kasie'],
  kamal: ['kacab'],
  /** Holds both approval roles: four eyes must still hold. */
  dewi: ['kasie', 'kacab'],
  /** An AO who is also Kasie: may not approve what she made. */
  eko: ['ao', 'kasie'],
} as const satisfies Record<string, readonly Role[]>;
export type StaffName = keyof typeof STAFF;

export interface OtpDesk extends TestCore {
  token: Record<StaffName, string>;
  userId: Record<StaffName, string>;
  /** Makes an application (by Ani unless told) and brings it to `status`. */
  applicationAt(status: Exclude<ApplicationStatus, 'In Progress'>, overrides?: Partial<MethodInput<'otp.create'>>, maker?: StaffName): Promise<ApplicationView>;
}

export const VALID_APPLICATION = {
  customerName: 'Budi Santoso',
  nik: '3201 0112 0590 0001',
  phone1: '0812-3456-7890',
  address: 'Jl. Jend. Sudirman No. 1, Jakarta',
  product: 'tabungan',
} as const satisfies MethodInput<'otp.create'>;

export async function startOtpDesk(options: { dataDir?: string } = {}): Promise<OtpDesk> {
  const t = await startTestCore(options);
  const admin = await t.login(ADMIN.username, ADMIN.password);
  const token = {} as Record<StaffName, string>;
  const userId = {} as Record<StaffName, string>;
  for (const [username, roles] of Object.entries(STAFF) as [StaffName, readonly Role[]][]) {
    const password = `${username}-sandi-123`;
    const user = await t.call('users.create', { username, displayName: username, roles: [...roles], password }, admin);
    userId[username] = user.id;
    token[username] = await t.login(username, password);
  }

  async function applicationAt(status: Exclude<ApplicationStatus, 'In Progress'>, overrides: Partial<MethodInput<'otp.create'>> = {}, maker: StaffName = 'ani') {
    const input = { ...VALID_APPLICATION, ...overrides, submit: status !== 'Draft' && status !== 'Cancelled' };
    let application = await t.call('otp.create', input, token[maker]);
    const { id } = application;
    if (status === 'Cancelled') return t.call('otp.cancel', { id, reason: 'Nasabah membatalkan' }, token.ani);
    if (status === 'Rejected') return t.call('otp.reject', { id, reason: 'Dokumen kurang' }, token.kiki);
    if (status === 'Waiting Kacab' || status === 'Waiting Confirmation') application = await t.call('otp.approve', { id }, token.kiki);
    if (status === 'Waiting Confirmation') application = await t.call('otp.approve', { id }, token.kamal);
    return application;
  }

  return { ...t, token, userId, applicationAt };
}
