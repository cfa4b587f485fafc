// Entry of the core's worker thread in serve mode. From source the TypeScript loader is registered
// for this thread (loaders do not follow a worker on Node 20); a bundled build runs as it is.
import { parentPort, workerData } from 'node:worker_threads';

if (import.meta.url.endsWith('.mjs') && !process.env.SERAMBI_BUNDLED) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { startHost } = await import('./host.ts');
startHost(
  {
    post: (message) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', listener),
  },
  workerData,
);
