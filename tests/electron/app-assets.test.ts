import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, contentTypeFor, resolveAppAsset } from '../../electron/shell/app-assets';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const root = path.resolve('/srv/serambi/dist/renderer');
const index = path.join(root, 'index.html');

describe('resolveAppAsset', () => {
  it('serves index.html at the root', () => {
    expect(resolveAppAsset(root, 'app://serambi/')).toEqual({ kind: 'file', path: index, spaFallback: null });
    expect(resolveAppAsset(root, 'app://serambi')).toEqual({ kind: 'file', path: index, spaFallback: null });
  });

  it('serves files under the root, ignoring query and hash', () => {
    expect(resolveAppAsset(root, 'app://serambi/assets/index-4f2a.js?v=1#x')).toEqual({
      kind: 'file',
      path: path.join(root, 'assets', 'index-4f2a.js'),
      spaFallback: null,
    });
  });

  it('decodes escaped names', () => {
    expect(resolveAppAsset(root, 'app://serambi/assets/logo%20bank.svg')).toMatchObject({
      path: path.join(root, 'assets', 'logo bank.svg'),
    });
  });

  it('falls back to index.html for client-side routes (no extension)', () => {
    expect(resolveAppAsset(root, 'app://serambi/complaints/overdue')).toEqual({
      kind: 'file',
      path: path.join(root, 'complaints', 'overdue'),
      spaFallback: index,
    });
  });

  it.each([
    // URL parsing already collapses dot segments (escaped ones too), as Chromium does: the
    // request lands inside the root.
    ['app://serambi/../secret.txt', 'secret.txt'],
    ['app://serambi/%2e%2e/secret.txt', 'secret.txt'],
    ['app://serambi/assets/%2e%2e/%2e%2e/secret.txt', 'secret.txt'],
    ['app://serambi/./index.html', 'index.html'],
    // An escaped slash is a slash once decoded, still under the root.
    ['app://serambi/%2Fetc%2Fpasswd', 'etc/passwd'],
  ])('keeps %s inside the root', (url, inside) => {
    expect(resolveAppAsset(root, url)).toMatchObject({ kind: 'file', path: path.join(root, ...inside.split('/')) });
  });

  it.each([
    // Dot segments that only appear once decoded.
    'app://serambi/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://serambi/%2e%2e%5c%2e%2e%5csecret.txt',
    // Backslashes, drive letters, NTFS streams, NUL, malformed escapes.
    'app://serambi/assets\\..\\..\\secret.txt',
    'app://serambi/C:/Windows/win.ini',
    'app://serambi/C%3A%5CWindows%5Cwin.ini',
    'app://serambi/index.html:stream',
    'app://serambi/index.html%00.png',
    'app://serambi/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toEqual({ kind: 'refused' });
  });

  it.each([
    'app://other/index.html',
    'app://serambi:1234/index.html',
    'app://user@serambi/index.html',
    'https://serambi/index.html',
    'file:///etc/passwd',
    'nonsense',
  ])('refuses requests not for the app origin: %s', (url) => {
    expect(resolveAppAsset(root, url)).toEqual({ kind: 'refused' });
  });

  it('never resolves outside the root, whatever the path', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '..%2f', '%5c..', 'C:', '%00', 'assets', 'index.html', ''),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const asset = resolveAppAsset(root, `app://serambi/${segments.join('/')}`);
        if (asset.kind === 'refused') return true;
        const inside = path.relative(root, asset.path);
        return asset.path === index || (!inside.startsWith('..') && !path.isAbsolute(inside) && inside !== '');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('response headers', () => {
  it('carries the CSP, nosniff and the content type', () => {
    const headers = appResponseHeaders('/x/app.js');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(appResponseHeaders(null)['Content-Type']).toBe('text/plain; charset=utf-8');
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['logo.svg', 'image/svg+xml'],
    ['data.bin', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows scripts and styles from the app only, with nothing inline or evaluated', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('closes plugins, base, framing and forms', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });
});
