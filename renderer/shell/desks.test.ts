import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/domain/roles';
import { canOpen, DESKS, desksOfRole, menuFor, menuSections } from './desks';

const ids = (desks: { id: string }[]) => desks.map((d) => d.id);

describe('desks by role', () => {
  it('a CS opens the applications and Customer Service > OTP, besides home and settings', () => {
    expect(ids(menuFor(['cs']))).toEqual(['home', 'otp', 'otpValidate', 'settings']);
  });

  it('the AO and the approvers open the applications; only the CS types customers’ codes', () => {
    expect(ids(menuFor(['ao']))).toEqual(['home', 'otp', 'settings']);
    expect(canOpen(['ao', 'kasie', 'kacab'], 'otpValidate')).toBe(false);
    expect(canOpen(['cs'], 'otpValidate')).toBe(true);
    expect(canOpen(['teller', 'back-office', 'admin', 'cs-manager'], 'otp')).toBe(false);
  });

  it('supervisors see the applications, the audit trail and the sync conflicts; only admin sees users', () => {
    expect(ids(menuFor(['kasie']))).toEqual(['home', 'otp', 'audit', 'conflicts', 'settings']);
    expect(ids(menuFor(['kacab']))).toEqual(['home', 'otp', 'audit', 'conflicts', 'settings']);
    expect(ids(menuFor(['admin']))).toEqual(['home', 'audit', 'conflicts', 'users', 'settings']);
    expect(canOpen(['teller', 'cs'], 'users')).toBe(false);
    expect(canOpen(['teller', 'cs', 'ao', 'cs-manager', 'back-office'], 'conflicts')).toBe(false);
  });

  it('several roles open the union of their desks', () => {
    expect(ids(menuFor(['cs', 'admin']))).toEqual(['home', 'otp', 'otpValidate', 'audit', 'conflicts', 'users', 'settings']);
  });

  it('desks to come are in the table but never open', () => {
    const coming = DESKS.filter((d) => !d.built);
    expect(ids(coming)).toEqual(['complaints', 'payments', 'invoices']);
    for (const desk of coming) expect(canOpen([...ROLES], desk.id)).toBe(false);
  });

  it('names the desks of each role for its home card', () => {
    expect(ids(desksOfRole('admin'))).toEqual(['audit', 'conflicts', 'users']);
    expect(ids(desksOfRole('kasie'))).toEqual(['otp', 'audit', 'conflicts']);
    expect(ids(desksOfRole('cs'))).toEqual(['otp', 'otpValidate']);
    expect(ids(desksOfRole('teller'))).toEqual([]);
  });

  it('puts the CS’s OTP under its Customer Service heading in the menu', () => {
    const sections = menuSections(['cs']).map((s) => [s.group, ids(s.desks)]);
    expect(sections).toEqual([
      [null, ['home', 'otp']],
      ['customerService', ['otpValidate']],
      [null, ['settings']],
    ]);
    expect(menuSections(['admin'])).toEqual([{ group: null, desks: menuFor(['admin']) }]);
  });
});
