import type { ApiError } from '../../../shared/api/errors';
import type { MethodName, Methods } from '../../../shared/api/index';
import type { Role } from '../../../shared/domain/roles';
import type { EventPayload, EventType } from '../../../shared/events/index';
import type { z } from 'zod';
import type { JournalEvent } from '../ledger/journal';
import type { Db } from '../ledger/sql';
import type { Transport } from '../host-protocol';
import type { PasswordHasher } from '../auth/passwords';
import type { SessionStore } from '../auth/sessions';
import type { SyncEngine } from '../sync/engine';

export interface Actor {
  userId: string;
  username: string;
  roles: readonly Role[];
}

export interface Session {
  token: string;
  userId: string;
  createdAt: number;
  lastActivityAt: number;
  locked: boolean;
}

/** What every handler step sees of the core. */
export interface CoreServices {
  db: Db;
  deviceId: string;
  clock: () => number;
  sessions: SessionStore;
  passwords: PasswordHasher;
  sync: SyncEngine;
  env: { headofficeUrl?: string | undefined; fetch?: typeof fetch | undefined };
}

export interface CallContext {
  core: CoreServices;
  actor: Actor | null;
  session: Session | null;
  transport: Transport;
}

/** The write side of a call: runs synchronously inside the dispatcher's transaction. */
export interface Tx extends CallContext {
  db: Db;
  now: number;
  /**
   * Appends the event to the journal and applies it to the tables, in this transaction. The
   * event is the caller's, or `onBehalfOf`'s where there is no session yet (a login).
   */
  emit<T extends EventType>(type: T, payload: EventPayload<T>, onBehalfOf?: { userId: string; username: string }): JournalEvent;
  /** Keeps what was emitted (e.g. a failed-login count) yet answers the caller with `error`. */
  commitThenFail(error: ApiError): never;
}

type In<M extends MethodName> = z.output<Methods[M]['input']>;
type Out<M extends MethodName> = z.input<Methods[M]['output']>;

export interface Handler<M extends MethodName, P = undefined> {
  /** Slow or async work done before the transaction (password hashing, reading a file). */
  prepare?: (input: In<M>, ctx: CallContext) => Promise<P>;
  run: (tx: Tx, input: In<M>, prepared: P) => Out<M>;
}

// `any` for the prepared value only: each handler declares its own P, the map cannot name them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HandlerMap<M extends MethodName = MethodName> = { [K in M]: Handler<K, any> };

export interface ProjectedEvent<T extends EventType = EventType> {
  type: T;
  payload: EventPayload<T>;
  at: number;
  deviceId: string;
  userId: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Projector = (db: Db, event: ProjectedEvent<any>) => void;
export type ProjectorMap = { [T in EventType]?: (db: Db, event: ProjectedEvent<T>) => void };
