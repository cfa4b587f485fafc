import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from '../main';
import { defaultDataDir, UsageError, type Io } from '../context';
import { startServe } from '../../serve/start';
import { buildDesktop, ensureRendererBuilt } from './build';

export const DEFAULT_PORT = 5170;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function portOf(value: unknown): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  return port;
}

/** Serves until SIGINT/SIGTERM, then closes the server and the ledger cleanly. */
async function serveUntilStopped(io: Io, options: { dataDir: string; port: number; host: string }): Promise<number> {
  await ensureRendererBuilt();
  const running = await startServe(options);
  io.out(`Serambi berjalan di ${running.url} (data: ${options.dataDir})`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  return 0;
}

export const serveCommand: Command = {
  words: ['serve'],
  usage: 'serve [--port N] [--host ADDRESS]   the branch app for a browser (default http://127.0.0.1:5170)',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  run: ({ values, io }) =>
    serveUntilStopped(io, {
      dataDir: (values.data as string | undefined) ?? defaultDataDir(io.env),
      port: portOf(values.port),
      host: (values.host as string | undefined) ?? '127.0.0.1',
    }),
};

export const startCommand: Command = {
  words: ['start'],
  usage: 'start   the desktop window where Electron is installed, otherwise the app for a browser',
  options: { port: { type: 'string' } },
  async run({ values, io }) {
    const { findElectronBinary } = await import('../../shell/launch');
    const electron = findElectronBinary();
    const dataDir = (values.data as string | undefined) ?? defaultDataDir(io.env);
    if (!electron) {
      io.out('Electron tidak terpasang di komputer ini; Serambi dibuka untuk peramban (browser).');
      return serveUntilStopped(io, { dataDir, port: portOf(values.port), host: '127.0.0.1' });
    }
    if (!existsSync(`${ROOT}dist/electron/main.cjs`)) await buildDesktop();
    await ensureRendererBuilt();
    const child = spawn(electron, [ROOT, ...(values.data ? [`--data=${dataDir}`] : [])], { stdio: 'inherit' });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  },
};
