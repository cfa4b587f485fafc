import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from '../main';
import { RENDERER_DIR } from '../../serve/start';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds the renderer with Vite into dist/renderer. */
export async function buildRenderer(quiet = false): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: `${ROOT}vite.config.ts`, logLevel: quiet ? 'error' : 'info' });
}

/** Serve mode needs the built renderer; a fresh clone gets it on first use. */
export async function ensureRendererBuilt(quiet = true): Promise<void> {
  if (!existsSync(`${RENDERER_DIR}/index.html`)) await buildRenderer(quiet);
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
