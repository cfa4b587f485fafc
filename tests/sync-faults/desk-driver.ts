// One branch desk of the fault harness, in a process of its own so the test can SIGKILL it.
// It opens a real core on its data folder, joins head office (through the fault proxy), records
// its seeded workload through the real dispatcher, and syncs all along. Started again on the same
// folder after a kill, it resumes at the step its ledger says comes next.
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from '../../shared/api/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/index';
import { createCore, type Core } from '../../electron/core/core';
import { findUserByName } from '../../electron/core/auth/queries';
import { getBranch } from '../../electron/core/settings/queries';
import { countPending, getSyncState } from '../../electron/core/sync/state';
import type { DeskCommand, DeskConfig, DeskMessage, SyncTally } from './messages';
import { between, streamFor } from './prng';
import { ADMIN, BRANCH, passwordOf, planFor, STEP_TYPES, type Step } from './workload';

const config = JSON.parse(process.env.SYNC_FAULT_DESK ?? '') as DeskConfig;
const say = (message: DeskMessage) => process.stdout.write(`${JSON.stringify(message)}\n`);

// Commands are read from the start and queued, so none is lost before the desk asks for one; the
// test closes stdin when it is done with this desk, or when it dies: never outlive it.
const queued: DeskCommand[] = [];
let wake: (() => void) | null = null;
createInterface({ input: process.stdin })
  .on('line', (line) => {
    queued.push(JSON.parse(line) as DeskCommand);
    wake?.();
  })
  .on('close', () => process.exit(0));
