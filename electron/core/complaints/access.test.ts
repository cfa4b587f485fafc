import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../shared/api/index';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { ADMIN, startTestCore, type TestCore } from '../testing';

// Who may call each method of the complaints desk and the knowledge base, written out from the
// issue rather than read from the contract: a role added to a method by mistake fails here, and
// every role not listed is refused by the running core.
const DESK: Role[] = ['cs', 'cs-manager', 'kasie', 'kacab'];
const HANDLERS: Role[] = ['cs', 'cs-manager'];
const EVALUATORS: Role[] = ['cs-manager', 'kasie', 'kacab'];
const KB_READERS: Role[] = ['cs', 'cs-manager', 'kasie', 'kacab', 'teller', 'ao'];

const WHO: Record<Extract<MethodName, `complaints.${string}` | `kb.${string}`>, Role[]> = {
  'complaints.list': DESK,
  'complaints.get': DESK,
  'complaints.findCustomer': HANDLERS,
  'complaints.create': ['cs'],
  'complaints.setStep': HANDLERS,
  'complaints.contact': HANDLERS,
  'complaints.waitCustomer': HANDLERS,
  'complaints.customerReplied': HANDLERS,
  'complaints.escalate': HANDLERS,
  'complaints.departmentResponse': ['cs-manager'],
  'complaints.useArticle': HANDLERS,
  'complaints.attach': HANDLERS,
  'complaints.attachment': DESK,
  'complaints.resolve': HANDLERS,
  'complaints.reopen': HANDLERS,
  'complaints.weeklyReport': EVALUATORS,
  'complaints.exportWeekly': EVALUATORS,
  'complaints.exportReport': DESK,
  'complaints.settings': DESK,
  'kb.search': KB_READERS,
  'kb.suggest': KB_READERS,
  'kb.get': KB_READERS,
};

let t: TestCore;
const tokens = new Map<Role, string>();
beforeAll(async () => {
  t = await startTestCore();
  const admin = await t.login(ADMIN.username, ADMIN.password);
  for (const role of ROLES) {
    await t.call('users.create', { username: `peran-${role}`, displayName: role, roles: [role], password: 'kata-sandi-1' }, admin);
    tokens.set(role, await t.login(`peran-${role}`, 'kata-sandi-1'));
  }
});
afterAll(() => t.close());

const table = Object.entries(WHO) as [keyof typeof WHO, Role[]][];

describe('complaints and knowledge-base roles', () => {
  it('the table names every method of the two capabilities, and the contract admits exactly those roles', () => {
    const inContract = Object.keys(methods).filter((m) => m.startsWith('complaints.') || m.startsWith('kb.'));
    expect(Object.keys(WHO).sort()).toEqual(inContract.sort());
    for (const [method, roles] of table) {
      const access = methods[method].access;
      expect({ method, roles: typeof access === 'object' ? [...access.roles].sort() : access }).toEqual({ method, roles: [...roles].sort() });
    }
  });

  it.each(table.flatMap(([method, roles]) => ROLES.filter((role) => !roles.includes(role)).map((role) => ({ method, role }))))(
    '$method refuses $role',
    async ({ method, role }) => {
      const answer = await t.core.dispatch({ method, input: {}, token: tokens.get(role)!, transport: 'cli' });
      expect(answer.ok ? 'ok' : answer.error.code).toBe('forbidden');
    },
  );

  it.each(table.flatMap(([method, roles]) => roles.map((role) => ({ method, role }))))('$method admits $role', async ({ method, role }) => {
    const answer = await t.core.dispatch({ method, input: {}, token: tokens.get(role)!, transport: 'cli' });
    expect(answer.ok ? 'ok' : answer.error.code).not.toBe('forbidden');
  });
});
