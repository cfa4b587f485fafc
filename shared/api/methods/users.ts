import { z } from 'zod';
import { defineMethods } from '../contract';
import { displayName, newPassword, roles, userView, username } from '../schemas';

const admin = { roles: ['admin'] } as const;

export const userMethods = defineMethods({
  'users.list': { input: z.object({}), output: z.object({ users: z.array(userView) }), access: admin, mutates: false },
  'users.create': {
    input: z.object({ username, displayName, roles, password: newPassword }),
    output: userView,
    access: admin,
    mutates: true,
  },
  'users.update': {
    input: z.object({ username, displayName: displayName.optional(), roles: roles.optional() }),
    output: userView,
    access: admin,
    mutates: true,
  },
  'users.setDisabled': {
    input: z.object({ username, disabled: z.boolean() }),
    output: userView,
    access: admin,
    mutates: true,
  },
  /** Also lifts a lockout: the admin has checked who is asking. */
  'users.resetPassword': {
    input: z.object({ username, password: newPassword }),
    output: userView,
    access: admin,
    mutates: true,
  },
});
