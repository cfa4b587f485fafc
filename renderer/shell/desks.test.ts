import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/domain/roles';
import { canOpen, DESKS, desksOfRole, menuFor } from './desks';

const ids = (desks: { id: string }[]) => desks.map((d) => d.id);

describe('desks by role', () => {
  it('a CS sees home and settings only, until the CS desks are built', () => {
    expect(ids(menuFor(['cs']))).toEqual(['home', 'settings']);
  });

  it('supervisors see the audit trail and the sync conflicts; only admin sees users', () => {
    expect(ids(menuFor(['kasie']))).toEqual(['home', 'audit', 'conflicts', 'settings']);
    expect(ids(menuFor(['kacab']))).toEqual(['home', 'audit', 'conflicts', 'settings']);
    expect(ids(menuFor(['admin']))).toEqual(['home', 'audit', 'conflicts', 'users', 'settings']);
    expect(canOpen(['teller', 'cs'], 'users')).toBe(false);
    expect(canOpen(['teller', 'cs', 'ao', 'cs-manager', 'back-office'], 'conflicts')).toBe(false);
  });

  it('several roles open the union of their desks', () => {
    expect(ids(menuFor(['cs', 'admin']))).toEqual(['home', 'audit', 'conflicts', 'users', 'settings']);
  });

  it('desks to come are in the table but never open', () => {
    const coming = DESKS.filter((d) => !d.built);
    expect(ids(coming)).toEqual(['otp', 'complaints', 'payments', 'invoices']);
    for (const desk of coming) expect(canOpen([...ROLES], desk.id)).toBe(false);
  });

  it('names the desks of each role for its home card', () => {
    expect(ids(desksOfRole('admin'))).toEqual(['audit', 'conflicts', 'users']);
    expect(ids(desksOfRole('kasie'))).toEqual(['audit', 'conflicts']);
    expect(ids(desksOfRole('teller'))).toEqual([]);
  });
});
