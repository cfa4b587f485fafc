import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { main } from './main';

// The CLI tests' harness: a fresh data folder per test, and `run` calling main() in-process with
// that folder, collecting what it prints.

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export function useCliDataDir(prefix: string): { dir(): string; run(argv: string[], env?: Record<string, string>): Promise<CliRun> } {
  let dataDir = '';
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    dir: () => dataDir,
    async run(argv, env = {}) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main([...argv, '--data', dataDir], { out: (l) => out.push(l), err: (l) => err.push(l), env });
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
  };
}
