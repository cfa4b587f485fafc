import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_TOKEN, databaseFor } from '../../headoffice/testing';
import { startChild, type Child } from './children';
import { FaultProxy, type DeskKill, type Fault, type KillContext } from './fault-proxy';
import type { DeskConfig, DeskMessage, HeadofficeMessage, SyncTally } from './messages';
import { between, streamFor, type Random } from './prng';
import { BRANCH } from './workload';

// The run: head office and three desks of one branch as child processes, the fault proxy between
// them, and the kill schedule. Kills are tied to progress (a desk's share of its workload done),
// not to the wall clock, so a replay kills at the same point of the work.

export type KillKind = DeskKill | 'anytime';

export interface HarnessOptions {
  dialect: string;
  seed: number;
  steps: number;
  chunk: number;
  pauseMs: number;
  batchSize: number;
  headofficeKills: number;
  /** How long the faulty phase may take before the run is called stuck. */
  deadlineMs: number;
}

interface PlannedKill {
  at: number;
  kind: KillKind;
  delayMs: number;
}

interface DeskState {
  index: number;
  dataDir: string;
  enrollCode: string;
  child: Child<DeskMessage> | null;
  incarnation: number;
  deviceId: string | null;
  done: number;
  workloadDone: boolean;
  killing: { kind: KillKind; context: KillContext } | null;
  plan: PlannedKill[];
  /** An anytime kill that came due while the desk was down: it happens once it is back. */
  anytimeDue: number | null;
  /** This desk's own stream for restart delays, so they do not depend on other desks' timing. */
  restarts: Random;
  kills: Record<KillKind, number>;
  halted: string[];
  fatal: string[];
  unexpectedExits: string[];
  lastTally: SyncTally | null;
  tallies: SyncTally[];
}

