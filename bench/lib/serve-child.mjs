// Bench-only stand-in for `serambi serve`, used while the CLI cannot serve a chosen renderer
// folder: starts serve mode the way the CLI does (TypeScript loader registered on this thread,
// the core on its worker thread) and prints the URL once it listens.
//   node bench/lib/serve-child.mjs --data DIR [--renderer DIR]
import { register } from 'tsx/esm/api';

register();
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const { startServe } = await import('../../electron/serve/start.ts');
const serve = await startServe({ dataDir: option('--data'), rendererDir: option('--renderer'), port: 0 });
console.log(`serving ${serve.url}`);
const stop = async () => {
  await serve.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
