import type { ApiErrorBody } from '../../shared/api/errors';

// The one IPC channel between the preload and the main process, and what travels on it.
// Plain TypeScript (types and constants only), shared by preload.ts and ipc.ts.

export const INVOKE_CHANNEL = 'serambi:invoke';

/**
 * What `window.serambi.invoke(method, input)` resolves to. It never rejects: the renderer
 * branches on `ok`. Transport failures come back in the same shape (see the constants below),
 * so there is one thing to handle.
 */
export type InvokeResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/** The core is not running (starting, restarting after a crash, shutting down). */
export const UNAVAILABLE: ApiErrorBody = { code: 'unavailable', key: 'errors.unavailable' };
/** The call never reached the main process (its input could not be cloned for IPC). */
export const IPC_FAILED: ApiErrorBody = { code: 'internal', key: 'errors.internal' };
/** The caller is not the app's own top-level document. */
export const FORBIDDEN_SENDER: ApiErrorBody = { code: 'forbidden', key: 'errors.forbidden' };

// Method names are `capability.verb` in camelCase (`auth.login`, `payments.expect`). The shell
// checks only the shape, to keep junk out of the core's logs; the core's dispatcher is the one
// place that knows which methods exist.
const METHOD_NAME = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
const METHOD_NAME_MAX = 100;

export function isMethodNameShape(value: unknown): value is string {
  return typeof value === 'string' && value.length <= METHOD_NAME_MAX && METHOD_NAME.test(value);
}

export function badMethodName(): ApiErrorBody {
  return { code: 'bad_input', key: 'errors.badInput', fields: [{ path: 'method', key: 'errors.unknownMethod' }] };
}

/** What the preload exposes as `window.serambi`, and nothing else. */
export interface SerambiBridge {
  invoke(method: string, input?: unknown): Promise<InvokeResult>;
}
