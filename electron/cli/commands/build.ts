import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../main';
import { RENDERER_DIR } from '../../serve/start';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds the renderer with Vite into dist/renderer. */
export async function buildRenderer(quiet = false): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: `${ROOT}vite.config.ts`, logLevel: quiet ? 'error' : 'info' });
}

/** The newest modification time of a file under `dir` (0 when there is none, or no such folder). */
function newestUnder(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Serve mode needs the built renderer: a fresh clone gets it on first use, and a checkout whose
 * screens changed since the last build gets them rebuilt, so nobody tries yesterday's screens.
 */
export async function ensureRendererBuilt(quiet = true): Promise<void> {
  const built = `${RENDERER_DIR}/index.html`;
  if (!existsSync(built)) return buildRenderer(quiet);
  const sources = Math.max(newestUnder(`${ROOT}renderer`), newestUnder(`${ROOT}shared`), statSync(`${ROOT}vite.config.ts`).mtimeMs);
  if (sources > statSync(built).mtimeMs) await buildRenderer(quiet);
}

export async function buildDesktop(): Promise<void> {
  const { buildElectron } = await import('../../build');
  await buildElectron(`${ROOT}dist/electron`);
}

export const buildCommand: Command = {
  words: ['build'],
  usage: 'build [--quiet]   the renderer (dist/renderer) and the desktop shell (dist/electron)',
  options: { quiet: { type: 'boolean' } },
  async run({ values, io }) {
    await buildRenderer(Boolean(values.quiet));
    await buildDesktop();
    if (!values.quiet) io.out('Build selesai: dist/renderer, dist/electron');
    return 0;
  },
};
