import { protocol, type Session } from 'electron';
import fs from 'node:fs/promises';
import { appResponseHeaders, resolveAppAsset } from './app-assets';
import { APP_SCHEME } from './origin';

// The renderer is served from `app://serambi/…` rather than file://. A standard, secure scheme
// gives the page a real origin of its own (file:// pages share one with every local file), lets
// the IPC, navigation and permission checks compare against it, and lets every answer carry the
// Content-Security-Policy header (app-assets.ts).

/** Must run before the app is ready: Chromium reads scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs, a real origin, localStorage; secure: a secure context like
      // https; supportFetchAPI: the page may fetch its own assets; codeCache: V8 caches the
      // bundle between starts. Not bypassCSP, not corsEnabled, no service workers.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function answer(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders(null) });
}

async function readAsset(filePath: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Serves the built renderer in `rootDir` on the session; returns the undo. */
export function serveRenderer(session: Session, rootDir: string): () => void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method Not Allowed');
    const asset = resolveAppAsset(rootDir, request.url);
    if (asset.kind === 'refused') return answer(404, 'Not Found');
    try {
      let served = asset.path;
      let body = await readAsset(served);
      if (!body && asset.spaFallback) {
        served = asset.spaFallback;
        body = await readAsset(served);
      }
      if (!body) return answer(404, 'Not Found');
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: appResponseHeaders(served),
      });
    } catch (error) {
      console.error('[serambi] could not serve', request.url, error);
      return answer(500, 'Internal Server Error');
    }
  });
  return () => session.protocol.unhandle(APP_SCHEME);
}
