import { z } from 'zod';
import { defineMethods } from '../contract';
import { branchView, locale, newPassword, ok, password, userView, username } from '../schemas';

export const sessionView = z.object({ user: userView, branch: branchView, locked: z.boolean() });
export type SessionView = z.infer<typeof sessionView>;

export const authMethods = defineMethods({
  /**
   * The token is for the transport only: HTTP moves it into an HttpOnly cookie and IPC keeps it in
   * the main process, so renderer code never holds it.
   */
  'auth.login': {
    input: z.object({ username, password }),
    output: sessionView.extend({ token: z.string() }),
    access: 'public',
    mutates: true,
  },
  'auth.logout': { input: z.object({}), output: ok, access: 'authenticated', mutates: false, whileLocked: true },
  'auth.session': { input: z.object({}), output: sessionView, access: 'authenticated', mutates: false, whileLocked: true },
  /** Re-opens a desk that locked itself after the idle time; a wrong password counts towards lockout. */
  'auth.unlock': {
    input: z.object({ password }),
    output: sessionView,
    access: 'authenticated',
    mutates: true,
    whileLocked: true,
  },
  /** The renderer's idle timer asks for the lock; the core also locks on its own clock. */
  'auth.lock': { input: z.object({}), output: ok, access: 'authenticated', mutates: false, whileLocked: true },
  'auth.changePassword': {
    input: z.object({ current: password, next: newPassword }),
    output: ok,
    access: 'authenticated',
    mutates: true,
  },
  'auth.setLocale': { input: z.object({ locale }), output: ok, access: 'authenticated', mutates: true },
});
