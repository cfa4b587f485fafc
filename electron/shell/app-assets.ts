import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { isAppLocation } from './origin';

// How an `app://serambi/…` request maps to a file of the built renderer, and the headers every
// answer carries. Plain Node, unit-tested; app-protocol.ts does the I/O.


const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers of every app:// answer, file or error. */
export function appResponseHeaders(filePath: string | null): Record<string, string> {
  return {
    'Content-Type': filePath ? contentTypeFor(filePath) : 'text/plain; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export type AssetRequest =
  /** Serve this file; when it does not exist and `spaFallback` is set, serve that instead. */
  | { kind: 'file'; path: string; spaFallback: string | null }
  | { kind: 'refused' };

/**
 * Maps a request URL to a file under `rootDir` (the built renderer). Refused: another scheme or
 * host, a path that does not decode, a NUL or backslash, and anything that would leave the root
 * once decoded (`..`, `%2e%2e`, an absolute or drive path). `/` is index.html. A last segment
 * without an extension is a client-side route (vue-router history mode): if no such file exists,
 * index.html answers it.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): AssetRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused' };
  }
  if (!isAppLocation(url)) return { kind: 'refused' };

  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused' };
  }
  if (relative.includes('\0') || relative.includes('\\')) return { kind: 'refused' };

  const segments = relative.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || s.includes(':'))) return { kind: 'refused' };

  const root = path.resolve(rootDir);
  const index = path.join(root, 'index.html');
  if (segments.length === 0) return { kind: 'file', path: index, spaFallback: null };

  const filePath = path.resolve(root, ...segments);
  const inside = path.relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { kind: 'refused' };

  const last = segments[segments.length - 1] ?? '';
  return { kind: 'file', path: filePath, spaFallback: path.extname(last) === '' ? index : null };
}
