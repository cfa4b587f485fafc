// `npm run typecheck`: the core, CLI, head office and tests with tsc; the renderer with vue-tsc.
// The window shell needs Electron's type declarations, which come with the optional `electron`
// package; where it could not be installed, the shell is left out and this says so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (bin, args) => execFileSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
const hasElectronTypes = existsSync('node_modules/electron/electron.d.ts');
if (!hasElectronTypes) {
  console.log('typecheck: the electron package is not installed; the window shell is not type-checked here.');
}
try {
  run('node_modules/typescript/bin/tsc', ['--noEmit', '-p', hasElectronTypes ? 'tsconfig.json' : 'tsconfig.no-shell.json']);
  run('node_modules/vue-tsc/bin/vue-tsc.js', ['--noEmit', '-p', 'renderer/tsconfig.json']);
} catch {
  process.exit(1);
}
