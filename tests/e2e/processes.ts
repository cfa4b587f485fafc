import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Starting and stopping the `serambi` processes the end-to-end tests drive. Whatever is started
// here is stopped by its owner (global setup's teardown, or the sync world's close).

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERAMBI = fileURLToPath(new URL('../../electron/cli/serambi.mjs', import.meta.url));
const START_TIMEOUT_MS = 90_000;

export interface Started {
  child: ChildProcess;
  /** The address the process printed once it listened, without a trailing slash. */
  url: string;
}

/**
 * Resolves the first `http://host:port` the process prints once it listens; rejects if it exits
 * or stays silent. Only host and port are taken: head office's JSON log line quotes its address.
 */
export function waitForUrl(child: ChildProcess, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /https?:\/\/[\w.-]+(?::\d+)?/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(match[0]);
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', onExit);
  });
}

/** Runs `serambi ARGS…` until it prints where it listens; stops it again if it does not. */
export async function startServing(args: string[], env: NodeJS.ProcessEnv, what: string): Promise<Started> {
  const child = spawn(process.execPath, [SERAMBI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SERAMBI_LANG: 'id', ...env },
  });
  try {
    return { child, url: await waitForUrl(child, what) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/** Runs a one-shot `serambi` command to its end; resolves its output, rejects on a non-zero exit. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERAMBI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`serambi ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

/** Asks the process to end (SIGTERM, or SIGKILL for a crash) and waits until it has. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
