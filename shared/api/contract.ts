import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a method. `public` needs no session (setup, login, the customer page later);
 * `authenticated` any logged-in user; otherwise the user must hold at least one of the roles.
 */
export type Access = 'public' | 'authenticated' | { roles: readonly Role[] };

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** A mutating method runs in the write transaction and must record at least one journal event. */
  mutates: boolean;
  /** A mutating method that may find nothing to change (matching when no credit is new). */
  mayFindNothing?: boolean;
  /** Allowed while the desk is locked for idleness (unlock, logout, who-am-i). */
  whileLocked?: boolean;
  /** Called by the desk on its own (status polls): not the person's activity, so the idle lock still comes. */
  background?: boolean;
}

export function defineMethods<const T extends Record<string, MethodDef>>(methods: T): T {
  return methods;
}