export interface RunReport {
  seed: number;
  dialect: string;
  timings: Record<string, number>;
  faults: Record<Fault, number>;
  requests: FaultProxy['requests'];
  headofficeKills: number;
  /** Head office kills that landed while it was handling a push (before answering it). */
  headofficeKillsMidPush: number;
  /** Pull kills after which the desk came back without the pulled batch: killed mid-apply. */
  pullKillsBeforeCommit: number;
  deskKills: Record<KillKind, number>[];
  problems: string[];
  desks: { dataDir: string; deviceId: string }[];
  headofficeDatabaseUrl: string;
  syncErrors: Record<string, number>;
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export class Harness {
  private readonly root = mkdtempSync(join(tmpdir(), 'serambi-sync-faults-'));
  private readonly proxy: FaultProxy;
  private readonly schedule: Random;
  /** Head office's downtimes and kill timing, a stream of their own. */
  private readonly headofficeFate: Random;
  private readonly desks: DeskState[] = [];
  private headoffice: Child<HeadofficeMessage> | null = null;
  private headofficeStarting: Promise<void> | null = null;
  private headofficeUrl = '';
  private headofficeKillsDone = 0;
  private headofficeKillsMidPush = 0;
  private pullKillsBeforeCommit = 0;
  private headofficeKillsAt: number[] = [];
  private database: { url: string; drop(): Promise<void> } | null = null;
  private proxyUrl = '';
  private finishing = false;
  private disposed = false;
  private readonly problems: string[] = [];
  private readonly started = Date.now();
  /** SYNC_FAULT_DEBUG=1 prints the run's timeline: kills, restarts, progress. */
  private readonly trace = process.env.SYNC_FAULT_DEBUG
    ? (what: string) => console.log(`[${String(Date.now() - this.started).padStart(6)} ms] ${what}`)
    : () => {};

  constructor(private readonly options: HarnessOptions) {
    this.schedule = streamFor(options.seed, 'kills');
    this.headofficeFate = streamFor(options.seed, 'headoffice');
    this.proxy = new FaultProxy(options.seed, {
      killDesk: (desk, kind, context) => this.killDesk(desk, kind, context),
      killHeadoffice: (pushInFlight) => this.killHeadoffice(pushInFlight),
    });
  }

  async run(): Promise<RunReport> {
    const started = Date.now();
    const timings: Record<string, number> = {};
    const mark = (name: string) => (timings[name] = Date.now() - started);
    const { options } = this;
    this.database = await databaseFor(options.dialect);
    this.proxyUrl = await this.proxy.listen();
    await this.startHeadoffice();
    mark('headofficeUp');

    // Head office dies during the busiest part of the run, each time at the next push.
    this.headofficeKillsAt = Array.from({ length: options.headofficeKills }, (_, k) => {
      const span = 0.7 / options.headofficeKills;
      return 0.15 + span * k + this.schedule() * span * 0.8;
    });
    for (let i = 0; i < 3; i++) {
      const dataDir = join(this.root, `desk-${i + 1}`);
      mkdirSync(dataDir);
      // Each desk is killed once while pushing, twice while pulling and once at any moment, at
      // seeded points between 8 % and 80 % of its workload, in a seeded order. Pull kills come
      // twice because what they test (the batch and its cursor commit together) is only hit
      // when the kill lands inside a window of a few milliseconds.
      const kinds: KillKind[] = [this.schedule() < 0.6 ? 'push-after-answer' : 'push-in-flight', 'pull-during-apply', 'pull-during-apply', 'anytime'];
      for (let k = kinds.length - 1; k > 0; k--) {
        const j = Math.floor(this.schedule() * (k + 1));
        [kinds[k], kinds[j]] = [kinds[j]!, kinds[k]!];
      }
      const points = kinds.map((_, k) => 0.08 + (0.72 / kinds.length) * (k + this.schedule() * 0.8));
      this.desks.push({
        index: i,
        dataDir,
        enrollCode: await this.enrollCode(),
        child: null,
        incarnation: 0,
        deviceId: null,
        done: 0,
        workloadDone: false,
        killing: null,
        // A pull kill lands 0-100 ms after the answer reached the desk: while it is still reading
        // the answer, applying the batch, or already asking for the next one.
        plan: kinds.map((kind, k) => ({ at: points[k]!, kind, delayMs: between(this.schedule, 0, kind === 'pull-during-apply' ? 100 : 15) })),
        restarts: streamFor(options.seed, `restarts:${i}`),
        anytimeDue: null,
        kills: { 'push-in-flight': 0, 'push-after-answer': 0, 'pull-during-apply': 0, anytime: 0 },
        halted: [],
        fatal: [],
        unexpectedExits: [],
        lastTally: null,
        tallies: [],
      });
    }
    for (const desk of this.desks) this.spawnDesk(desk);

    // The faulty phase: until every desk finished its workload and every planned kill happened.
    const deadline = Date.now() + options.deadlineMs;
    let workloadsDoneAt: number | null = null;
    while (!this.faultyPhaseOver()) {
      if (Date.now() > deadline) {
        this.problems.push(`the faulty phase did not finish in ${options.deadlineMs} ms: ${this.describeDesks()}`);
        break;
      }
      // Once no desk writes any more, a kill still waiting for a push or a pull may wait forever.
      if (this.desks.every((d) => d.workloadDone)) workloadsDoneAt ??= Date.now();
      if (workloadsDoneAt !== null && Date.now() - workloadsDoneAt > 20_000) {
        this.problems.push(`kills still pending 20 s after every workload was done: ${this.describeDesks()}`);
        break;
      }
      if (this.desks.some((d) => d.fatal.length > 0)) break;
      await sleep(50);
    }
    mark('faultsOver');

    // A clean line: every desk syncs until head office holds all it has, then pulls until
    // nothing more comes, checks its own chains and stops.
    this.finishing = true;
    this.proxy.calm();
    // A head office or desk killed just before is on its way back; wait for it.
    await waitFor(() => this.headoffice !== null && this.desks.every((d) => d.child !== null && !d.killing), 30_000, 'head office and desks back up');
    await Promise.all(this.desks.map((d) => d.child!.next((m): m is Extract<DeskMessage, { t: 'workload-done' }> => m.t === 'workload-done', 60_000, `desk ${d.index + 1} workload`)));
    for (const desk of this.desks) desk.child!.send({ cmd: 'drain' });
    const drained = await Promise.all(this.desks.map((d) => d.child!.next((m): m is Extract<DeskMessage, { t: 'drained' }> => m.t === 'drained', 60_000, `desk ${d.index + 1} drained`)));
    drained.forEach((m, i) => this.desks[i]!.tallies.push(m.sync));
    mark('drained');
    for (const desk of this.desks) desk.child!.send({ cmd: 'settle' });
    const settled = await Promise.all(this.desks.map((d) => d.child!.next((m): m is Extract<DeskMessage, { t: 'settled' }> => m.t === 'settled', 60_000, `desk ${d.index + 1} settled`)));
    settled.forEach((m, i) => {
      if (!m.verify.ok) this.problems.push(`desk ${i + 1}: audit.verify found a broken chain: ${JSON.stringify(m.verify.brokenAt)}`);
    });
    mark('settled');
    for (const desk of this.desks) desk.child!.send({ cmd: 'exit' });
    const exits = await Promise.all(this.desks.map((d) => d.child!.exited));
    exits.forEach((e, i) => {
      if (e.code !== 0) this.problems.push(`desk ${i + 1} did not stop cleanly: ${e.code ?? e.signal}`);
    });
    await this.stopHeadoffice();
    mark('stopped');

    const syncErrors: Record<string, number> = {};
    for (const desk of this.desks) {
      for (const tally of desk.tallies) for (const [key, n] of Object.entries(tally.errors)) syncErrors[key] = (syncErrors[key] ?? 0) + n;
      for (const key of desk.halted) this.problems.push(`desk ${desk.index + 1} halted: ${key}`);
      for (const error of desk.fatal) this.problems.push(`desk ${desk.index + 1} failed: ${error}`);
      for (const exit of desk.unexpectedExits) this.problems.push(`desk ${desk.index + 1} exited unexpectedly: ${exit}`);
    }
    return {
      seed: options.seed,
      dialect: options.dialect,
      timings,
      faults: { ...this.proxy.faultCounts },
      requests: { ...this.proxy.requests },
      headofficeKills: this.headofficeKillsDone,
      headofficeKillsMidPush: this.headofficeKillsMidPush,
      pullKillsBeforeCommit: this.pullKillsBeforeCommit,
      deskKills: this.desks.map((d) => ({ ...d.kills })),
      problems: this.problems,
      desks: this.desks.map((d) => ({ dataDir: d.dataDir, deviceId: d.deviceId! })),
      headofficeDatabaseUrl: this.database.url,
      syncErrors,
    };
  }

  /** Kills whatever still runs and removes every file and schema the run made. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.finishing = true;
    this.proxy.calm();
    for (const desk of this.desks) desk.child?.kill('SIGKILL');
    this.headoffice?.kill('SIGKILL');
    await Promise.all([...this.desks.map((d) => d.child?.exited), this.headoffice?.exited]);
    await this.proxy.close();
    await this.database?.drop().catch(() => undefined);
    rmSync(this.root, { recursive: true, force: true });
  }

  private faultyPhaseOver(): boolean {
    return (
      this.desks.every((d) => d.workloadDone && d.plan.length === 0 && d.anytimeDue === null && !this.proxy.isDeskKillArmed(d.index) && d.child !== null && !d.killing) &&
      this.headofficeKillsDone >= this.options.headofficeKills &&
      this.headoffice !== null
    );
  }

  private describeDesks(): string {
    return this.desks
      .map((d) => `desk ${d.index + 1}: ${d.done}/${this.options.steps} steps, kills left ${d.plan.map((p) => p.kind).join(',') || 'none'}, armed ${this.proxy.isDeskKillArmed(d.index)}`)
      .join('; ') + `; head office kills ${this.headofficeKillsDone}/${this.options.headofficeKills}`;
  }

  private async enrollCode(): Promise<string> {
    const response = await fetch(`${this.headofficeUrl}/admin/api/enroll-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ branch: BRANCH.code }),
    });
    if (!response.ok) throw new Error(`enroll code: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { code: string }).code;
  }

  private startHeadoffice(): Promise<void> {
    const child = startChild<HeadofficeMessage>(
      './headoffice-driver.ts',
      { SYNC_FAULT_HO_DB: this.database!.url, SYNC_FAULT_HO_TOKEN: ADMIN_TOKEN },
      () => {},
    );
    this.headofficeStarting = child
      .next((m): m is Extract<HeadofficeMessage, { t: 'listening' }> => m.t === 'listening', 60_000, 'head office to listen')
      .then((m) => {
        this.headoffice = child;
        this.headofficeUrl = `http://127.0.0.1:${m.port}`;
        this.proxy.target = m.port;
        this.headofficeStarting = null;
        this.trace(`head office listening on ${m.port}`);
      });
    return this.headofficeStarting;
  }

  private async stopHeadoffice(): Promise<void> {
    const child = this.headoffice;
    if (!child) return;
    this.headoffice = null;
    this.proxy.target = null;
    child.process.stdin!.end();
    const exit = await Promise.race([child.exited, sleep(10_000).then(() => null)]);
    if (!exit) child.kill('SIGKILL');
  }

  private killHeadoffice(pushInFlight: boolean): void {
    const child = this.headoffice;
    if (!child || this.finishing) return;
    this.headoffice = null;
    this.proxy.target = null;
    this.headofficeKillsDone += 1;
    if (pushInFlight) this.headofficeKillsMidPush += 1;
    this.trace(`head office killed (${pushInFlight ? 'while handling a push' : 'between requests'})`);
    child.kill('SIGKILL');
    const downtimeMs = between(this.headofficeFate, 300, 1500);
    void child.exited
      .then(async () => {
        await sleep(downtimeMs);
        if (!this.disposed && !this.headoffice && !this.headofficeStarting) await this.startHeadoffice();
      })
      .catch((error: unknown) => this.problems.push(`head office did not come back: ${(error as Error).message}`));
  }

  private spawnDesk(desk: DeskState): void {
    desk.incarnation += 1;
    const config: DeskConfig = {
      desk: desk.index,
      incarnation: desk.incarnation,
      seed: this.options.seed,
      steps: this.options.steps,
      dataDir: desk.dataDir,
      headofficeUrl: this.proxyUrl,
      enrollCode: desk.enrollCode,
      chunk: this.options.chunk,
      pauseMs: this.options.pauseMs,
      batchSize: this.options.batchSize,
    };
    desk.workloadDone = false;
    const child = startChild<DeskMessage>('./desk-driver.ts', { SYNC_FAULT_DESK: JSON.stringify(config) }, (m) => this.onDeskMessage(desk, m));
    desk.child = child;
    void child.exited.then(({ code, signal }) => {
      if (desk.child !== child) return;
      if (desk.killing && !this.disposed) {
        desk.child = null;
        desk.tallies.push(desk.lastTally ?? { rounds: 0, failed: 0, halted: null, errors: {} });
        desk.lastTally = null;
        // Back after a short, seeded while, on the same data folder, as a restarted PC would be.
        void sleep(between(desk.restarts, 100, 600)).then(() => {
          if (!this.disposed && desk.child === null) this.spawnDesk(desk);
        });
      } else if (!this.finishing) {
        desk.unexpectedExits.push(`${code ?? signal}: ${child.stderr().slice(-2000)}`);
      }
    });
  }

  private onDeskMessage(desk: DeskState, message: DeskMessage): void {
    switch (message.t) {
      case 'opened':
        // Back after a kill in the middle of a pull: did the pulled batch commit before it?
        if (desk.killing?.kind === 'pull-during-apply' && (message.pullCursor ?? 0) < (desk.killing.context.nextCursor ?? 0)) this.pullKillsBeforeCommit += 1;
        desk.killing = null;
        desk.deviceId = message.deviceId;
        this.proxy.registerDesk(message.deviceId, desk.index);
        desk.done = message.stepsDone;
        break;
      case 'ready':
        desk.done = message.stepsDone;
        this.trace(`desk ${desk.index + 1} ready (incarnation ${desk.incarnation}) at ${desk.done} steps`);
        break;
      case 'progress':
        desk.done = message.done;
        desk.lastTally = message.sync;
        break;
      case 'workload-done':
        this.trace(`desk ${desk.index + 1} workload done`);
        desk.workloadDone = true;
        desk.lastTally = message.sync;
        break;
      case 'halted':
        desk.halted.push(message.key);
        break;
      case 'fatal':
        desk.fatal.push(message.error);
        break;
      default:
        return;
    }
    this.armKills(desk);
  }

  private armKills(desk: DeskState): void {
    if (this.finishing) return;
    // Each planned kill is armed on its own once the desk's progress reaches its point: a push
    // kill and a pull kill may wait side by side, so a slow one never pushes another past the
    // end of the workload.
    for (const kill of [...desk.plan]) {
      if (desk.done / this.options.steps < kill.at) continue;
      if (kill.kind !== 'anytime' && this.proxy.isDeskKillArmed(desk.index, kill.kind === 'pull-during-apply' ? 'pull' : 'push')) continue;
      desk.plan.splice(desk.plan.indexOf(kill), 1);
      this.trace(`desk ${desk.index + 1}: ${kill.kind} kill due at ${desk.done} steps`);
      if (kill.kind === 'anytime') desk.anytimeDue = kill.delayMs;
      else this.proxy.armDeskKill(desk.index, kill.kind, kill.delayMs);
    }
    if (desk.anytimeDue !== null && !desk.killing) {
      const delayMs = desk.anytimeDue;
      desk.anytimeDue = null;
      void sleep(delayMs).then(() => {
        if (!this.killDesk(desk.index, 'anytime', {}) && !this.finishing) desk.anytimeDue = delayMs;
      });
    }
    const progress = this.desks.reduce((sum, d) => sum + d.done, 0) / (3 * this.options.steps);
    const due = this.headofficeKillsAt[this.headofficeKillsDone];
    if (due !== undefined && progress >= due && this.headoffice && !this.proxy.headofficeKillArmed) {
      this.proxy.armHeadofficeKill(0.2 + 0.9 * this.headofficeFate());
      this.trace(`head office kill armed`);
    }
  }

  private killDesk(index: number, kind: KillKind, context: KillContext): boolean {
    const desk = this.desks[index]!;
    if (!desk.child || desk.killing || this.finishing) return false;
    desk.killing = { kind, context };
    this.trace(`desk ${index + 1} killed: ${kind} at ${desk.done} steps`);
    desk.kills[kind] += 1;
    desk.child.kill('SIGKILL');
    return true;
  }
}
