import { isAppUrl } from './origin';

// Which web permissions a page may get: desktop notifications (the complaints desk announces new
// and overdue complaints), and only for the app's own origin. Everything else (camera,
// microphone, geolocation, clipboard read, HID/serial/USB, screen capture, …) is refused, in the
// request handler and in the check handler alike, since Chromium asks one or the other depending
// on the API. Plain TypeScript, unit-tested.

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
