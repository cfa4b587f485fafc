import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { between, streamFor, type Random } from './prng';

// The line between the branch desks and head office, and everything that goes wrong on it. Each
// desk's requests draw their fate from that desk's own seeded stream, so the n-th request of a
// desk meets the same fault in a replay however the three desks interleave:
//   drop-request   never forwarded; the desk's connection is cut
//   drop-response  forwarded and applied, then the connection is cut before the answer
//                  ("applied but not acknowledged")
//   duplicate      forwarded twice, the copy up to a second later, so it can land after the
//                  desk's next requests (a stale replay, reordered)
//   cut-response   forwarded and applied, then half the answer's body is sent and the
//                  connection cut (the desk has a status and headers, but no whole body)
//   delay          held 0-300 ms before forwarding, which reorders desks against each other
// It is also where the kills are timed: it knows when a desk's push is at head office, when a
// pull answer carrying events reaches a desk, and when head office is in the middle of a push.

export type Fault = 'pass' | 'drop-request' | 'drop-response' | 'cut-response' | 'duplicate' | 'delay';
export type DeskKill = 'push-in-flight' | 'push-after-answer' | 'pull-during-apply';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Send only this many bytes of the body, then cut the connection. */
  cutAfter?: number;
}

/** What the desk had been told when it was killed: the answer's cursor or high-water mark. */
export interface KillContext {
  nextCursor?: number;
  highWaterMark?: number;
}

export interface ProxyHooks {
  /** False when the desk could not be killed (already down): the kill is armed again. */
  killDesk(desk: number, kind: DeskKill, context: KillContext): boolean;
  /** `pushInFlight`: head office had not answered the push it was handling when it died. */
  killHeadoffice(pushInFlight: boolean): void;
}

