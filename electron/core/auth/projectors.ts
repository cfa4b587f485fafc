import type { ProjectorMap } from '../dispatch/types';
import { afterFailedAttempt } from './lockout';
import { findUserById, insertUser, replaceRoles, updateUserFields } from './queries';

// Users and their lockout state are rebuilt from events only, so every branch that applies the
// same events ends with the same users.
export const authProjectors: ProjectorMap = {
  'user.created': (db, { payload, at }) => {
    insertUser(db, { ...payload, at });
    replaceRoles(db, payload.id, payload.roles);
  },
  'user.updated': (db, { payload, at }) => {
    if (payload.displayName !== undefined) updateUserFields(db, payload.id, at, { displayName: payload.displayName });
    if (payload.roles) replaceRoles(db, payload.id, payload.roles);
  },
  'user.disabledSet': (db, { payload, at }) => updateUserFields(db, payload.id, at, { disabled: payload.disabled }),
  'user.passwordSet': (db, { payload, at }) =>
    updateUserFields(db, payload.id, at, {
      passwordHash: payload.passwordHash,
      ...(payload.by === 'admin' ? { failedAttempts: 0, lockedUntil: null } : {}),
    }),
  'user.localeSet': (db, { payload, at }) => updateUserFields(db, payload.id, at, { locale: payload.locale }),
  'auth.loginSucceeded': (db, { payload, at }) =>
    updateUserFields(db, payload.userId, at, { failedAttempts: 0, lockedUntil: null }),
  'auth.loginFailed': (db, { payload, at }) => {
    const user = findUserById(db, payload.userId);
    if (!user) return;
    updateUserFields(db, payload.userId, at, afterFailedAttempt(user, at));
  },
};
