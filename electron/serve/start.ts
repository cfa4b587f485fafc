import { fileURLToPath } from 'node:url';
import { startCoreWorker } from '../core/client';
import { buildServeApp } from './server';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface RunningServe {
  url: string;
  deviceId: string | null;
  close(): Promise<void>;
}

/**
 * Serve mode: the core on a worker thread and the branch app on http://HOST:PORT. Loopback by
 * default; a branch that wants other PCs to reach it names its address on purpose.
 */
export async function startServe(options: {
  dataDir: string;
  port?: number;
  host?: string;
  rendererDir?: string;
  logger?: boolean;
}): Promise<RunningServe> {
  const core = await startCoreWorker({ dataDir: options.dataDir, headofficeUrl: process.env.SERAMBI_HEADOFFICE_URL || undefined });
  const app = await buildServeApp({ core, rendererDir: options.rendererDir ?? RENDERER_DIR, logger: options.logger ?? false });
  try {
    const url = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    return {
      url,
      deviceId: core.deviceId,
      close: async () => {
        await app.close();
        await core.close();
      },
    };
  } catch (error) {
    await core.close();
    throw error;
  }
}
