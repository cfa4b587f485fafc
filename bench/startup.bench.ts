// Start-up of the core on a ledger holding 1 million journal events: no step scans the journal;
// time to a served login page printed beside the time on an empty ledger (ratio <= 1.5).
//
// Each run is a fresh process of serve mode on a fresh copy of the ledger file (so WAL state is
// the same every time), timed from spawn until GET / (the login page) and POST /api/setup.status
// both answer. Runs alternate between the two ledgers; the median of 3 each is compared.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, LEDGER_FILE } from '../electron/core/core';
import { defineBench } from './lib/bench';
import { buildLedger, type LedgerFile } from './lib/big-ledger';
import { childLauncher, cliLauncher, REPO_DIR, timeToServed, type Launcher, type Probe } from './lib/serve';
import { formatCount, median, timed } from './lib/stats';
import { removeDir, tempDir } from './lib/temp';

const BIG_EVENTS = 1_000_000;
const RUNS = 3;

interface Page {
  /** The renderer folder to serve; undefined means serve mode's default (dist/renderer). */
  rendererDir: string | undefined;
  probes: Probe[];
  note: string;
}

const API_PROBE: Probe = {
  path: '/api/setup.status',
  init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
  accept: (body) => (JSON.parse(body) as { result?: { initialized?: boolean } }).result?.initialized === true,
};
const PAGE_PROBE: Probe = { path: '/', accept: (body) => body.includes('id="app"') };

/** The login page: the built renderer if there is one, else a build of it into a temporary folder. */
function loginPage(progress: (line: string) => void): Page {
  if (existsSync(join(REPO_DIR, 'dist/renderer/index.html'))) {
    return { rendererDir: undefined, probes: [PAGE_PROBE, API_PROBE], note: 'GET / serves dist/renderer/index.html (already built)' };
  }
  const outDir = tempDir('renderer');
  progress('dist/renderer is not built: building the renderer into a temporary folder (vite build)');
  const build = spawnSync(
    process.execPath,
    [join(REPO_DIR, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: REPO_DIR, encoding: 'utf8', timeout: 180_000 },
  );
  if (build.status === 0 && existsSync(join(outDir, 'index.html'))) {
    return { rendererDir: outDir, probes: [PAGE_PROBE, API_PROBE], note: 'GET / serves a vite build of renderer/ made for this run' };
  }
  progress(`vite build failed, measuring the API answer only:\n${build.stderr || build.error?.message}`);
  return { rendererDir: undefined, probes: [API_PROBE], note: 'the renderer did not build: timed to the API answer only (no page)' };
}

/**
 * The core alone, in this process (no module loading, no HTTP): createCore on a copy of the
 * ledger, then setup.status. The finer check that opening does not grow with the journal.
 */
async function openInProcess(ledger: LedgerFile): Promise<number> {
  const dataDir = tempDir('startup-open');
  copyFileSync(ledger.file, join(dataDir, LEDGER_FILE));
  try {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const { ms } = await timed(async () => {
        const core = await createCore({ dataDir, log: () => {} });
        const answer = await core.dispatch({ method: 'setup.status', input: {}, token: null, transport: 'cli' });
        if (!answer.ok) throw new Error(`setup.status failed: ${JSON.stringify(answer.error)}`);
        await core.close();
      });
      times.push(ms);
    }
    return median(times);
  } finally {
    removeDir(dataDir);
  }
}

function chooseLauncher(page: Page): Launcher {
  // The CLI serves dist/renderer; a renderer built elsewhere needs the bench's own child.
  const cliReady = existsSync(join(REPO_DIR, 'electron/cli/main.ts'));
  return cliReady && page.rendererDir === undefined ? cliLauncher : childLauncher(page.rendererDir);
}

export default defineBench({
  name: 'startup',
  async run(ctx) {
    const page = loginPage(ctx.progress);
    const launcher = chooseLauncher(page);

    ctx.progress('building the empty ledger and the 1M-event ledger');
    const empty = await buildLedger('startup-empty', 0, ctx.progress);
    const { value: big, ms: buildMs } = await timed(() => buildLedger('startup-1m', BIG_EVENTS - empty.events, ctx.progress));

    const once = async (ledger: LedgerFile) => {
      const dataDir = tempDir('startup-run');
      copyFileSync(ledger.file, join(dataDir, LEDGER_FILE));
      try {
        return await timeToServed(launcher, dataDir, page.probes);
      } finally {
        removeDir(dataDir);
      }
    };

    ctx.progress('warm-up start (empty ledger)');
    await once(empty);
    const times = { empty: [] as number[], big: [] as number[], emptyListen: [] as number[], bigListen: [] as number[] };
    for (let r = 1; r <= RUNS; r++) {
      const e = await once(empty);
      const b = await once(big);
      times.empty.push(e.servedMs);
      times.big.push(b.servedMs);
      times.emptyListen.push(e.listeningMs);
      times.bigListen.push(b.listeningMs);
      ctx.progress(`run ${r}/${RUNS}: empty ${e.servedMs.toFixed(0)} ms, 1M ${b.servedMs.toFixed(0)} ms`);
    }
    await openInProcess(empty); // warm-up
    const openEmpty = await openInProcess(empty);
    const openBig = await openInProcess(big);
    removeDir(big.dataDir);

    const mb = (bytes: number) => (bytes < 2 ** 20 ? `${formatCount(bytes / 1024)} KiB` : `${formatCount(bytes / 2 ** 20)} MiB`);
    ctx.info(`child: ${launcher.label}; ${page.note}`);
    ctx.info(
      `ledgers: empty = ${formatCount(empty.events)} events (${mb(empty.bytes)}), ` +
        `big = ${formatCount(big.events)} events (${mb(big.bytes)}, built in ${(buildMs / 1000).toFixed(1)} s by raw inserts)`,
    );
    const list = (values: number[]) => values.map((t) => t.toFixed(0)).join(' / ');
    ctx.info(`served, each run a fresh process: empty ${list(times.empty)} ms; 1M ${list(times.big)} ms`);
    ctx.info(`of which until listening: empty ${median(times.emptyListen).toFixed(0)} ms, 1M ${median(times.bigListen).toFixed(0)} ms`);
    ctx.info(
      `for information, not judged: the core alone in-process (createCore + setup.status, median of ${RUNS}): ` +
        `empty ${openEmpty.toFixed(1)} ms, 1M ${openBig.toFixed(1)} ms (ratio ${(openBig / openEmpty).toFixed(2)})`,
    );
    return [
      {
        name: 'start-up to served login (1M events vs empty)',
        measured: median(times.big),
        baseline: median(times.empty),
        unit: 'ms',
        target: { bound: 'atMost', ratio: 1.5 },
      },
    ];
  },
});
