import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import type { ApiEnvelope } from '../../shared/api/bridge';
import { ApiError, isApiErrorBody } from '../../shared/api/errors';

/** What both transports resolve: the desktop bridge directly, serve mode as the HTTP body. */
export type { ApiEnvelope };

/** Sends one call and resolves whatever came back; the envelope is checked by `createInvoke`. */
export type Transport = (method: MethodName, input: unknown) => Promise<unknown>;

export type Invoke = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
}

export function ipcTransport(bridge: Bridge): Transport {
  return (method, input) => bridge.invoke(method, input);
}

export function httpTransport(fetchFn: typeof fetch = (...args) => fetch(...args)): Transport {
  return async (method, input) => {
    const response = await fetchFn(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
      // The session is an HttpOnly cookie the server sets; this code never sees a token.
      credentials: 'same-origin',
    });
    // Errors come as 4xx/5xx with the same envelope; anything that is not JSON (a proxy's error
    // page, a dropped connection) means the desk cannot reach its core.
    return response.json().catch(() => {
      throw unavailable();
    });
  };
}

function unavailable(): ApiError {
  return new ApiError('unavailable', 'errors.unavailable');
}

function unwrap(envelope: unknown): unknown {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    if (envelope.ok === true && 'result' in envelope) return envelope.result;
    if (envelope.ok === false && 'error' in envelope && isApiErrorBody(envelope.error)) {
      throw ApiError.from(envelope.error);
    }
  }
  throw new ApiError('internal', 'errors.internal');
}

export function createInvoke(transport: Transport): Invoke {
  return async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    let envelope: unknown;
    try {
      envelope = await transport(method, input);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw unavailable();
    }
    return unwrap(envelope) as MethodOutput<M>;
  };
}

/** The desktop app's bridge when the preload gave us one, otherwise serve mode's HTTP. */
export function defaultTransport(): Transport {
  const bridge = typeof window === 'undefined' ? undefined : window.serambi;
  return bridge && typeof bridge.invoke === 'function' ? ipcTransport(bridge) : httpTransport();
}

/** Calls one contract method; resolves its output or throws an `ApiError`. */
export function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return createInvoke(defaultTransport())(method, input);
}
