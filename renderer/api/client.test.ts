import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { createInvoke, httpTransport, ipcTransport } from './client';

function fakeFetch(status: number, body: string): { fetch: typeof fetch; calls: { url: string; init: RequestInit | undefined }[] } {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: fn, calls };
}

describe('invoke over HTTP', () => {
  it('posts the input as JSON to /api/<method> and resolves the result', async () => {
    const { fetch, calls } = fakeFetch(200, JSON.stringify({ ok: true, result: { initialized: false, branch: null, deviceId: null } }));
    const invoke = createInvoke(httpTransport(fetch));
    await expect(invoke('setup.status', {})).resolves.toEqual({ initialized: false, branch: null, deviceId: null });
    expect(calls[0]?.url).toBe('/api/setup.status');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.credentials).toBe('same-origin');
    expect(calls[0]?.init?.body).toBe('{}');
  });

  it('throws the error of a 4xx envelope as an ApiError with its fields', async () => {
    const body = { ok: false, error: { code: 'bad_input', key: 'errors.badInput', fields: [{ path: 'username', key: 'validation.username' }] } };
    const invoke = createInvoke(httpTransport(fakeFetch(400, JSON.stringify(body)).fetch));
    const error = await invoke('auth.login', { username: '!', password: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('bad_input');
    expect((error as ApiError).fields).toEqual([{ path: 'username', key: 'validation.username' }]);
  });

  it('treats a network failure or a non-JSON answer as unavailable', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(createInvoke(httpTransport(failing))('setup.status', {})).rejects.toMatchObject({ code: 'unavailable', key: 'errors.unavailable' });
    const html = fakeFetch(502, '<html>Bad gateway</html>');
    await expect(createInvoke(httpTransport(html.fetch))('setup.status', {})).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('treats a malformed envelope as internal', async () => {
    const invoke = createInvoke(httpTransport(fakeFetch(200, JSON.stringify({ hello: 1 })).fetch));
    await expect(invoke('setup.status', {})).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('invoke over the desktop bridge', () => {
  it('resolves the result and throws errors from the envelope', async () => {
    const seen: string[] = [];
    const bridge = {
      invoke: async (method: string) => {
        seen.push(method);
        return method === 'auth.lock'
          ? { ok: true, result: { ok: true } }
          : { ok: false, error: { code: 'session_locked', key: 'errors.sessionLocked' } };
      },
    };
    const invoke = createInvoke(ipcTransport(bridge));
    await expect(invoke('auth.lock', {})).resolves.toEqual({ ok: true });
    await expect(invoke('users.list', {})).rejects.toMatchObject({ code: 'session_locked' });
    expect(seen).toEqual(['auth.lock', 'users.list']);
  });

  it('treats a rejected bridge call as unavailable', async () => {
    const invoke = createInvoke(ipcTransport({ invoke: () => Promise.reject(new Error('channel closed')) }));
    await expect(invoke('auth.session', {})).rejects.toMatchObject({ code: 'unavailable' });
  });
});
