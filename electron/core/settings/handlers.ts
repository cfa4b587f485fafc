import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { findUserById, toUserView } from '../auth/queries';
import type { HandlerMap } from '../dispatch/types';
import { getSyncState } from '../sync/state';
import { getBranch } from './queries';

/** The idle lock a new branch starts with: short, because counter PCs stand in shared rooms. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export const settingsHandlers: HandlerMap<'setup.status' | 'setup.init' | 'settings.branch' | 'settings.updateBranch'> = {
  'setup.status': {
    run: (tx) => {
      const branch = getBranch(tx.db);
      return { initialized: branch !== null, branch, deviceId: tx.core.deviceId, headofficeUrl: getSyncState(tx.db)?.headofficeUrl ?? null };
    },
  },
  'setup.init': {
    prepare: async (input, ctx) => ({ passwordHash: await ctx.core.passwords.hash(input.admin.password) }),
    run: (tx, input, { passwordHash }) => {
      if (getBranch(tx.db)) throw new ApiError('conflict', 'errors.alreadyInitialized');
      // A desk enrolled before setup belongs to the branch its enrollment code named.
      const enrolled = getSyncState(tx.db);
      if (enrolled && enrolled.branchCode !== input.branch.code) {
        throw ApiError.badInput([{ path: 'branch.code', key: 'sync.enroll.otherBranch', params: { branch: enrolled.branchCode } }]);
      }
      const branch = { ...input.branch, idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES };
      tx.emit('branch.created', branch);
      const id = randomUUID();
      tx.emit('user.created', {
        id,
        username: input.admin.username,
        displayName: input.admin.displayName,
        roles: ['admin'],
        passwordHash,
        locale: 'id',
      });
      return { branch, admin: toUserView(findUserById(tx.db, id)!) };
    },
  },
  'settings.branch': {
    run: (tx) => {
      const branch = getBranch(tx.db);
      if (!branch) throw new ApiError('conflict', 'errors.notInitialized');
      return branch;
    },
  },
  'settings.updateBranch': {
    run: (tx, input) => {
      if (!getBranch(tx.db)) throw new ApiError('conflict', 'errors.notInitialized');
      tx.emit('branch.updated', {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
        ...(input.idleLockMinutes !== undefined ? { idleLockMinutes: input.idleLockMinutes } : {}),
      });
      return getBranch(tx.db)!;
    },
  },
};
