import type { InvokeResult } from './invoke-contract';

// The session token of each window, kept in the main process only. The core hands the token out
// in `auth.login`'s result; the renderer never sees it (a script injected into the page could
// otherwise read and exfiltrate it). Every later call from the same window carries it.
//
// Plain TypeScript: keyed by an opaque owner id (the webContents id), so it is unit-tested on Node.

const LOGIN = 'auth.login';
const LOGOUT = 'auth.logout';

export class SessionTokens {
  private readonly tokens = new Map<number, string>();

  tokenFor(owner: number): string | null {
    return this.tokens.get(owner) ?? null;
  }

  /**
   * Records what a call's outcome means for the owner's session and returns what the renderer
   * may see: a login's token is kept here and removed from the result; a logout forgets the token
   * whatever the core answered (the person asked to leave, so the window must not stay signed in);
   * `unauthenticated` on any other call means the core no longer knows the token (expired,
   * revoked, the ledger was restored), so it is forgotten too. A failed login leaves an existing
   * session alone: a mistyped password on the lock screen must not sign the desk out.
   */
  settle(owner: number, method: string, outcome: InvokeResult): InvokeResult {
    if (method === LOGOUT) {
      this.tokens.delete(owner);
      return outcome;
    }
    if (!outcome.ok) {
      if (outcome.error.key === 'errors.unauthenticated' && method !== LOGIN) this.tokens.delete(owner);
      return outcome;
    }
    if (method === LOGIN) return { ok: true, result: this.takeToken(owner, outcome.result) };
    return outcome;
  }

  forget(owner: number): void {
    this.tokens.delete(owner);
  }

  get size(): number {
    return this.tokens.size;
  }

  private takeToken(owner: number, result: unknown): unknown {
    if (typeof result !== 'object' || result === null || !('token' in result)) return result;
    const { token, ...visible } = result as { token: unknown } & Record<string, unknown>;
    if (typeof token === 'string' && token.length > 0) this.tokens.set(owner, token);
    else this.tokens.delete(owner);
    return visible;
  }
}
