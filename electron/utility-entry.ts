import { startHost } from './core/host';
import type { HostEvent, HostRequest } from './core/host-protocol';
import { parseHostArgs } from './shell/host-args';

// Entry of the core host process (bundled to dist/electron/core-host.cjs): the main process
// starts it with utilityProcess.fork and talks to it over `process.parentPort`, which Electron
// puts on `process` in a utility process. No 'electron' import: the core is plain Node.

/** The part of Electron's ParentPort this file uses. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

function isHostRequest(value: unknown): value is HostRequest {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return typeof value === 'object' && value !== null && (kind === 'call' || kind === 'shutdown');
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike | null }).parentPort;
const args = parseHostArgs(process.argv);

if (!parentPort) {
  console.error('core-host: run by the Serambi window shell as an Electron utility process, not directly');
  process.exit(1);
} else if (!args) {
  console.error('core-host: missing --data-dir=<absolute path>');
  process.exit(1);
} else {
  startHost(
    {
      post(message: HostEvent) {
        parentPort.postMessage(message);
      },
      onMessage(listener: (message: HostRequest) => void) {
        parentPort.on('message', (event) => {
          if (isHostRequest(event.data)) listener(event.data);
        });
      },
    },
    // The utility process inherits the environment: SERAMBI_HEADOFFICE_URL (a branch proxy) applies here too.
    { dataDir: args.dataDir, headofficeUrl: process.env.SERAMBI_HEADOFFICE_URL || undefined },
  );
}
