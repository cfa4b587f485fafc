import { ApiError } from '../../../shared/api/errors';
import type { HandlerMap } from '../dispatch/types';
import { prepared } from '../ledger/sql';
import { getBranch } from '../settings/queries';
import { headofficeClient, HeadofficeError } from './http';
import { countOpenConflicts, countPending, getSyncState, saveEnrollment, updateSyncState } from './state';

function unreachable(error: unknown): never {
  if (error instanceof HeadofficeError) {
    if (error.code === 'network') throw new ApiError('unavailable', 'sync.error.offline');
    if (error.code === 'invalid_code') throw ApiError.badInput([{ path: 'code', key: 'sync.enroll.invalidCode' }]);
    if (error.code === 'branch_mismatch') throw ApiError.badInput([{ path: 'code', key: 'sync.enroll.otherBranch', params: { branch: String(error.extra.branchCode ?? '') } }]);
    throw new ApiError('unavailable', 'sync.error.refused', { code: error.code });
  }
  throw error;
}

interface ConflictRow {
  id: number;
  kind: 'rejected' | 'apply_failed';
  event_id: string;
  type: string;
  reason: string;
  detail: string | null;
  at: number;
  resolved_at: number | null;
  resolved_by: string | null;
  note: string | null;
}

export const syncHandlers: HandlerMap<'sync.status' | 'sync.enroll' | 'sync.now' | 'sync.conflicts' | 'sync.resolveConflict' | 'sync.reseed'> = {
  'sync.status': {
    run: (tx) => {
      const state = getSyncState(tx.db);
      const lastError = state?.lastErrorKey ? { key: state.lastErrorKey, at: state.lastErrorAt ?? 0 } : null;
      return {
        enrolled: state !== null,
        headofficeUrl: tx.core.env.headofficeUrl ?? state?.headofficeUrl ?? null,
        branchCode: state?.branchCode ?? null,
        online: !state?.lastAttemptAt ? null : state.lastErrorKey !== 'sync.error.offline',
        pending: state ? countPending(tx.db, tx.core.deviceId, state.pushedUpto) : countPending(tx.db, tx.core.deviceId, 0),
        lastSuccessAt: state?.lastSuccessAt ?? null,
        lastAttemptAt: state?.lastAttemptAt ?? null,
        lastError,
        halted: state?.haltedKey ?? null,
        openConflicts: countOpenConflicts(tx.db),
        progress: tx.core.sync.progress(),
      };
    },
  },
  'sync.enroll': {
    prepare: async (input, ctx) => {
      const branch = getBranch(ctx.core.db);
      if (branch && !ctx.actor?.roles.includes('admin')) throw new ApiError('forbidden', 'errors.forbidden');
      const state = getSyncState(ctx.core.db);
      // A desk enrolls once; again only when head office was reset and no longer knows it.
      if (state && !state.haltedKey) throw new ApiError('conflict', 'sync.enroll.already');
      const api = headofficeClient(input.headofficeUrl, null, ctx.core.env.fetch);
      return api.enroll({ code: input.code, deviceId: ctx.core.deviceId, branchCode: branch?.code ?? null }).catch(unreachable);
    },
    run: (tx, input, enrolled) => {
      tx.db.prepare(`DELETE FROM sync_state`).run();
      saveEnrollment(tx.db, { headofficeUrl: input.headofficeUrl, deviceSecret: enrolled.deviceSecret, branchCode: enrolled.branchCode, epoch: enrolled.epoch, at: tx.now });
      tx.emit('sync.enrolled', { headofficeUrl: input.headofficeUrl, branchCode: enrolled.branchCode });
      return { branchCode: enrolled.branchCode };
    },
  },
  'sync.now': {
    // Network work stays outside the dispatcher's transaction; the engine writes in its own.
    prepare: (_input, ctx) => ctx.core.sync.syncOnce(),
    run: (_tx, _input, round) => round,
  },
  'sync.conflicts': {
    run: (tx, input) => ({
      conflicts: prepared<[number], ConflictRow>(
        tx.db,
        `SELECT * FROM sync_conflicts WHERE (? = 0 OR resolved_at IS NULL) ORDER BY id DESC LIMIT 500`,
      )
        .all(input.open ? 1 : 0)
        .map((r) => ({
          id: r.id,
          kind: r.kind,
          eventId: r.event_id,
          type: r.type,
          reason: r.reason,
          detail: r.detail,
          at: r.at,
          resolvedAt: r.resolved_at,
          resolvedBy: r.resolved_by,
          note: r.note,
        })),
    }),
  },
  'sync.resolveConflict': {
    run: (tx, input) => {
      const open = prepared<[number], { id: number }>(tx.db, `SELECT id FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL`).get(input.id);
      if (!open) throw new ApiError('not_found', 'errors.notFound');
      tx.emit('sync.conflictResolved', { conflictId: input.id, note: input.note });
      return { ok: true };
    },
  },
  'sync.reseed': {
    prepare: async (_input, ctx) => {
      const state = getSyncState(ctx.core.db);
      if (!state?.haltedKey || state.haltedKey === 'sync.halted.revoked') throw new ApiError('conflict', 'sync.reseed.notNeeded');
      const api = headofficeClient(ctx.core.env.headofficeUrl ?? state.headofficeUrl, `Bearer ${ctx.core.deviceId}.${state.deviceSecret}`, ctx.core.env.fetch);
      // What head office still holds of this desk: sending resumes right after it.
      return api.pull(state.epoch, 0, 1).catch(unreachable);
    },
    run: (tx, _input, answer) => {
      const state = getSyncState(tx.db)!;
      const pushedUpto = Math.min(state.pushedUpto, answer.highWaterMark);
      updateSyncState(tx.db, { pushedUpto, pullCursor: Math.min(state.pullCursor, answer.headCursor), haltedKey: null, lastErrorKey: null, lastErrorAt: null });
      tx.emit('sync.reseeded', { epoch: state.epoch, pushedUpto });
      return { ok: true };
    },
  },
};
