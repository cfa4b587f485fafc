import { ApiError } from '../../../shared/api/errors';
import type { SessionView } from '../../../shared/api/methods/auth';
import type { CallContext, HandlerMap, Tx } from '../dispatch/types';
import { getBranch } from '../settings/queries';
import { attemptsRemaining, afterFailedAttempt, isLocked, minutesLocked } from './lockout';
import { findUserById, findUserByName, toUserView, type UserRecord } from './queries';

function sessionView(ctx: CallContext, user: UserRecord, locked: boolean): SessionView {
  const branch = getBranch(ctx.core.db);
  if (!branch) throw new ApiError('conflict', 'errors.notInitialized');
  return { user: toUserView(user), branch, locked };
}

function requireUser(ctx: CallContext): UserRecord {
  const user = ctx.actor && findUserById(ctx.core.db, ctx.actor.userId);
  if (!user) throw new ApiError('unauthenticated', 'errors.unauthenticated');
  return user;
}

/**
 * Records a wrong password and answers with how many tries remain, or that the account is now
 * locked. At login there is no session yet (`unauthenticated`); at the lock screen or when
 * changing a password the session stays, and the wrong field is named (`bad_input`).
 */
function failPassword(tx: Tx, user: UserRecord, via: 'login' | 'unlock', field = 'password'): never {
  tx.emit('auth.loginFailed', { userId: user.id, via }, { userId: user.id, username: user.username });
  const after = afterFailedAttempt(user, tx.now);
  if (isLocked(after, tx.now)) {
    if (tx.session) tx.core.sessions.endAllFor(user.id);
    tx.commitThenFail(new ApiError('account_locked', 'errors.accountLocked', { minutes: minutesLocked(after, tx.now) }));
  }
  const params = { remaining: attemptsRemaining(after) };
  if (via === 'login') tx.commitThenFail(new ApiError('unauthenticated', 'errors.wrongPassword', params));
  tx.commitThenFail(new ApiError('bad_input', 'errors.wrongPassword', params, [{ path: field, key: 'errors.wrongPassword', params }]));
}

export const authHandlers: HandlerMap<
  'auth.login' | 'auth.logout' | 'auth.session' | 'auth.unlock' | 'auth.lock' | 'auth.changePassword' | 'auth.setLocale'
> = {
  'auth.login': {
    // The password is checked before the transaction (scrypt is slow on purpose); an unknown user
    // costs the same hash so response time does not reveal which user names exist.
    prepare: async (input, ctx) => {
      const user = findUserByName(ctx.core.db, input.username);
      if (!user) {
        await ctx.core.passwords.hash(input.password);
        return { valid: false };
      }
      return { valid: await ctx.core.passwords.verify(input.password, user.passwordHash) };
    },
    run: (tx, input, { valid }) => {
      const user = findUserByName(tx.db, input.username);
      if (!user) throw new ApiError('unauthenticated', 'errors.invalidCredentials');
      if (isLocked(user, tx.now)) {
        throw new ApiError('account_locked', 'errors.accountLocked', { minutes: minutesLocked(user, tx.now) });
      }
      if (!valid) failPassword(tx, user, 'login');
      if (user.disabled) throw new ApiError('forbidden', 'errors.userDisabled');
      // Logins are on record under the account concerned, so the audit trail finds them by user.
      tx.emit('auth.loginSucceeded', { userId: user.id }, { userId: user.id, username: user.username });
      const session = tx.core.sessions.create(user.id, tx.now);
      return { ...sessionView(tx, findUserById(tx.db, user.id)!, false), token: session.token };
    },
  },
  'auth.logout': {
    run: (tx) => {
      if (tx.session) tx.core.sessions.end(tx.session.token);
      return { ok: true };
    },
  },
  'auth.session': {
    run: (tx) => sessionView(tx, requireUser(tx), tx.session?.locked ?? false),
  },
  'auth.lock': {
    run: (tx) => {
      if (tx.session) tx.core.sessions.lock(tx.session);
      return { ok: true };
    },
  },
  'auth.unlock': {
    prepare: async (input, ctx) => {
      const user = requireUser(ctx);
      return { valid: await ctx.core.passwords.verify(input.password, user.passwordHash) };
    },
    run: (tx, _input, { valid }) => {
      const user = requireUser(tx);
      if (isLocked(user, tx.now)) throw new ApiError('account_locked', 'errors.accountLocked', { minutes: minutesLocked(user, tx.now) });
      if (!valid) failPassword(tx, user, 'unlock');
      tx.emit('auth.loginSucceeded', { userId: user.id });
      if (tx.session) tx.core.sessions.unlock(tx.session, tx.now);
      return sessionView(tx, user, false);
    },
  },
  'auth.changePassword': {
    prepare: async (input, ctx) => {
      const user = requireUser(ctx);
      const valid = await ctx.core.passwords.verify(input.current, user.passwordHash);
      return { valid, passwordHash: valid ? await ctx.core.passwords.hash(input.next) : '' };
    },
    run: (tx, _input, { valid, passwordHash }) => {
      const user = requireUser(tx);
      if (!valid) failPassword(tx, user, 'unlock', 'current');
      tx.emit('user.passwordSet', { id: user.id, username: user.username, passwordHash, by: 'self' });
      return { ok: true };
    },
  },
  'auth.setLocale': {
    run: (tx, input) => {
      // The dispatcher has just checked this session's user: no need to read it again.
      if (!tx.actor) throw new ApiError('unauthenticated', 'errors.unauthenticated');
      tx.emit('user.localeSet', { id: tx.actor.userId, username: tx.actor.username, locale: input.locale });
      return { ok: true };
    },
  },
};
