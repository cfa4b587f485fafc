import { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api/errors';
import type { DispatchResult } from './dispatch/dispatcher';
import type { HostEvent, HostOptions, HostRequest, Transport } from './host-protocol';

export interface CoreClient {
  deviceId: string | null;
  call(method: string, input: unknown, token: string | null, transport: Transport): Promise<DispatchResult>;
  close(): Promise<void>;
}

/** Starts the core on a worker thread and resolves once its ledger is open (or rejects why not). */
export function startCoreWorker(options: HostOptions): Promise<CoreClient> {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: options });
  const pending = new Map<number, (result: DispatchResult) => void>();
  let nextId = 1;
  let onClosed: (() => void) | null = null;
  const post = (message: HostRequest) => worker.postMessage(message);

  return new Promise((resolve, reject) => {
    worker.on('error', (error) => {
      reject(error);
      for (const answer of pending.values()) answer({ ok: false, error: new ApiError('internal', 'errors.internal').toBody() });
      pending.clear();
    });
    worker.on('message', (message: HostEvent) => {
      switch (message.kind) {
        case 'ready':
          resolve(client(message.deviceId));
          break;
        case 'fatal':
          void worker.terminate();
          reject(ApiError.from(message.error));
          break;
        case 'result': {
          const answer = pending.get(message.id);
          pending.delete(message.id);
          const { id: _id, kind: _kind, ...result } = message;
          answer?.(result as DispatchResult);
          break;
        }
        case 'closed':
          onClosed?.();
          break;
      }
    });
  });

  function client(deviceId: string | null): CoreClient {
    return {
      deviceId,
      call(method, input, token, transport) {
        const id = nextId++;
        return new Promise((answer) => {
          pending.set(id, answer);
          post({ kind: 'call', id, method, input, token, transport });
        });
      },
      async close() {
        await new Promise<void>((done) => {
          onClosed = done;
          post({ kind: 'shutdown' });
          setTimeout(done, 5_000).unref();
        });
        await worker.terminate();
      },
    };
  }
}
