import { homedir } from 'node:os';
import { join } from 'node:path';
import { ApiError, type ApiErrorBody } from '../../shared/api/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/index';
import { describeError, type Locale } from '../../shared/i18n/translate';
import { createCore, type Core } from '../core/core';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** A refusal the CLI itself raises (a missing flag, an unknown command): exit 2. */
export class UsageError extends Error {}

export interface Io {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export function cliLocale(env: NodeJS.ProcessEnv): Locale {
  const wanted = env.SERAMBI_LANG ?? '';
  return wanted.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** Where the desktop app keeps its data, the same folder Electron's userData names. */
export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  if (env.SERAMBI_DATA) return env.SERAMBI_DATA;
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Serambi');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Serambi');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Serambi');
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.badInput;
  if (error instanceof ApiError && error.code === 'bad_input') return EXIT.badInput;
  return EXIT.failure;
}

export function errorLine(locale: Locale, error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (error instanceof ApiError) return describeError(locale, error.toBody() as ApiErrorBody);
  return (error as Error)?.message ?? String(error);
}

/** An in-process core for one CLI command, with the caller's session once `authenticate` ran. */
export interface CliSession {
  core: Core;
  token: string | null;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  authenticate(): Promise<void>;
  close(): Promise<void>;
}

export async function openCliSession(dataDir: string, env: NodeJS.ProcessEnv): Promise<CliSession> {
  const core = await createCore({ dataDir, headofficeUrl: env.SERAMBI_HEADOFFICE_URL || undefined });
  const session: CliSession = {
    core,
    token: null,
    async call(method, input) {
      const answer = await core.dispatch({ method, input, token: session.token, transport: 'cli' });
      if (!answer.ok) throw ApiError.from(answer.error);
      return answer.result as never;
    },
    async authenticate() {
      const username = env.SERAMBI_USER;
      const password = env.SERAMBI_PASSWORD;
      if (!username || !password) throw new UsageError('SERAMBI_USER and SERAMBI_PASSWORD must be set');
      session.token = (await session.call('auth.login', { username, password })).token;
    },
    close: () => core.close(),
  };
  return session;
}