export class FaultProxy {
  /** Head office's port while it runs; null while it is down (requests are cut). */
  target: number | null = null;
  faults = true;
  readonly faultCounts: Record<Fault, number> = { pass: 0, 'drop-request': 0, 'drop-response': 0, 'cut-response': 0, duplicate: 0, delay: 0 };
  readonly requests = { push: 0, pull: 0, other: 0, cutByHeadofficeDown: 0 };
  private readonly desks = new Map<string, number>();
  private readonly streams = new Map<number, Random>();
  /** Armed desk kills by `${desk}:push` and `${desk}:pull`: one of each may wait at a time. */
  private readonly armedDesk = new Map<string, { kind: DeskKill; delayMs: number }>();
  /** Slots whose kill has been triggered and is about to happen: still counted as armed. */
  private readonly firing = new Set<string>();
  private armedHeadoffice: { fraction: number } | null = null;
  private headofficeKillTimed = false;
  /** Recent push round trips at head office, to time its kill inside one. */
  private readonly pushTimes: number[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | null = null;

  constructor(
    private readonly seed: number,
    private readonly hooks: ProxyHooks,
  ) {}

  async listen(): Promise<string> {
    const server = createServer((req, res) => {
      void this.handle(req).then(
        (answer) => {
          if (!answer) return req.socket.destroy();
          res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
          if (answer.cutAfter === undefined) return res.end(answer.body);
          res.write(answer.body.subarray(0, answer.cutAfter), () => req.socket.destroy());
        },
        () => req.socket.destroy(),
      );
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  registerDesk(deviceId: string, desk: number): void {
    this.desks.set(deviceId, desk);
  }

  /** The desk dies at its next push (or next pull that brings events), timed as `kind` says. */
  armDeskKill(desk: number, kind: DeskKill, delayMs: number): void {
    this.armedDesk.set(`${desk}:${kind === 'pull-during-apply' ? 'pull' : 'push'}`, { kind, delayMs });
  }

  isDeskKillArmed(desk: number, phase?: 'push' | 'pull'): boolean {
    const armed = (slot: string) => this.armedDesk.has(slot) || this.firing.has(slot);
    return phase ? armed(`${desk}:${phase}`) : armed(`${desk}:push`) || armed(`${desk}:pull`);
  }

  /**
   * Head office dies while it handles the next push: after `fraction` of a typical push's
   * round trip, so most often in the middle of applying or committing it.
   */
  armHeadofficeKill(fraction: number): void {
    this.armedHeadoffice = { fraction };
  }

  /** Armed, or timed and about to happen. */
  get headofficeKillArmed(): boolean {
    return this.armedHeadoffice !== null || this.headofficeKillTimed;
  }

  /** From here on the line is clean: no faults, no kills. */
  calm(): void {
    this.faults = false;
    this.armedDesk.clear();
    this.firing.clear();
    this.armedHeadoffice = null;
  }

  private killOrRearm(slot: string, desk: number, armed: { kind: DeskKill; delayMs: number }, context: KillContext): void {
    this.firing.delete(slot);
    if (!this.hooks.killDesk(desk, armed.kind, context) && this.faults && !this.armedDesk.has(slot)) this.armedDesk.set(slot, armed);
  }

  private streamOf(desk: number): Random {
    let stream = this.streams.get(desk);
    if (!stream) this.streams.set(desk, (stream = streamFor(this.seed, `proxy:${desk}`)));
    return stream;
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private async handle(req: IncomingMessage): Promise<Answer | null> {
    const body = await readBody(req);
    const path = req.url ?? '/';
    const phase = path === '/sync/push' ? 'push' : path === '/sync/pull' ? 'pull' : null;
    this.requests[phase ?? 'other'] += 1;
    const deviceId = /^Bearer ([0-9a-f-]{36})\./.exec(req.headers.authorization ?? '')?.[1];
    const desk = deviceId === undefined ? undefined : this.desks.get(deviceId);
    // Enrollment and anything unknown pass untouched: the harness is about push and pull. A lost
    // enrollment answer has its own test (enroll-lost-answer.test.ts).
    if (!phase || desk === undefined || !this.faults) return this.forward(req, body);

    const slot = `${desk}:${phase}`;
    const armed = this.armedDesk.get(slot);
    if (armed && phase === 'push') {
      this.armedDesk.delete(slot);
      this.firing.add(slot);
      const answer = this.forward(req, body);
      if (armed.kind === 'push-in-flight') this.killOrRearm(slot, desk, armed, {});
      const answered = await answer.catch(() => null);
      if (armed.kind === 'push-after-answer') this.killOrRearm(slot, desk, armed, { highWaterMark: parse(answered)?.highWaterMark });
      return null;
    }
    if (armed && phase === 'pull') {
      const answer = await this.forward(req, body);
      const pulled = parse(answer);
      if (pulled?.events && pulled.events.length > 0 && this.armedDesk.get(slot) === armed) {
        this.armedDesk.delete(slot);
        this.firing.add(slot);
        this.later(armed.delayMs, () => this.killOrRearm(slot, desk, armed, { nextCursor: pulled.nextCursor }));
      }
      return answer;
    }
    if (this.armedHeadoffice && phase === 'push') {
      const { fraction } = this.armedHeadoffice;
      this.armedHeadoffice = null;
      const sorted = [...this.pushTimes].sort((a, b) => a - b);
      const typical = sorted[Math.floor(sorted.length / 2)] ?? 20;
      let answered = false;
      this.headofficeKillTimed = true;
      this.later(Math.floor(fraction * typical), () => {
        this.headofficeKillTimed = false;
        this.hooks.killHeadoffice(!answered);
      });
      return this.forward(req, body).finally(() => (answered = true));
    }

    // Three draws a request whatever the outcome, so a desk's stream stays aligned across runs.
    const random = this.streamOf(desk);
    const roll = random();
    const delayMs = between(random, 0, 300);
    const copyDelayMs = between(random, 0, 1000);
    const fault: Fault =
      roll < 0.06 ? 'drop-request' : roll < 0.12 ? 'drop-response' : roll < 0.15 ? 'cut-response' : roll < 0.22 ? 'duplicate' : roll < 0.37 ? 'delay' : 'pass';
    this.faultCounts[fault] += 1;
    switch (fault) {
      case 'drop-request':
        return null;
      case 'drop-response':
        await this.forward(req, body);
        return null;
      case 'cut-response': {
        const answer = await this.forward(req, body);
        return { ...answer, cutAfter: Math.floor(answer.body.length / 2) };
      }
      case 'duplicate':
        this.later(copyDelayMs, () => void this.forward(req, body).catch(() => null));
        return this.forward(req, body);
      case 'delay':
        await new Promise<void>((resolve) => this.later(delayMs, resolve));
        return this.forward(req, body);
      case 'pass':
        return this.forward(req, body);
    }
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<Answer> {
    const port = this.target;
    if (port === null) {
      this.requests.cutByHeadofficeDown += 1;
      return Promise.reject(new Error('head office is down'));
    }
    const started = Date.now();
    const answer = new Promise<Answer>((resolve, reject) => {
      const headers = { ...req.headers, host: `127.0.0.1:${port}`, 'content-length': String(body.length), connection: 'close' };
      const outgoing = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers }, (response) => {
        readBody(response).then(
          (answer) =>
            resolve({
              status: response.statusCode ?? 502,
              headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') },
              body: answer,
            }),
          reject,
        );
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    if (req.url === '/sync/push') {
      void answer.then(() => {
        this.pushTimes.push(Date.now() - started);
        if (this.pushTimes.length > 50) this.pushTimes.shift();
      }, () => undefined);
    }
    return answer;
  }
}

function parse(answer: Answer | null): { events?: unknown[]; nextCursor?: number; highWaterMark?: number } | null {
  if (!answer || answer.status !== 200) return null;
  try {
    return JSON.parse(answer.body.toString()) as { events?: unknown[]; nextCursor?: number; highWaterMark?: number };
  } catch {
    return null;
  }
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.on('aborted', () => reject(new Error('aborted')));
  });
}
