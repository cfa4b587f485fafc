import { AUDIT_READERS, ROLES, type Role } from '../../shared/domain/roles';

// Which desk each role may open. The menu and the route guards both read this table; the core
// checks the same roles on every call, so hiding a desk is a courtesy, not the protection.
export type DeskId = 'home' | 'otp' | 'otpValidate' | 'complaints' | 'complaintsWeekly' | 'kb' | 'payments' | 'invoices' | 'audit' | 'conflicts' | 'users' | 'settings';

export interface Desk {
  id: DeskId;
  roles: readonly Role[];
  /** Desks still to come are listed for the record but never shown: no placeholder pages. */
  built: boolean;
  /** The route path when built. */
  path: string;
  /** i18n key of the menu label. */
  label: `shell.menu.${DeskId}`;
  /** The menu section the desk is listed under, as the SOPs name it ("Customer Service > OTP"). */
  group?: MenuGroup;
}

export type MenuGroup = 'customerService';

export const DESKS: readonly Desk[] = [
  { id: 'home', roles: ROLES, built: true, path: '/', label: 'shell.menu.home' },
  // Account-opening applications: made by AO or CS, approved by Kasie then Kacab (seed 000).
  { id: 'otp', roles: ['cs', 'ao', 'kasie', 'kacab'], built: true, path: '/otp', label: 'shell.menu.otp' },
  // Customer Service > OTP: the CS types the code a customer sent, when the link could not be used.
  { id: 'otpValidate', roles: ['cs'], built: true, path: '/otp/validate', label: 'shell.menu.otpValidate', group: 'customerService' },
  // Customer Service > Pengaduan (seed 001): the CS logs, the CS manager escalates; Kasie and Kacab read.
  { id: 'complaints', roles: ['cs', 'cs-manager', 'kasie', 'kacab'], built: true, path: '/complaints', label: 'shell.menu.complaints', group: 'customerService' },
  // Evaluasi mingguan: the SOPs name it the CS manager's; Kasie and Kacab read it too.
  { id: 'complaintsWeekly', roles: ['cs-manager', 'kasie', 'kacab'], built: true, path: '/complaints/weekly', label: 'shell.menu.complaintsWeekly', group: 'customerService' },
  // The knowledge base (seed 002) answers anyone at the front desk.
  { id: 'kb', roles: ['cs', 'cs-manager', 'kasie', 'kacab', 'teller', 'ao'], built: true, path: '/kb', label: 'shell.menu.kb', group: 'customerService' },
  // Mutasi & Pembayaran (seed 003): tellers and CS take transfer payments with a unique code; back
  // office imports statements and verifies by hand; Kasie and Kacab approve the verifications too.
  { id: 'payments', roles: ['teller', 'cs', 'back-office', 'kasie', 'kacab'], built: true, path: '/payments', label: 'shell.menu.payments' },
  // Tagihan (seed 004): back office uploads and sends invoice batches; Kasie and Kacab supervise
  // them and enter the bank's VA setting.
  { id: 'invoices', roles: ['back-office', 'kasie', 'kacab'], built: true, path: '/invoices', label: 'shell.menu.invoices' },
  { id: 'audit', roles: AUDIT_READERS, built: true, path: '/audit', label: 'shell.menu.audit' },
  // Supervisors settle what head office refused; they are the ones who read the audit trail too.
  { id: 'conflicts', roles: AUDIT_READERS, built: true, path: '/conflicts', label: 'shell.menu.conflicts' },
  { id: 'users', roles: ['admin'], built: true, path: '/users', label: 'shell.menu.users' },
  // Everyone sets their language and password here; the branch part is editable by admin only.
  { id: 'settings', roles: ROLES, built: true, path: '/settings', label: 'shell.menu.settings' },
];

export function findDesk(id: DeskId): Desk {
  const desk = DESKS.find((d) => d.id === id);
  if (!desk) throw new Error(`unknown desk ${id}`);
  return desk;
}

export function canOpen(roles: readonly Role[], id: DeskId): boolean {
  const desk = findDesk(id);
  return desk.built && desk.roles.some((role) => roles.includes(role));
}

/** The side menu: built desks the user may open, in table order. */
export function menuFor(roles: readonly Role[]): Desk[] {
  return DESKS.filter((desk) => canOpen(roles, desk.id));
}

/** The desks a role works at, besides home and settings, for the home page's cards. */
export function desksOfRole(role: Role): Desk[] {
  return DESKS.filter((desk) => desk.built && desk.id !== 'home' && desk.id !== 'settings' && desk.roles.includes(role));
}

export interface MenuSection {
  /** null: desks listed on their own, outside any section. */
  group: MenuGroup | null;
  desks: Desk[];
}

/** The side menu in sections: neighbouring desks of the same group share one heading. */
export function menuSections(roles: readonly Role[]): MenuSection[] {
  const sections: MenuSection[] = [];
  for (const desk of menuFor(roles)) {
    const group = desk.group ?? null;
    const last = sections.at(-1);
    if (last && last.group === group) last.desks.push(desk);
    else sections.push({ group, desks: [desk] });
  }
  return sections;
}
