import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/domain/roles';
import { canOpen, DESKS, desksOfRole, menuFor } from './desks';

const ids = (desks: { id: string }[]) => desks.map((d) => d.id);

describe('desks by role', () => {
  it('a CS sees home and settings only, until the CS desks are built', () => {
    expect(ids(menuFor(['cs']))).toEqual(['home', 'settings']);
  });

  it('audit readers see the audit trail; only admin sees users', () => {
    expect(ids(menuFor(['kasie']))).toEqual(['home', 'audit', 'settings']);
    expect(ids(menuFor(['kacab']))).toEqual(['home', 'audit', 'settings']);
    expect(ids(menuFor(['admin']))).toEqual(['home', 'audit', 'users', 'settings']);
    expect(canOpen(['teller', 'cs'], 'users')).toBe(false);
  });

  it('several roles open the union of their desks', () => {
    expect(ids(menuFor(['cs', 'admin']))).toEqual(['home', 'audit', 'users', 'settings']);
  });

  it('desks to come are in the table but never open', () => {
    const coming = DESKS.filter((d) => !d.built);
    expect(ids(coming)).toEqual(['otp', 'complaints', 'payments', 'invoices']);
    for (const desk of coming) expect(canOpen([...ROLES], desk.id)).toBe(false);
  });

  it('names the desks of each role for its home card', () => {
    expect(ids(desksOfRole('admin'))).toEqual(['audit', 'users']);
    expect(ids(desksOfRole('teller'))).toEqual([]);
  });
});
