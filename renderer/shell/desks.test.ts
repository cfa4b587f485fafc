import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/domain/roles';
import { canOpen, DESKS, desksOfRole, menuFor, menuSections } from './desks';

const ids = (desks: { id: string }[]) => desks.map((d) => d.id);

describe('desks by role', () => {
  it('a CS opens the applications and Customer Service > OTP, besides home and settings', () => {
    expect(ids(menuFor(['cs']))).toEqual(['home', 'otp', 'otpValidate', 'complaints', 'kb', 'payments', 'settings']);
  });

  it('the AO and the approvers open the applications; only the CS types customers’ codes', () => {
    expect(ids(menuFor(['ao']))).toEqual(['home', 'otp', 'kb', 'settings']);
    expect(canOpen(['ao', 'kasie', 'kacab'], 'otpValidate')).toBe(false);
    expect(canOpen(['cs'], 'otpValidate')).toBe(true);
    expect(canOpen(['teller', 'back-office', 'admin', 'cs-manager'], 'otp')).toBe(false);
    expect(canOpen(['teller', 'ao', 'back-office', 'admin'], 'complaints')).toBe(false);
  });

  it('supervisors see the applications, the audit trail and the sync conflicts; only admin sees users', () => {
    expect(ids(menuFor(['kasie']))).toEqual(['home', 'otp', 'complaints', 'complaintsWeekly', 'kb', 'payments', 'invoices', 'audit', 'conflicts', 'settings']);
    expect(ids(menuFor(['kacab']))).toEqual(['home', 'otp', 'complaints', 'complaintsWeekly', 'kb', 'payments', 'invoices', 'audit', 'conflicts', 'settings']);
    expect(ids(menuFor(['admin']))).toEqual(['home', 'audit', 'conflicts', 'users', 'settings']);
    expect(canOpen(['teller', 'cs'], 'users')).toBe(false);
    expect(canOpen(['teller', 'cs', 'ao', 'cs-manager', 'back-office'], 'conflicts')).toBe(false);
  });

  it('several roles open the union of their desks', () => {
    expect(ids(menuFor(['cs', 'admin']))).toEqual(['home', 'otp', 'otpValidate', 'complaints', 'kb', 'payments', 'audit', 'conflicts', 'users', 'settings']);
  });

  it('the mutation-matching desk opens for those who take payments, import statements or approve verifications', () => {
    expect(ids(menuFor(['teller']))).toEqual(['home', 'kb', 'payments', 'settings']);
    expect(ids(menuFor(['back-office']))).toEqual(['home', 'payments', 'invoices', 'settings']);
    for (const role of ['teller', 'cs', 'back-office', 'kasie', 'kacab'] as const) expect(canOpen([role], 'payments')).toBe(true);
    expect(canOpen(['ao', 'cs-manager', 'admin'], 'payments')).toBe(false);
  });

  it('every desk in the table is built', () => {
    expect(ids(DESKS.filter((d) => !d.built))).toEqual([]);
  });

  it('the invoice desk opens for back office, Kasie and Kacab only', () => {
    for (const role of ['back-office', 'kasie', 'kacab'] as const) expect(canOpen([role], 'invoices')).toBe(true);
    for (const role of ROLES.filter((r) => !['back-office', 'kasie', 'kacab'].includes(r))) expect(canOpen([role], 'invoices')).toBe(false);
  });

  it('names the desks of each role for its home card', () => {
    expect(ids(desksOfRole('admin'))).toEqual(['audit', 'conflicts', 'users']);
    expect(ids(desksOfRole('kasie'))).toEqual(['otp', 'complaints', 'complaintsWeekly', 'kb', 'payments', 'invoices', 'audit', 'conflicts']);
    expect(ids(desksOfRole('cs'))).toEqual(['otp', 'otpValidate', 'complaints', 'kb', 'payments']);
    expect(ids(desksOfRole('cs-manager'))).toEqual(['complaints', 'complaintsWeekly', 'kb']);
    expect(canOpen(['cs'], 'complaintsWeekly')).toBe(false);
    expect(ids(desksOfRole('teller'))).toEqual(['kb', 'payments']);
    expect(ids(desksOfRole('back-office'))).toEqual(['payments', 'invoices']);
  });

  it('puts the CS’s OTP under its Customer Service heading in the menu', () => {
    const sections = menuSections(['cs']).map((s) => [s.group, ids(s.desks)]);
    expect(sections).toEqual([
      [null, ['home', 'otp']],
      ['customerService', ['otpValidate', 'complaints', 'kb']],
      [null, ['payments', 'settings']],
    ]);
    expect(menuSections(['cs-manager']).map((s) => [s.group, ids(s.desks)])).toEqual([
      [null, ['home']],
      ['customerService', ['complaints', 'complaintsWeekly', 'kb']],
      [null, ['settings']],
    ]);
    expect(menuSections(['admin'])).toEqual([{ group: null, desks: menuFor(['admin']) }]);
  });
});
