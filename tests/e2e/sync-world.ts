import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, BRANCH } from './fixtures';
import { runCli, startServing, stop, type Started } from './processes';

// The sync tests' own world: a head office (SQLite), the branch's first desk already set up, and
// a second, empty desk, each a real `serambi` process on a loopback port, in one temporary folder.
// The first desk reaches head office through a line the test can cut (a TCP relay), so "the line
// is down" is a switch, not a race against the desk's own sync timer.

export const HO_ADMIN_TOKEN = 'e2e-head-office-admin-token';

/** A TCP relay to head office: `cut()` refuses every connection and drops the open ones. */
export interface Line {
  url: string;
  target(port: number): void;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

async function openLine(targetPort: number): Promise<Line> {
  let port = targetPort;
  let up = true;
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server: Server = createServer((client) => {
    track(client);
    if (!up) return void client.destroy();
    const upstream = connect(port, '127.0.0.1');
    track(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the line has no port');
  const dropAll = () => {
    for (const socket of open) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    target: (next) => {
      port = next;
      dropAll();
    },
    cut: () => {
      up = false;
      dropAll();
    },
    restore: () => {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}

/** An address where nothing listens: a port the system gave and took back. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

const portOf = (url: string): number => Number(new URL(url).port);

export class SyncWorld {
  private constructor(
    readonly dir: string,
    /** Head office, as the test (its IT) reaches it directly. */
    public headoffice: Started,
    readonly line: Line,
    readonly deskA: Started,
    readonly deskB: Started,
    readonly deadUrl: string,
  ) {}

  static async start(): Promise<SyncWorld> {
    const dir = await mkdtemp(join(tmpdir(), 'serambi-e2e-sync-'));
    try {
      const [headoffice, deskA, deskB] = await Promise.all([
        startHeadoffice(dir, 'ho.sqlite'),
        runCli(['init', '--branch', BRANCH.code, '--admin', ADMIN.username, '--admin-name', ADMIN.displayName, '--name', BRANCH.name, '--data', join(dir, 'desk-a')], {
          SERAMBI_PASSWORD: ADMIN.password,
        }).then(() => tracked(startServing(['serve', '--data', join(dir, 'desk-a'), '--port', '0'], {}, 'desk A'))),
        tracked(startServing(['serve', '--data', join(dir, 'desk-b'), '--port', '0'], {}, 'desk B')),
      ]);
      const line = await openLine(portOf(headoffice.url));
      return new SyncWorld(dir, headoffice, line, deskA, deskB, await deadAddress());
    } catch (error) {
      await Promise.all(everyChild.map((child) => stop(child)));
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Head office's admin API, as its IT uses it. */
  async admin<T>(path: string, body: unknown): Promise<{ status: number; json: T }> {
    const response = await fetch(`${this.headoffice.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${HO_ADMIN_TOKEN}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as T };
  }

  async enrollCode(branch = BRANCH.code): Promise<string> {
    const { status, json } = await this.admin<{ code: string }>('/admin/api/enroll-codes', { branch });
    if (status !== 200) throw new Error(`enroll code: ${status}`);
    return json.code;
  }

  /** Stops head office: a clean stop (its database closed), or a crash. */
  async stopHeadoffice(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await stop(this.headoffice.child, signal);
  }

  /** Starts head office again on `database` (the same file by default) and points the line at it. */
  async startHeadoffice(database = 'ho.sqlite'): Promise<void> {
    this.headoffice = await startHeadoffice(this.dir, database);
    this.line.target(portOf(this.headoffice.url));
  }

  /** Copies head office's database (SQLite and its WAL files, where there) under another name. */
  async copyDatabase(from: string, to: string): Promise<void> {
    for (const suffix of ['', '-wal', '-shm']) {
      await rm(join(this.dir, to + suffix), { force: true });
      await copyFile(join(this.dir, from + suffix), join(this.dir, to + suffix)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }

  async close(): Promise<void> {
    await this.line.close();
    await Promise.all(everyChild.map((child) => stop(child)));
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Every process this world started, so none outlives the run, even if the worker ends abruptly. */
const everyChild: ChildProcess[] = [];
process.once('exit', () => {
  for (const child of everyChild) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function tracked(starting: Promise<Started>): Promise<Started> {
  const started = await starting;
  everyChild.push(started.child);
  return started;
}

function startHeadoffice(dir: string, database: string): Promise<Started> {
  return tracked(startServing(['headoffice', '--port', '0', '--db', `sqlite:${join(dir, database)}`, '--data', join(dir, 'headoffice')], { SERAMBI_HO_ADMIN_TOKEN: HO_ADMIN_TOKEN }, 'head office'));
}
