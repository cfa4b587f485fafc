import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const REPO_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./serve-child.mjs', import.meta.url));
const CLI = fileURLToPath(new URL('../../electron/cli/serambi.mjs', import.meta.url));

export interface Launcher {
  /** How the bench starts serve mode, in words for the report. */
  label: string;
  args(dataDir: string): string[];
}

/** `serambi serve`, exactly as a branch runs it (serves the built renderer in dist/renderer). */
export const cliLauncher: Launcher = {
  label: 'node electron/cli/serambi.mjs serve --data DIR --port 0',
  args: (dataDir) => [CLI, 'serve', '--data', dataDir, '--port', '0'],
};

/** The bench's own child: startServe() with a renderer folder of the bench's choosing. */
export function childLauncher(rendererDir: string | undefined): Launcher {
  return {
    label: 'node bench/lib/serve-child.mjs (startServe, as the CLI calls it)',
    args: (dataDir) => [CHILD, '--data', dataDir, ...(rendererDir ? ['--renderer', rendererDir] : [])],
  };
}

export interface Probe {
  path: string;
  init?: RequestInit;
  /** Whether the answer is the expected one (beyond a 2xx status). */
  accept?: (body: string) => boolean;
}

export interface ServedTiming {
  /** From spawn to the server printing its URL. */
  listeningMs: number;
  /** From spawn to every probe answering as expected. */
  servedMs: number;
}

const TIMEOUT_MS = 60_000;
const POLL_MS = 5;

async function answers(url: string, probe: Probe): Promise<boolean> {
  try {
    const response = await fetch(url + probe.path, probe.init);
    const body = await response.text();
    return response.ok && (probe.accept?.(body) ?? true);
  } catch {
    return false;
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within ${TIMEOUT_MS} ms:\n${output}`)), TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /https?:\/\/[^\s"']+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0].replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before it listened:\n${output}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts serve mode in a fresh process and times it until every probe answers. */
export async function timeToServed(launcher: Launcher, dataDir: string, probes: Probe[]): Promise<ServedTiming> {
  const start = performance.now();
  const child = spawn(process.execPath, launcher.args(dataDir), { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await waitForUrl(child);
    const listeningMs = performance.now() - start;
    const pending = new Set(probes);
    while (pending.size > 0) {
      for (const probe of [...pending]) if (await answers(url, probe)) pending.delete(probe);
      if (pending.size > 0) {
        if (performance.now() - start > TIMEOUT_MS) throw new Error(`serve did not answer ${[...pending].map((p) => p.path).join(', ')}`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    }
    return { listeningMs, servedMs: performance.now() - start };
  } finally {
    await stop(child);
  }
}
