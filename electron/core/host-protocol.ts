import type { ApiErrorBody } from '../../shared/api/errors';

// Messages between a transport (the Electron main process, or serve mode's HTTP server) and the
// core host, which runs off the window's thread: an Electron utility process in the desktop app,
// a worker thread in serve mode. Plain structured-clone data only.

export type Transport = 'ipc' | 'http' | 'cli';

export interface HostCall {
  kind: 'call';
  id: number;
  method: string;
  input: unknown;
  /** The session token the transport holds for this caller, or null before login. */
  token: string | null;
  transport: Transport;
}

export interface HostShutdown {
  kind: 'shutdown';
}

export type HostRequest = HostCall | HostShutdown;

export type HostResult =
  | { kind: 'result'; id: number; ok: true; result: unknown }
  | { kind: 'result'; id: number; ok: false; error: ApiErrorBody };

export type HostEvent =
  | HostResult
  /** The core opened its ledger and takes calls. */
  | { kind: 'ready'; deviceId: string | null }
  /** The core could not start (newer ledger, corrupt file, …); the message key says why. */
  | { kind: 'fatal'; error: ApiErrorBody }
  | { kind: 'closed' };

/** What the core host needs to start: where the ledger lives. */
export interface HostOptions {
  dataDir: string;
  /** Sync by itself after writes and on a timer (the desk); default true. */
  autoSync?: boolean;
  /** SERAMBI_HEADOFFICE_URL: overrides the enrolled head-office address. */
  headofficeUrl?: string | undefined;
}
