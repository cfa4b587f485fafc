import type { ApiErrorBody } from './errors';

/**
 * What a call resolves to on every transport. It never rejects: the caller branches on `ok`, and
 * transport failures come back in the same shape, so there is one thing to handle.
 */
export type ApiEnvelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

/** What the Electron preload exposes as `window.serambi`, and nothing else. */
export interface SerambiBridge {
  invoke(method: string, input?: unknown): Promise<ApiEnvelope>;
}
