import { join } from 'node:path';
import { createPasswordHasher } from './auth/passwords';
import { createSessionStore } from './auth/sessions';
import { createDispatcher, type DispatchCall, type DispatchResult, type Log } from './dispatch/dispatcher';
import type { CoreServices } from './dispatch/types';
import { handlers, projectors } from './handlers';
import { openLedger } from './ledger/open';
import type { Db } from './ledger/sql';
import { ensureDeviceId } from './settings/queries';
import { emitEvent } from './ledger/emit';
import { matchFedCredits } from './payments/matching-run';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './sync/engine';

export interface CoreOptions {
  dataDir: string;
  /** Epoch milliseconds; injected so tests never wait for a real lockout or idle lock. */
  clock?: () => number;
  /** log2 of scrypt's N; tests lower it. */
  passwordCost?: number;
  log?: Log;
  /** Runs sync by itself (after writes, on a timer); the CLI syncs only when asked. */
  autoSync?: boolean;
  /** Overrides the enrolled head-office address (SERAMBI_HEADOFFICE_URL). */
  headofficeUrl?: string | undefined;
  fetch?: typeof fetch;
  sync?: Partial<Pick<SyncEngineOptions, 'batchSize' | 'intervalMs' | 'debounceMs' | 'random'>>;
}

export interface Core {
  deviceId: string;
  db: Db;
  sync: SyncEngine;
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
  const sync = createSyncEngine({
    db: ledger.db,
    deviceId,
    projectors,
    clock,
    headofficeUrl: options.headofficeUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...options.sync,
    // Bank-feed mutations arrive by pull; the desk head office named decides them at once.
    afterPull: () => {
      const source = { db: ledger.db, deviceId, projectors };
      ledger.db
        .transaction(() => matchFedCredits({ db: ledger.db, emit: (type, payload) => emitEvent(source, null, clock(), type, payload) }, deviceId, clock()))
        .immediate();
    },
  });
  const services: CoreServices = {
    db: ledger.db,
    deviceId,
    clock,
    sessions: createSessionStore(),
    passwords: createPasswordHasher(options.passwordCost),
    sync,
    env: { headofficeUrl: options.headofficeUrl, fetch: options.fetch },
  };
  const dispatcher = createDispatcher(services, handlers, projectors, options.log ?? quiet, () => {
    if (options.autoSync) sync.notifyLocalWrite();
  });
  if (options.autoSync) sync.start();
  return {
    deviceId,
    db: ledger.db,
    sync,
    dispatch: dispatcher.dispatch,
    close: async () => {
      sync.dispose();
      await sync.idle();
      await ledger.close();
    },
  };
}
