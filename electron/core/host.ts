import { ApiError, type ApiErrorBody } from '../../shared/api/errors';
import { createCore, type Core } from './core';
import type { HostEvent, HostOptions, HostRequest } from './host-protocol';

export interface HostPort {
  post(message: HostEvent): void;
  onMessage(listener: (message: HostRequest) => void): void;
}

function errorBody(error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.toBody();
  return new ApiError('internal', 'errors.internal', { reason: (error as Error)?.message ?? String(error) }).toBody();
}

/**
 * Runs the core behind a message port: the Electron utility process and serve mode's worker
 * thread both call this, so the window's thread and the HTTP server never wait on SQLite.
 * Calls that arrive before the ledger is open wait for it.
 */
export function startHost(port: HostPort, options: HostOptions): void {
  const starting: Promise<Core> = createCore({
    dataDir: options.dataDir,
    autoSync: options.autoSync ?? true,
    headofficeUrl: options.headofficeUrl,
  });
  starting.then(
    (core) => port.post({ kind: 'ready', deviceId: core.deviceId }),
    (error: unknown) => port.post({ kind: 'fatal', error: errorBody(error) }),
  );
  port.onMessage((message) => {
    void starting.then(async (core) => {
      if (message.kind === 'shutdown') {
        await core.close();
        port.post({ kind: 'closed' });
        return;
      }
      const answer = await core.dispatch(message);
      port.post({ kind: 'result', id: message.id, ...answer });
    }, () => undefined);
  });
}
