import { describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../electron/shell/invoke-contract';
import { SessionTokens } from '../../electron/shell/session-tokens';

const session = { user: { username: 'siti' }, branch: { code: 'JKT01' }, locked: false };
const loggedIn: InvokeResult = { ok: true, result: { ...session, token: 'secret-token' } };
const unauthenticated: InvokeResult = { ok: false, error: { code: 'unauthenticated', key: 'errors.unauthenticated' } };

describe('SessionTokens', () => {
  it('keeps the login token in the main process and strips it from the result', () => {
    const tokens = new SessionTokens();
    const visible = tokens.settle(1, 'auth.login', loggedIn);
    expect(visible).toEqual({ ok: true, result: session });
    expect(JSON.stringify(visible)).not.toContain('secret-token');
    expect(tokens.tokenFor(1)).toBe('secret-token');
  });

  it('keeps one token per window', () => {
    const tokens = new SessionTokens();
    tokens.settle(1, 'auth.login', loggedIn);
    tokens.settle(2, 'auth.login', { ok: true, result: { ...session, token: 'other' } });
    expect(tokens.tokenFor(1)).toBe('secret-token');
    expect(tokens.tokenFor(2)).toBe('other');
    expect(tokens.tokenFor(3)).toBeNull();
  });

  it('leaves other results alone', () => {
    const tokens = new SessionTokens();
    tokens.settle(1, 'auth.login', loggedIn);
    const answer: InvokeResult = { ok: true, result: { token: 'not-a-session-token', rows: [] } };
    expect(tokens.settle(1, 'settings.get', answer)).toBe(answer);
    expect(tokens.tokenFor(1)).toBe('secret-token');
  });

  it('forgets the token on logout, whatever the core answered', () => {
    const tokens = new SessionTokens();
    tokens.settle(1, 'auth.login', loggedIn);
    tokens.settle(1, 'auth.logout', { ok: true, result: { ok: true } });
    expect(tokens.tokenFor(1)).toBeNull();

    tokens.settle(1, 'auth.login', loggedIn);
    tokens.settle(1, 'auth.logout', { ok: false, error: { code: 'internal', key: 'errors.internal' } });
    expect(tokens.tokenFor(1)).toBeNull();
  });

  it('forgets a token the core no longer knows', () => {
    const tokens = new SessionTokens();
    tokens.settle(1, 'auth.login', loggedIn);
    expect(tokens.settle(1, 'users.list', unauthenticated)).toBe(unauthenticated);
    expect(tokens.tokenFor(1)).toBeNull();
  });

  it('keeps the session when a second login fails (a mistyped password)', () => {
    const tokens = new SessionTokens();
    tokens.settle(1, 'auth.login', loggedIn);
    tokens.settle(1, 'auth.login', { ok: false, error: { code: 'unauthenticated', key: 'errors.invalidCredentials' } });
    expect(tokens.tokenFor(1)).toBe('secret-token');
  });

  it('keeps the session on other errors', () => {
    const tokens = new SessionTokens();
    tokens.settle(1, 'auth.login', loggedIn);
    tokens.settle(1, 'users.add', { ok: false, error: { code: 'forbidden', key: 'errors.forbidden' } });
    expect(tokens.tokenFor(1)).toBe('secret-token');
  });

  it('forgets a closed window', () => {
    const tokens = new SessionTokens();
    tokens.settle(1, 'auth.login', loggedIn);
    tokens.forget(1);
    expect(tokens.tokenFor(1)).toBeNull();
    expect(tokens.size).toBe(0);
  });
});
