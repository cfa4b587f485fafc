import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { HostShutdown } from '../core/host-protocol';
import { HostClient } from './host-client';
import { hostArgs } from './host-args';
import { UNAVAILABLE, type InvokeResult } from './invoke-contract';

// The core (ledger, sync, every handler) runs in an Electron utility process: better-sqlite3 is
// synchronous, and a 100k-row import on the main process would freeze the window and its IPC.
// This class starts it, forwards calls, restarts it on request, and stops it on quit.

export interface CoreProcessOptions {
  /** Absolute path of the bundled host (dist/electron/core-host.cjs). */
  modulePath: string;
  dataDir: string;
  /** The process died without being asked to (a crash, an out-of-memory kill). */
  onUnexpectedExit(code: number): void;
  /** The core said why it cannot start (newer ledger, corrupt file, …). */
  onFatal(error: ApiErrorBody): void;
}

/** How long a shutdown may take to close the ledger before the process is killed. */
export const SHUTDOWN_GRACE_MS = 3000;

/** One forked host process and what the shell knows about it. */
interface Instance {
  child: UtilityProcess;
  client: HostClient;
  exited: boolean;
  /** Set once the shell asked it to stop: its exit is then expected. */
  stopping: Promise<void> | null;
}

export class CoreProcess {
  // Kept after the process exits: its client answers calls with `unavailable`, or with the
  // fatal error when the core said why it could not start, until a restart replaces it.
  private instance: Instance | null = null;

  constructor(private readonly options: CoreProcessOptions) {}

  get running(): boolean {
    return this.instance !== null && !this.instance.exited && this.instance.stopping === null;
  }

  start(): void {
    if (this.running) return;
    const child = utilityProcess.fork(this.options.modulePath, hostArgs(this.options.dataDir), {
      serviceName: 'Serambi core',
      stdio: 'inherit',
    });
    const client = new HostClient((message) => child.postMessage(message));
    const instance: Instance = { child, client, exited: false, stopping: null };
    this.instance = instance;

    child.on('message', (message: unknown) => {
      client.receive(message);
      const kind = (message as { kind?: unknown } | null)?.kind;
      if (kind === 'fatal' && client.fatal) this.options.onFatal(client.fatal);
      // The host has closed its ledger: nothing left to lose, so do not wait for it to exit.
      if (kind === 'closed') child.kill();
    });
    child.on('exit', (code) => {
      instance.exited = true;
      client.disconnect();
      if (instance.stopping === null && client.fatal === null) this.options.onUnexpectedExit(code);
    });
  }

  call(method: string, input: unknown, token: string | null): Promise<InvokeResult> {
    if (!this.instance) return Promise.resolve({ ok: false, error: UNAVAILABLE });
    return this.instance.client.call(method, input, token);
  }

  /** Asks the host to close its ledger, waits up to SHUTDOWN_GRACE_MS, then kills it. */
  stop(): Promise<void> {
    const instance = this.instance;
    if (!instance || instance.exited) return Promise.resolve();
    instance.stopping ??= stopInstance(instance);
    return instance.stopping;
  }

  async restart(): Promise<void> {
    await this.stop();
    this.start();
  }
}

async function stopInstance({ child, client }: Instance): Promise<void> {
  // A host that failed to start has no ledger open and no longer answers.
  if (client.state === 'failed') {
    child.kill();
    return;
  }
  const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
  try {
    const shutdown: HostShutdown = { kind: 'shutdown' };
    child.postMessage(shutdown);
  } catch (error) {
    console.warn('[serambi] could not ask the core to shut down:', error);
  }
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS);
  });
  const outcome = await Promise.race([exited, graceOver]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    console.warn('[serambi] the core did not stop in time; killing it');
    child.kill();
  }
}
