import { z } from 'zod';
import { locale, role, timeZone } from '../api/schemas';

// The journal events of the foundation. Head office validates every pushed event against these
// schemas, and every branch rebuilds its tables from them, so a payload carries all its projection
// needs (ids generated at the source, never at the applier).
export const foundationEvents = {
  'branch.created': z.object({ code: z.string(), name: z.string(), timeZone, idleLockMinutes: z.number().int() }),
  'branch.updated': z.object({
    name: z.string().optional(),
    timeZone: timeZone.optional(),
    idleLockMinutes: z.number().int().optional(),
  }),
  'user.created': z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(role),
    passwordHash: z.string(),
    locale,
  }),
  // `username` names the account for the audit trail; the id is what the projection follows.
  'user.updated': z.object({
    id: z.string(),
    username: z.string().optional(),
    displayName: z.string().optional(),
    roles: z.array(role).optional(),
  }),
  'user.disabledSet': z.object({ id: z.string(), username: z.string().optional(), disabled: z.boolean() }),
  /** `by: 'admin'` is a reset, which also lifts a lockout. */
  'user.passwordSet': z.object({ id: z.string(), username: z.string().optional(), passwordHash: z.string(), by: z.enum(['admin', 'self']) }),
  'user.localeSet': z.object({ id: z.string(), username: z.string().optional(), locale }),
  'auth.loginSucceeded': z.object({ userId: z.string() }),
  /** A wrong password at login or at the lock screen; the fifth in a row locks the account. */
  'auth.loginFailed': z.object({ userId: z.string(), via: z.enum(['login', 'unlock']) }),
};
