import path from 'node:path';

// How the main process tells the core host process where the ledger lives: one argument,
// `--data-dir=<absolute path>`. Plain Node: used by main.ts to write it and by utility-entry.ts
// (which must not import 'electron') to read it.

const DATA_DIR_FLAG = '--data-dir=';

export function hostArgs(dataDir: string): string[] {
  return [`${DATA_DIR_FLAG}${dataDir}`];
}

/**
 * Reads the data folder from the host process's argv. Searched by flag rather than position:
 * what precedes the script's own arguments differs between Electron's utility process and Node.
 * Returns null unless the value is an absolute path, so a missing or mangled argument stops the
 * host instead of opening a ledger relative to some working directory.
 */
export function parseHostArgs(argv: readonly string[]): { dataDir: string } | null {
  const arg = argv.find((a) => a.startsWith(DATA_DIR_FLAG));
  const dataDir = arg?.slice(DATA_DIR_FLAG.length);
  if (!dataDir || !path.isAbsolute(dataDir)) return null;
  return { dataDir };
}

/**
 * Where the desktop app keeps its ledger: `SERAMBI_DATA` when set, else the app's userData
 * folder (`<appData>/Serambi`). The CLI's defaultDataDir (electron/cli/context.ts) names the same
 * folder, so `serambi …` on a branch PC opens the window's ledger; change both together.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, userDataDir: string): string {
  const fromEnv = env.SERAMBI_DATA?.trim();
  return path.resolve(fromEnv ? fromEnv : userDataDir);
}
