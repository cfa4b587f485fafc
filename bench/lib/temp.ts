import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Temporary folders for one bench run: all removed when the process exits, however it exits.
const made: string[] = [];

function removeAll(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

process.on('exit', removeAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeAll();
    process.exit(130);
  });
}

export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `serambi-bench-${label}-`));
  made.push(dir);
  return dir;
}

/** Removes one folder early (big ledgers should not wait for the end of the run). */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const i = made.indexOf(dir);
  if (i >= 0) made.splice(i, 1);
}
