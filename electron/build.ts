import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Bundles the Electron side into CommonJS files next to each other (package.json's "main" is
// dist/electron/main.cjs; main.ts finds the other two by __dirname):
//   main.cjs       the window shell              electron/main.ts
//   preload.cjs    the sandboxed preload         electron/preload.ts
//   core-host.cjs  the core, in a utility process electron/utility-entry.ts
// .cjs because package.json says "type": "module" and Electron loads main and preload as CommonJS.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildElectron(outDir = 'dist/electron'): Promise<void> {
  const common: BuildOptions = {
    absWorkingDir: repoRoot,
    outdir: path.resolve(repoRoot, outDir),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 40 runs a newer Node than this; node22 is the floor its utility process shares.
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
  };

  await Promise.all([
    build({
      ...common,
      entryPoints: { main: 'electron/main.ts', 'core-host': 'electron/utility-entry.ts' },
      // npm packages load from node_modules at run time (native better-sqlite3 cannot be
      // bundled, and electron-builder packs production dependencies itself).
      packages: 'external',
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: { preload: 'electron/preload.ts' },
      // A sandboxed preload can require 'electron' and little else, so everything else it uses
      // is inlined (tests/electron checks the bundle requires nothing more).
      external: ['electron'],
    }),
  ]);
}
