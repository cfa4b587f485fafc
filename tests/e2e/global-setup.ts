import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT, startServing, stop } from './processes';

/**
 * Builds the renderer as it is now (serve mode would reuse a stale build), then starts
 * `serambi serve` on a port the system picks, with a fresh data folder, so every run begins at
 * the first-run setup screen. The tests find the app at SERAMBI_E2E_URL. (The sync tests start
 * their own head office and desks: see sync-world.ts.)
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error' });
  await mkdir(join(ROOT, 'tests/e2e/screenshots'), { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'serambi-e2e-'));
  let serve;
  try {
    serve = await startServing(['serve', '--data', dataDir, '--port', '0'], {}, 'serve');
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.env.SERAMBI_E2E_URL = serve.url;
  return async () => {
    await stop(serve.child);
    await rm(dataDir, { recursive: true, force: true });
  };
}
