import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseLine } from './messages';

// The harness's child processes: TypeScript run through tsx, one JSON message a line on stdout,
// commands on stdin, and an end that is always known (exit code or signal).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Child<M extends { t: string }> {
  process: ChildProcess;
  /** Resolves with the child's exit (code, signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The next message `accept` takes, seen after this call or already buffered and unread. */
  next<T extends M>(accept: (m: M) => m is T, timeoutMs: number, what: string): Promise<T>;
  send(command: object): void;
  kill(signal?: NodeJS.Signals): void;
  stderr(): string;
}

export function startChild<M extends { t: string }>(script: string, env: Record<string, string>, onMessage: (m: M) => void): Child<M> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  // A write to a child that was just killed fails with EPIPE; that is expected here.
  child.stdin!.on('error', () => {});
  const waiting: { accept: (m: M) => boolean; resolve: (m: M) => void }[] = [];
  const unread: M[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const message = parseLine<M>(line);
    if (!message) return;
    onMessage(message);
    const index = waiting.findIndex((w) => w.accept(message));
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(message);
    else unread.push(message);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    exited,
    next<T extends M>(accept: (m: M) => m is T, timeoutMs: number, what: string): Promise<T> {
      const index = unread.findIndex(accept);
      if (index >= 0) return Promise.resolve(unread.splice(index, 1)[0] as T);
      return new Promise<T>((resolve, reject) => {
        const entry = { accept, resolve: (m: M) => (clearTimeout(timer), resolve(m as T)) };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; stderr:\n${stderr}`));
        }, timeoutMs);
        waiting.push(entry);
        void exited.then(({ code, signal }) => {
          if (!waiting.includes(entry)) return;
          waiting.splice(waiting.indexOf(entry), 1);
          clearTimeout(timer);
          reject(new Error(`child exited (${code ?? signal}) while waiting for ${what}; stderr:\n${stderr}`));
        });
      });
    },
    send(command) {
      if (child.exitCode === null && child.signalCode === null) child.stdin!.write(`${JSON.stringify(command)}\n`);
    },
    kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    stderr: () => stderr,
  };
}
