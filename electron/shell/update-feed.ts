// Where the packaged app looks for updates: the head office's `/updates/` folder, served by the
// generic provider of electron-updater. Plain TypeScript, unit-tested.
//
// https only: electron-updater checks Windows installers' signatures, but an AppImage or deb
// is taken as downloaded, so the transport is what keeps a man in the middle from shipping a
// branch a binary. Plain http is allowed on loopback alone, for a head office run on the same
// machine in development.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function updateFeedUrl(headOfficeUrl: string | null | undefined): string | null {
  const text = headOfficeUrl?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.username !== '' || url.password !== '') return null;
  const base = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${base}/updates/`;
}
