import { z } from 'zod';
import { ROLES } from '../domain/roles';

// Field schemas shared by several methods. Custom messages are i18n keys (see validate.ts).
export const TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export const LOCALES = ['id', 'en'] as const;

export const timeZone = z.enum(TIME_ZONES, 'validation.timeZone');
export const locale = z.enum(LOCALES, 'validation.locale');
export const role = z.enum(ROLES, 'validation.role');
export const roles = z.array(role).min(1, 'validation.rolesRequired').max(ROLES.length);

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'validation.username');

// NIST 800-63B: length over composition rules; 8 is the floor, 128 keeps scrypt input bounded.
export const newPassword = z.string().min(8, 'validation.passwordLength').max(128, 'validation.passwordLength');
export const password = z.string().min(1, 'validation.required').max(128, 'validation.passwordLength');

export const displayName = z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong');

export const branchCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,10}$/, 'validation.branchCode');

export const idleLockMinutes = z.number().int().min(1, 'validation.idleLock').max(240, 'validation.idleLock');

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  disabled: z.boolean(),
  lockedUntil: z.number().nullable(),
  locale,
  createdAt: z.number(),
});
export type UserView = z.infer<typeof userView>;

export const branchView = z.object({
  code: z.string(),
  name: z.string(),
  timeZone,
  idleLockMinutes: z.number(),
});
export type BranchView = z.infer<typeof branchView>;

export const ok = z.object({ ok: z.literal(true) });
