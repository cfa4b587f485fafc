// The roles of DOMAIN.md. A person may hold several; every method names the roles it admits.
export const ROLES = ['cs', 'teller', 'ao', 'kasie', 'kacab', 'cs-manager', 'back-office', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Reads a role the way staff and scripts type it: any case, spaces or underscores for the dash. */
export function parseRole(text: string): Role | null {
  const key = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const aliases: Record<string, Role> = { backoffice: 'back-office', csmanager: 'cs-manager', 'manajer-cs': 'cs-manager' };
  const role = aliases[key] ?? key;
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
}

/** Roles that may read the audit trail. */
export const AUDIT_READERS: readonly Role[] = ['kasie', 'kacab', 'admin'];
