import fs from 'node:fs';
import { createRequire } from 'node:module';

// Used by `npm start` (plain Node, before any window exists) to choose between the desktop
// window and serve mode. No 'electron' import: that would fail right here where the binary is
// missing.

/**
 * The path of the Electron binary, or null when the optional `electron` package is absent or
 * installed without its binary (its postinstall downloads the binary from GitHub, which some
 * networks cannot reach; the package's main then throws). Required from a CommonJS context:
 * the package's main is the binary's path as a string, not an API.
 */
export function findElectronBinary(): string | null {
  try {
    const electronPath: unknown = createRequire(import.meta.url)('electron');
    return typeof electronPath === 'string' && fs.existsSync(electronPath) ? electronPath : null;
  } catch {
    return null;
  }
}
