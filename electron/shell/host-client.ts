import type { ApiErrorBody } from '../../shared/api/errors';
import { isApiErrorBody } from '../../shared/api/errors';
import type { HostCall, HostEvent, HostRequest } from '../core/host-protocol';
import { UNAVAILABLE, type InvokeResult } from './invoke-contract';

// The main process's side of one core host process: numbers the calls, matches the answers, and
// holds calls that arrive before the core has opened its ledger. One HostClient per process
// instance; a restart makes a new one, so a late answer from a dead process can never resolve a
// call made to its successor.
//
// Plain TypeScript over an injected `post`, so it is unit-tested without Electron.

export type HostState = 'starting' | 'ready' | 'failed' | 'closed';

export class HostClient {
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: InvokeResult) => void>();
  private queued: HostCall[] = [];
  private currentState: HostState = 'starting';
  private fatalError: ApiErrorBody | null = null;

  constructor(private readonly post: (message: HostRequest) => void) {}

  get state(): HostState {
    return this.currentState;
  }

  /** Why the core could not start, when it said so (`{kind:'fatal'}`). */
  get fatal(): ApiErrorBody | null {
    return this.fatalError;
  }

  /** Calls in flight or waiting for the core to be ready. */
  get outstanding(): number {
    return this.pending.size;
  }

  call(method: string, input: unknown, token: string | null): Promise<InvokeResult> {
    if (this.currentState === 'failed') return Promise.resolve({ ok: false, error: this.fatalError ?? UNAVAILABLE });
    if (this.currentState === 'closed') return Promise.resolve({ ok: false, error: UNAVAILABLE });
    const call: HostCall = { kind: 'call', id: this.nextId++, method, input, token, transport: 'ipc' };
    return new Promise((resolve) => {
      this.pending.set(call.id, resolve);
      if (this.currentState === 'ready') this.post(call);
      else this.queued.push(call);
    });
  }

  /** Feeds one message from the core host. Anything that is not a HostEvent is ignored. */
  receive(message: unknown): void {
    if (!isHostEvent(message)) return;
    switch (message.kind) {
      case 'ready': {
        if (this.currentState !== 'starting') return;
        this.currentState = 'ready';
        const queued = this.queued;
        this.queued = [];
        for (const call of queued) this.post(call);
        return;
      }
      case 'fatal':
        this.fatalError = message.error;
        this.currentState = 'failed';
        this.failAll(message.error);
        return;
      case 'closed':
        this.disconnect();
        return;
      case 'result': {
        const resolve = this.pending.get(message.id);
        if (!resolve) return;
        this.pending.delete(message.id);
        resolve(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
        return;
      }
    }
  }

  /** The process is gone or going: every call still waiting fails as unavailable. */
  disconnect(): void {
    if (this.currentState !== 'failed') this.currentState = 'closed';
    this.failAll(UNAVAILABLE);
  }

  private failAll(error: ApiErrorBody): void {
    this.queued = [];
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve({ ok: false, error });
  }
}

function isHostEvent(value: unknown): value is HostEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Partial<Record<string, unknown>>;
  switch (event.kind) {
    case 'ready':
    case 'closed':
      return true;
    case 'fatal':
      return isApiErrorBody(event.error);
    case 'result':
      return typeof event.id === 'number' && (event.ok === true || (event.ok === false && isApiErrorBody(event.error)));
    default:
      return false;
  }
}
