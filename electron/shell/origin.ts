// The app's own origin. The renderer is served from `app://serambi/…` by a privileged custom
// scheme (see app-protocol.ts), never from file:// (where every local file shares one origin) nor
// from http:// (which any local process could serve). Every trust decision in the shell (IPC
// sender, navigation, permissions) compares against this origin and nothing else.
//
// Plain Node: no 'electron' import, so the checks are unit-tested on Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'serambi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is on the app's own origin. Node's WHATWG URL does not know `app:` as a special
 * scheme (its `origin` is 'null' and the host keeps its case, where Chromium, told the scheme is
 * standard, lowercases it), so scheme and host are compared one by one. A port or user info never
 * belongs to the app.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  return isAppLocation(parse(url));
}

/** The same test on a parsed URL. */
export function isAppLocation(parsed: URL | null): boolean {
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** What the shell knows about the frame that sent an IPC message. */
export interface IpcSenderFrame {
  /** The sending frame's URL; null when the frame is gone (navigated away or destroyed). */
  url: string | null;
  /** True when the frame is the top-level frame of its window (not an iframe). */
  isMainFrame: boolean;
}

/**
 * Only the app's own top-level document may call the core. A frame that is gone, an iframe, or
 * any other origin (an error page, an injected page) is refused.
 */
export function isTrustedIpcSender(frame: IpcSenderFrame | null): boolean {
  return frame !== null && frame.isMainFrame && isAppUrl(frame.url);
}