async function nextCommand(): Promise<DeskCommand> {
  while (queued.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  return queued.shift()!;
}

async function main(): Promise<void> {
  const core = await createCore({
    dataDir: config.dataDir,
    passwordCost: 10,
    log: () => {},
    autoSync: false,
    sync: { batchSize: config.batchSize },
  });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, token: string | null = null): Promise<MethodOutput<M>> => {
    const answer = await core.dispatch({ method, input, token, transport: 'cli' });
    if (!answer.ok) throw ApiError.from(answer.error);
    return answer.result as MethodOutput<M>;
  };
  const login = async (username: string) =>
    (await call('auth.login', { username, password: username === ADMIN.username ? ADMIN.password : passwordOf(username) })).token;
  const stepsDone = () => countStepsDone(core);
  const opened = getSyncState(core.db);
  say({ t: 'opened', deviceId: core.deviceId, stepsDone: stepsDone(), pullCursor: opened?.pullCursor ?? null, pushedUpto: opened?.pushedUpto ?? null });

  if (!opened) {
    if (config.desk === 0) {
      // The branch's first desk is set up here and then joins head office.
      if (!getBranch(core.db)) {
        await call('setup.init', { branch: BRANCH, admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password } });
      }
      await call('sync.enroll', { headofficeUrl: config.headofficeUrl, code: config.enrollCode }, await login(ADMIN.username));
    } else {
      // The others join before setup and get their branch and its admin by pull.
      await call('sync.enroll', { headofficeUrl: config.headofficeUrl, code: config.enrollCode });
    }
  }

  const tally: SyncTally = { rounds: 0, failed: 0, halted: null, errors: {} };
  const random = streamFor(config.seed, `desk-loop:${config.desk}:${config.incarnation}`);
  const syncRound = async () => {
    try {
      const round = await core.sync.syncOnce();
      tally.rounds += 1;
      return round;
    } catch (error) {
      tally.failed += 1;
      const key = error instanceof ApiError ? `${error.key}${error.params?.code ? `:${error.params.code}` : ''}` : String(error);
      tally.errors[key] = (tally.errors[key] ?? 0) + 1;
      if (error instanceof ApiError && error.key.startsWith('sync.halted') && tally.halted === null) {
        tally.halted = error.key;
        say({ t: 'halted', key: error.key });
      }
      return null;
    }
  };
  let looping = true;
  const loop = (async () => {
    while (looping) {
      await syncRound();
      await sleep(10 + Math.floor(random() * 40));
    }
  })();

  while (!getBranch(core.db) || !findUserByName(core.db, ADMIN.username)) await sleep(25);
  say({ t: 'ready', deviceId: core.deviceId, stepsDone: stepsDone() });
  const tokens = new Map<string, string>([[ADMIN.username, await login(ADMIN.username)]]);
  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await login(username));
    return tokens.get(username)!;
  };

  const plan = planFor(config.seed, config.desk, config.steps);
  const workRandom = streamFor(config.seed, `desk-pace:${config.desk}:${config.incarnation}`);
  for (let done = stepsDone(); done < plan.length; done = stepsDone()) {
    const first = plan[done]!;
    if (first.kind === 'create') {
      // Hashing the password is asynchronous work before the write: run creations one by one so
      // the ledger's order of steps is the plan's order.
      await runStep(first, tokens.get(ADMIN.username)!);
    } else {
      // Calls without asynchronous preparation queue in call order and share one group commit:
      // a kill keeps a whole chunk or none of it, so what is done is always a prefix of the plan.
      const chunk: Step[] = [];
      for (const step of plan.slice(done, done + config.chunk)) {
        if (step.kind === 'create') break;
        chunk.push(step);
      }
      // A locale is set by the user themself: log them in first (a login is an event, not a step).
      for (const step of chunk) if (step.kind === 'locale') await tokenOf(step.username);
      await Promise.all(chunk.map((step) => runStep(step, tokens.get(step.kind === 'locale' ? step.username : ADMIN.username)!)));
    }
    say({ t: 'progress', done: stepsDone(), of: plan.length, sync: tally });
    // A desk writes in bursts: now and then it stays idle long enough for its sync to catch up
    // and pull (while it writes without pause, pushing its own backlog comes first).
    await sleep(workRandom() < 0.05 ? between(workRandom, 300, 600) : config.pauseMs);
  }
  say({ t: 'workload-done', own: ownEvents(core), sync: tally });

  async function runStep(step: Step, token: string): Promise<void> {
    switch (step.kind) {
      case 'create':
        await call('users.create', { username: step.username, displayName: step.displayName, roles: step.roles, password: step.password }, token);
        return;
      case 'rename':
        await call('users.update', { username: step.username, displayName: step.displayName }, token);
        return;
      case 'roles':
        await call('users.update', { username: step.username, roles: step.roles }, token);
        return;
      case 'locale':
        await call('auth.setLocale', { locale: step.locale }, token);
        return;
      case 'disable':
        await call('users.setDisabled', { username: step.username, disabled: step.disabled }, token);
        return;
    }
  }

  for (;;) {
    const command = await nextCommand();
    if (command.cmd === 'drain') {
      looping = false;
      await loop;
      // Faults are off now: sync until head office has acknowledged everything of this desk.
      for (;;) {
        const round = await syncRound();
        if (round && round.pending === 0) break;
        await sleep(20);
      }
      say({ t: 'drained', own: ownEvents(core), pending: countPending(core.db, core.deviceId, getSyncState(core.db)!.pushedUpto), sync: tally });
    } else if (command.cmd === 'settle') {
      // Every desk has drained: pull until a round brings nothing more.
      let round = await syncRound();
      while (!round || round.pulled > 0 || round.pending > 0) round = await syncRound();
      const verify = await call('audit.verify', {}, tokens.get(ADMIN.username)!);
      say({ t: 'settled', pulledLast: round.pulled, verify });
    } else {
      looping = false;
      await loop;
      await core.close();
      process.exit(0);
    }
  }
}

function ownEvents(core: Core): number {
  return (core.db.prepare(`SELECT count(*) AS n FROM journal WHERE device_id = ?`).get(core.deviceId) as { n: number }).n;
}

/** Steps of the plan this desk's ledger already holds: each step recorded one STEP_TYPES event. */
function countStepsDone(core: Core): number {
  const row = core.db
    .prepare(
      `SELECT count(*) AS n FROM journal WHERE device_id = ? AND type IN (${STEP_TYPES.map(() => '?').join(', ')})
         AND NOT (type = 'user.created' AND json_extract(payload, '$.username') = ?)`,
    )
    .get(core.deviceId, ...STEP_TYPES, ADMIN.username) as { n: number };
  return row.n;
}

main().catch((error: unknown) => {
  say({ t: 'fatal', error: error instanceof ApiError ? JSON.stringify(error.toBody()) : String((error as Error).stack ?? error) });
  process.exit(1);
});
