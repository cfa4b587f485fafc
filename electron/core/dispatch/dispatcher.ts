import { ApiError, type ApiErrorBody } from '../../../shared/api/errors';
import { isMethodName, methods, type MethodName } from '../../../shared/api/index';
import type { MethodDef } from '../../../shared/api/contract';
import { parseInput } from '../../../shared/api/validate';
import { findUserById } from '../auth/queries';
import { emitEvent } from '../ledger/emit';
import type { ChainHead, JournalEvent } from '../ledger/journal';
import { cachedRead, invalidateReads } from '../ledger/read-cache';
import { getBranch } from '../settings/queries';
import type { Transport } from '../host-protocol';
import type { Actor, CallContext, CoreServices, Handler, HandlerMap, ProjectorMap, Session, Tx } from './types';

export interface DispatchCall {
  method: string;
  input: unknown;
  token: string | null;
  transport: Transport;
}

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export type Log = (level: 'info' | 'warn' | 'error', message: string, extra?: Record<string, unknown>) => void;

class CommitThenFail {
  constructor(readonly error: ApiError) {}
}

interface WriteJob {
  ctx: CallContext;
  /** the method's contract says it may record nothing */
  mayFindNothing: boolean;
  handler: Handler<MethodName, unknown>;
  input: unknown;
  prepared: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Idle lock used before a branch exists (setup screens). */
const FALLBACK_IDLE_MS = 10 * 60_000;

/**
 * The one path into the ledger: validate the input, check the caller's role, run the handler,
 * and for a mutating method write its journal events and their projections in one transaction.
 *
 * Writes are group-committed: calls that arrive while a commit is pending share the next
 * transaction, each in its own savepoint, so one call's failure undoes only its own writes while
 * a burst of calls pays for one fsync instead of one each (synchronous=FULL makes fsync the cost).
 */
export function createDispatcher(
  core: CoreServices,
  handlers: HandlerMap,
  projectors: ProjectorMap,
  log: Log,
  /** Told after every commit that recorded events (the sync engine's debounce listens). */
  onCommitted: () => void = () => {},
) {
  const queue: WriteJob[] = [];
  let flushScheduled = false;

  function authorize(def: MethodDef, token: string | null, now: number): { actor: Actor | null; session: Session | null } {
    const branch = cachedRead(core.db, 'branch', () => getBranch(core.db));
    const idleMs = branch ? branch.idleLockMinutes * 60_000 : FALLBACK_IDLE_MS;
    const session = core.sessions.resolve(token, now, idleMs);
    const user = session ? cachedRead(core.db, `user:${session.userId}`, () => findUserById(core.db, session.userId)) : null;
    if (session && (!user || user.disabled)) core.sessions.end(session.token);
    const live = user && !user.disabled && session ? session : null;
    const actor: Actor | null = live && user ? { userId: user.id, username: user.username, roles: user.roles } : null;
    if (def.access === 'public') return { actor, session: live };
    if (!live || !actor) throw new ApiError('unauthenticated', 'errors.unauthenticated');
    if (live.locked && !def.whileLocked) throw new ApiError('session_locked', 'errors.sessionLocked');
    if (def.access !== 'authenticated' && !actor.roles.some((role) => (def.access as { roles: readonly string[] }).roles.includes(role))) {
      throw new ApiError('forbidden', 'errors.forbidden');
    }
    return { actor, session: live };
  }

  type Outcome = { value: unknown } | { error: unknown };

  // One savepoint wrapper for every job (better-sqlite3 nests a transaction function as a savepoint).
  const inSavepoint = core.db.transaction((work: () => Outcome) => work());

  function makeTx(ctx: CallContext, emitted: JournalEvent[], head?: ChainHead): Tx {
    const now = core.clock();
    return {
      core: ctx.core,
      actor: ctx.actor,
      session: ctx.session,
      transport: ctx.transport,
      db: core.db,
      now,
      emit(type, payload, onBehalfOf) {
        const event = emitEvent({ db: core.db, deviceId: core.deviceId, projectors }, ctx.actor ?? onBehalfOf ?? null, now, type, payload, head);
        emitted.push(event);
        return event;
      },
      commitThenFail(error) {
        throw new CommitThenFail(error);
      },
    };
  }

  /** Runs one job's handler; a `commitThenFail` keeps its writes and answers with the error. */
  function runHandler(job: WriteJob, head: ChainHead): Outcome {
    const emitted: JournalEvent[] = [];
    try {
      const value = job.handler.run(makeTx(job.ctx, emitted, head), job.input as never, job.prepared);
      if (emitted.length === 0 && !job.mayFindNothing) throw new Error('a mutating method recorded no journal event');
      return { value };
    } catch (error) {
      if (error instanceof CommitThenFail) return { error: error.error };
      throw error;
    }
  }

  /** Runs one job in a savepoint, so its failure undoes only its own writes. */
  function runInSavepoint(job: WriteJob, head: ChainHead): Outcome {
    const headBefore = head.value;
    try {
      return inSavepoint(() => runHandler(job, head));
    } catch (error) {
      head.value = headBefore;
      return { error };
    }
  }

  function commit(batch: WriteJob[], run: (job: WriteJob, head: ChainHead) => Outcome): Outcome[] {
    const head: ChainHead = { value: null };
    return core.db.transaction(() => batch.map((job) => run(job, head))).immediate();
  }

  function flush(): void {
    flushScheduled = false;
    const batch = queue.splice(0);
    let outcomes: Outcome[];
    try {
      try {
        // The common case first: every call succeeds, and no savepoint is paid for.
        outcomes = commit(batch, runHandler);
      } catch (error) {
        if (batch.length === 1) {
          outcomes = [{ error }];
        } else {
          // One call failed and the whole batch was rolled back: run it again with a savepoint per
          // call, so only the failing call's writes are undone. Handlers are deterministic over the
          // ledger; the only thing a rerun repeats is an in-memory session made by a login.
          outcomes = commit(batch, runInSavepoint);
        }
      }
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    } finally {
      invalidateReads(core.db);
    }
    onCommitted();
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) job.reject(outcome.error);
      else job.resolve(outcome.value);
    });
  }

  function enqueueWrite(job: Omit<WriteJob, 'resolve' | 'reject'>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      queue.push({ ...job, resolve, reject });
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    });
  }

  async function execute(call: DispatchCall): Promise<unknown> {
    if (!isMethodName(call.method)) throw new ApiError('not_found', 'errors.unknownMethod', { method: call.method });
    const def: MethodDef = methods[call.method];
    const handler = handlers[call.method] as Handler<MethodName, unknown>;
    // Who may call comes before what they sent: a caller without the role learns nothing more.
    const { actor, session } = authorize(def, call.token, core.clock());
    const input = parseInput(def.input, call.input);
    const ctx: CallContext = { core, actor, session, transport: call.transport };
    const prepared = handler.prepare ? await handler.prepare(input as never, ctx) : undefined;
    const result = def.mutates
      ? await enqueueWrite({ ctx, handler, input, prepared, mayFindNothing: def.mayFindNothing === true })
      : handler.run(makeTx(ctx, []), input as never, prepared);
    if (session && !session.locked && !def.background) core.sessions.touch(session, core.clock());
    // Parsing the output strips any field the contract does not declare, so nothing leaks.
    return def.output.parse(result);
  }

  return {
    async dispatch(call: DispatchCall): Promise<DispatchResult> {
      try {
        return { ok: true, result: await execute(call) };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.toBody() };
        log('error', 'call failed', { method: call.method, error: (error as Error).stack ?? String(error) });
        return { ok: false, error: new ApiError('internal', 'errors.internal').toBody() };
      }
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
