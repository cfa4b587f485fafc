import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { HandlerMap, Tx } from '../dispatch/types';
import { countActiveAdmins, findUserById, findUserByName, listUsers, toUserView, type UserRecord } from './queries';

function existingUser(tx: Tx, username: string): UserRecord {
  const user = findUserByName(tx.db, username);
  if (!user) throw new ApiError('not_found', 'errors.userNotFound', { username });
  return user;
}

/** A branch must never lose its last working admin: nobody could then manage users. */
function keepsAnAdmin(tx: Tx, user: UserRecord, change: { disabled?: boolean; roles?: readonly string[] }): void {
  const isAdminNow = user.roles.includes('admin') && !user.disabled;
  const isAdminAfter = (change.roles ?? user.roles).includes('admin') && !(change.disabled ?? user.disabled);
  if (isAdminNow && !isAdminAfter && countActiveAdmins(tx.db) <= 1) {
    throw new ApiError('conflict', 'errors.lastAdmin');
  }
}

export const userHandlers: HandlerMap<
  'users.list' | 'users.create' | 'users.update' | 'users.setDisabled' | 'users.resetPassword'
> = {
  'users.list': { run: (tx) => ({ users: listUsers(tx.db).map(toUserView) }) },
  'users.create': {
    prepare: async (input, ctx) => ({ passwordHash: await ctx.core.passwords.hash(input.password) }),
    run: (tx, input, { passwordHash }) => {
      if (findUserByName(tx.db, input.username)) {
        throw ApiError.badInput([{ path: 'username', key: 'errors.userExists', params: { username: input.username } }]);
      }
      const id = randomUUID();
      tx.emit('user.created', {
        id,
        username: input.username,
        displayName: input.displayName,
        roles: [...new Set(input.roles)],
        passwordHash,
        locale: 'id',
      });
      return toUserView(findUserById(tx.db, id)!);
    },
  },
  'users.update': {
    run: (tx, input) => {
      const user = existingUser(tx, input.username);
      if (input.roles) keepsAnAdmin(tx, user, { roles: input.roles });
      tx.emit('user.updated', {
        id: user.id,
        username: user.username,
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.roles ? { roles: [...new Set(input.roles)] } : {}),
      });
      return toUserView(findUserById(tx.db, user.id)!);
    },
  },
  'users.setDisabled': {
    run: (tx, input) => {
      const user = existingUser(tx, input.username);
      if (input.disabled && tx.actor?.userId === user.id) throw new ApiError('conflict', 'errors.cannotDisableSelf');
      keepsAnAdmin(tx, user, { disabled: input.disabled });
      tx.emit('user.disabledSet', { id: user.id, username: user.username, disabled: input.disabled });
      if (input.disabled) tx.core.sessions.endAllFor(user.id);
      return toUserView(findUserById(tx.db, user.id)!);
    },
  },
  'users.resetPassword': {
    prepare: async (input, ctx) => ({ passwordHash: await ctx.core.passwords.hash(input.password) }),
    run: (tx, input, { passwordHash }) => {
      const user = existingUser(tx, input.username);
      tx.emit('user.passwordSet', { id: user.id, username: user.username, passwordHash, by: 'admin' });
      tx.core.sessions.endAllFor(user.id);
      return toUserView(findUserById(tx.db, user.id)!);
    },
  },
};
