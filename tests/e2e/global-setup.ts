import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 90_000;

/** Resolves the URL serve mode prints once it listens; rejects if it exits or stays silent. */
function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /https?:\/\/[^\s)]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Builds the renderer as it is now (serve mode would reuse a stale build), then starts
 * `serambi serve` on a port the system picks, with a fresh data folder, so every run begins at
 * the first-run setup screen. The tests find the app at SERAMBI_E2E_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error' });
  await mkdir(join(ROOT, 'tests/e2e/screenshots'), { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'serambi-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'electron/cli/serambi.mjs'), 'serve', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SERAMBI_LANG: 'id' },
  });
  try {
    process.env.SERAMBI_E2E_URL = await waitForUrl(child);
  } catch (error) {
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
  };
}
