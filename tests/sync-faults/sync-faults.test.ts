import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../headoffice/testing';
import { Harness, type RunReport } from './harness';
import { expectedUsers, readDesk, readHeadoffice, violations } from './invariants';
import { runSeed } from './prng';

// The fault harness of "Sync that loses nothing": three desks of one branch and head office, each
// in its own process, a proxy between them that drops, duplicates, delays and reorders requests
// and answers, head office SIGKILLed twice in the middle of a push, and every desk SIGKILLed
// while pushing, while applying a pull, and at a random moment, then started again on the same
// ledger. At the end every event is at head office exactly once, every desk holds every other
// desk's events exactly once, every chain verifies, and all desks show the same users: the ones
// the three seeded workloads say they must be.
//
// A failure prints its seed; SYNC_FAULT_SEED=<seed> replays the same workloads, faults and kill
// points (the interleaving of processes still varies with the machine's timing).
// SYNC_FAULT_STEPS changes the workload size (at least 5,000 events a desk by default).

const seed = runSeed();
const STEPS = Number(process.env.SYNC_FAULT_STEPS ?? 5_000);
const harnesses: Harness[] = [];

afterAll(async () => {
  // Whatever happened, nothing is left running, listening or on disk.
  for (const harness of harnesses.splice(0)) await harness.dispose();
});

describe.each(DIALECTS)('sync under faults, head office on %s', (dialect) => {
  it(`loses nothing and applies everything once (seed ${seed})`, { timeout: 150_000 }, async () => {
    console.log(`sync-faults: seed ${seed} (replay with SYNC_FAULT_SEED=${seed}), head office on ${dialect}, ${STEPS} steps a desk`);
    const harness = new Harness({
      dialect,
      seed,
      steps: STEPS,
      chunk: 25,
      pauseMs: 30,
      batchSize: 100,
      headofficeKills: 2,
      deadlineMs: 100_000,
    });
    harnesses.push(harness);
    let report: RunReport | null = null;
    try {
      report = await harness.run();
      const ho = await readHeadoffice(report.headofficeDatabaseUrl);
      const desks = report.desks.map((d) => readDesk(d.dataDir, d.deviceId));
      const found = [...report.problems, ...violations(ho, desks, expectedUsers(seed, STEPS), STEPS)];
      console.log(summary(report, desks.map((d) => d.own.length)));
      expect(found, `seed ${seed}`).toEqual([]);
      // The schedule must have happened, or the run proved less than it claims.
      expect(report.headofficeKills, `seed ${seed}`).toBe(2);
      for (const kills of report.deskKills) {
        expect(kills['push-after-answer'] + kills['push-in-flight'], `seed ${seed}`).toBeGreaterThanOrEqual(1);
        expect(kills['pull-during-apply'], `seed ${seed}`).toBeGreaterThanOrEqual(1);
      }
      for (const fault of ['drop-request', 'drop-response', 'cut-response', 'duplicate', 'delay'] as const) expect(report.faults[fault], fault).toBeGreaterThan(0);
    } catch (error) {
      if (report) console.log(summary(report, []));
      throw new Error(`sync-faults failed with seed ${seed} (replay: SYNC_FAULT_SEED=${seed}): ${(error as Error).message}`, { cause: error });
    } finally {
      await harness.dispose();
    }
  });
});

function summary(report: RunReport, own: number[]): string {
  return [
    `sync-faults ${report.dialect} seed ${report.seed}: timings (ms since start) ${JSON.stringify(report.timings)}`,
    `  events a desk: ${own.join(', ')}`,
    `  requests ${JSON.stringify(report.requests)}; faults ${JSON.stringify(report.faults)}`,
    `  head office kills ${report.headofficeKills} (${report.headofficeKillsMidPush} while handling a push); desk kills ${JSON.stringify(report.deskKills)} (${report.pullKillsBeforeCommit} pull kills before the batch committed)`,
    `  sync errors seen by desks ${JSON.stringify(report.syncErrors)}`,
    ...report.problems.map((p) => `  problem: ${p}`),
  ].join('\n');
}
