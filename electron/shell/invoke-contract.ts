import type { ApiEnvelope, SerambiBridge } from '../../shared/api/bridge';
import type { ApiErrorBody } from '../../shared/api/errors';

// The one IPC channel between the preload and the main process, and what travels on it.
// Plain TypeScript (types and constants only), shared by preload.ts and ipc.ts.

export const INVOKE_CHANNEL = 'serambi:invoke';

/** What `window.serambi.invoke(method, input)` resolves to (see the constants below for transport failures). */
export type InvokeResult = ApiEnvelope;
export type { SerambiBridge };

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
