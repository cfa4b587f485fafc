import type { Role } from '../../shared/domain/roles';
import { between, pick, streamFor } from './prng';

// A desk's seeded workload: the same seed gives the same steps, so a desk killed halfway resumes
// at the step its ledger says comes next. Every step is one real method that records exactly one
// event of a STEP_TYPES type, and a desk only ever changes users it created itself: each user's
// events then come from one device in that device's order, and every desk's projection must end
// the same whatever order the three devices' events interleave in.

export const BRANCH = { code: 'JKT01', name: 'Cabang Jakarta Sudirman', timeZone: 'WIB' as const };
export const ADMIN = { username: 'admin', password: 'rahasia-admin-1', displayName: 'Admin Cabang' };

/** The event types the workload's steps record, one per step. */
export const STEP_TYPES = ['user.created', 'user.updated', 'user.localeSet', 'user.disabledSet'] as const;

export type Step =
  | { kind: 'create'; username: string; displayName: string; roles: Role[]; password: string }
  | { kind: 'rename'; username: string; displayName: string }
  | { kind: 'roles'; username: string; roles: Role[] }
  | { kind: 'locale'; username: string; locale: 'id' | 'en' }
  | { kind: 'disable'; username: string; disabled: boolean };

const WORK_ROLES: readonly Role[] = ['cs', 'teller', 'ao', 'kasie', 'kacab', 'cs-manager', 'back-office'];
const STAFF = 5;
const SPARE = 3;

export const staffName = (desk: number, i: number) => `d${desk + 1}.staf${i}`;
export const spareName = (desk: number, i: number) => `d${desk + 1}.cad${i}`;
export const passwordOf = (username: string) => `sandi-${username}`;

/** The steps of desk `desk` (0-based): its users first, then `steps` changes in all. */
export function planFor(seed: number, desk: number, steps: number): Step[] {
  const random = streamFor(seed, `plan:${desk}`);
  const staff = Array.from({ length: STAFF }, (_, i) => staffName(desk, i));
  const spare = Array.from({ length: SPARE }, (_, i) => spareName(desk, i));
  const someRoles = (): Role[] => [...new Set(Array.from({ length: between(random, 1, 3) }, () => pick(random, WORK_ROLES)))];
  const plan: Step[] = [...staff, ...spare].map((username) => ({
    kind: 'create',
    username,
    displayName: `Pegawai ${username}`,
    roles: someRoles(),
    password: passwordOf(username),
  }));
  for (let n = plan.length; n < steps; n++) {
    const roll = random();
    const anyone = pick(random, [...staff, ...spare]);
    if (roll < 0.55) plan.push({ kind: 'rename', username: anyone, displayName: `Pegawai ${anyone} #${n}` });
    else if (roll < 0.7) plan.push({ kind: 'roles', username: anyone, roles: someRoles() });
    // Only staff log in, so only they set their own locale; spare users are the ones disabled.
    else if (roll < 0.9) plan.push({ kind: 'locale', username: pick(random, staff), locale: random() < 0.5 ? 'id' : 'en' });
    else plan.push({ kind: 'disable', username: pick(random, spare), disabled: random() < 0.5 });
  }
  return plan;
}
