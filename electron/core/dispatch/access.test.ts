import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../shared/api/index';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { ADMIN, startTestCore, type TestCore } from '../testing';

// Every method of the contract against every role: a role the method does not admit is refused
// with `forbidden` before any handler runs, and nobody without a session gets past `public`.
let t: TestCore;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  t = await startTestCore();
  const admin = await t.login(ADMIN.username, ADMIN.password);
  for (const role of ROLES) {
    const username = `only-${role}`;
    await t.call('users.create', { username, displayName: role, roles: [role], password: 'kata-sandi-1' }, admin);
    tokens.set(role, await t.login(username, 'kata-sandi-1'));
  }
});
afterAll(() => t.close());

const restricted = Object.entries(methods).filter(([, def]) => typeof def.access === 'object') as [
  MethodName,
  { access: { roles: readonly Role[] } },
][];
const cases = restricted.flatMap(([method, def]) =>
  ROLES.filter((role) => !def.access.roles.includes(role)).map((role) => ({ method, role })),
);

describe('role checks', () => {
  it('covers every restricted method', () => {
    expect(restricted.length).toBeGreaterThanOrEqual(8);
    expect(cases.length).toBeGreaterThan(restricted.length);
  });

  it.each(cases)('$method refuses $role', async ({ method, role }) => {
    const answer = await t.core.dispatch({ method, input: {}, token: tokens.get(role)!, transport: 'cli' });
    // The role is checked before the input is parsed, so even an empty input is refused as forbidden.
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('forbidden');
  });

  it.each(restricted.map(([method, def]) => ({ method, role: def.access.roles[0]! })))(
    '$method admits $role past the role check',
    async ({ method, role }) => {
      const answer = await t.core.dispatch({ method, input: {}, token: tokens.get(role)!, transport: 'cli' });
      if (!answer.ok) expect(answer.error.code).not.toBe('forbidden');
    },
  );

  it.each(Object.entries(methods).filter(([, def]) => def.access !== 'public').map(([method]) => method))(
    '%s refuses a caller without a session',
    async (method) => {
      const answer = await t.core.dispatch({ method, input: {}, token: null, transport: 'cli' });
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('unauthenticated');
    },
  );
});
