import { afterEach, describe, expect, it } from 'vitest';
import { buildHeadoffice, parseTrustProxy } from './app';

describe('head office behind a reverse proxy', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it('reads SERAMBI_HO_TRUST_PROXY as true, a hop count or addresses, and trusts none when unset', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy(' ')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.1, 10.0.0.2')).toBe('10.0.0.1, 10.0.0.2');
  });

  it('takes the client address from X-Forwarded-For only when told to trust the proxy', async () => {
    for (const [trustProxy, expected] of [
      [false, '127.0.0.1'],
      // `true` believes the whole header, so the left-most address a client may have forged wins;
      // a hop count believes only the proxies nearest head office.
      [true, '198.51.100.9'],
      [1, '203.0.113.7'],
    ] as const) {
      const { app } = await buildHeadoffice({ databaseUrl: 'sqlite::memory:', adminToken: 'admin-token-for-tests-0123456789', trustProxy });
      close = () => app.close();
      app.get('/whoami', async (request) => ({ ip: request.ip }));
      const answer = await app.inject({ method: 'GET', url: '/whoami', headers: { 'x-forwarded-for': '198.51.100.9, 203.0.113.7' } });
      expect(answer.json()).toEqual({ ip: expected });
      await app.close();
      close = null;
    }
  });
});
