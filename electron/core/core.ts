import { join } from 'node:path';
import { createPasswordHasher } from './auth/passwords';
import { createSessionStore } from './auth/sessions';
import { createDispatcher, type DispatchCall, type DispatchResult, type Log } from './dispatch/dispatcher';
import type { CoreServices } from './dispatch/types';
import { handlers, projectors } from './handlers';
import { openLedger } from './ledger/open';
import type { Db } from './ledger/sql';
import { ensureDeviceId } from './settings/queries';

export interface CoreOptions {
  dataDir: string;
  /** Epoch milliseconds; injected so tests never wait for a real lockout or idle lock. */
  clock?: () => number;
  /** log2 of scrypt's N; tests lower it. */
  passwordCost?: number;
  log?: Log;
}

export interface Core {
  deviceId: string;
  db: Db;
  dispatch(call: DispatchCall): Promise<DispatchResult>;
  close(): Promise<void>;
}

export const LEDGER_FILE = 'ledger.sqlite';

const quiet: Log = (level, message, extra) => {
  if (level === 'error') console.error(`[serambi] ${message}`, extra ?? '');
};

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? Date.now;
  const ledger = await openLedger(join(options.dataDir, LEDGER_FILE));
  const deviceId = ensureDeviceId(ledger.db, clock());
  const services: CoreServices = {
    db: ledger.db,
    deviceId,
    clock,
    sessions: createSessionStore(),
    passwords: createPasswordHasher(options.passwordCost),
  };
  const dispatcher = createDispatcher(services, handlers, projectors, options.log ?? quiet);
  return {
    deviceId,
    db: ledger.db,
    dispatch: dispatcher.dispatch,
    close: () => ledger.close(),
  };
}
