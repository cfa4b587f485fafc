import { randomBytes } from 'node:crypto';
import type { Session } from '../dispatch/types';

// A desk's sessions live in the core's memory: a restart logs everyone out, which is what a shared
// counter PC wants. A session ends after 12 hours whatever happens, and locks after the branch's
// idle time (the renderer also locks on its own timer; this is the enforcement).
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;

export interface SessionStore {
  create(userId: string, now: number): Session;
  /** The live session for a token, marked locked if idle longer than `idleMs`; null if none. */
  resolve(token: string | null, now: number, idleMs: number): Session | null;
  touch(session: Session, now: number): void;
  lock(session: Session): void;
  unlock(session: Session, now: number): void;
  end(token: string): void;
  endAllFor(userId: string): void;
}

export function createSessionStore(): SessionStore {
  const sessions = new Map<string, Session>();
  return {
    create(userId, now) {
      const session: Session = { token: randomBytes(32).toString('base64url'), userId, createdAt: now, lastActivityAt: now, locked: false };
      sessions.set(session.token, session);
      return session;
    },
    resolve(token, now, idleMs) {
      if (!token) return null;
      const session = sessions.get(token);
      if (!session) return null;
      if (now - session.createdAt > SESSION_MAX_AGE_MS) {
        sessions.delete(token);
        return null;
      }
      if (now - session.lastActivityAt > idleMs) session.locked = true;
      return session;
    },
    touch(session, now) {
      session.lastActivityAt = now;
    },
    lock(session) {
      session.locked = true;
    },
    unlock(session, now) {
      session.locked = false;
      session.lastActivityAt = now;
    },
    end(token) {
      sessions.delete(token);
    },
    endAllFor(userId) {
      for (const [token, session] of sessions) if (session.userId === userId) sessions.delete(token);
    },
  };
}
