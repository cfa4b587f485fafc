import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl, isTrustedIpcSender } from '../../electron/shell/origin';
import { isPermissionAllowed } from '../../electron/shell/permission-policy';

describe('isAppUrl', () => {
  it.each([
    [APP_ENTRY_URL, true],
    [APP_ORIGIN, true],
    [`${APP_ORIGIN}/`, true],
    ['app://serambi/desk/otp?x=1#top', true],
    ['APP://SERAMBI/index.html', true],
    ['app://serambi:8080/index.html', false],
    ['app://user@serambi/index.html', false],
    ['app://serambi.evil.example/index.html', false],
    ['app://other/index.html', false],
    ['https://serambi/index.html', false],
    ['file:///index.html', false],
    ['http://localhost:5173/', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['chrome-error://chromewebdata/', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('is false for null and undefined', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('isTrustedIpcSender', () => {
  it('trusts the app page in the top-level frame', () => {
    expect(isTrustedIpcSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
  });

  it.each([
    ['an iframe of the app', { url: APP_ENTRY_URL, isMainFrame: false }],
    ['another origin', { url: 'https://example.com/', isMainFrame: true }],
    ['an error page', { url: 'chrome-error://chromewebdata/', isMainFrame: true }],
    ['a frame without URL', { url: null, isMainFrame: true }],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedIpcSender(frame)).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedIpcSender(null)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows notifications to the app', () => {
    expect(isPermissionAllowed('notifications', APP_ENTRY_URL)).toBe(true);
    expect(isPermissionAllowed('notifications', APP_ORIGIN)).toBe(true);
  });

  it('refuses notifications to anyone else', () => {
    expect(isPermissionAllowed('notifications', 'https://example.com')).toBe(false);
    expect(isPermissionAllowed('notifications', null)).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'openExternal', 'fullscreen', 'unknown'])(
    'refuses %s even to the app',
    (permission) => {
      expect(isPermissionAllowed(permission, APP_ENTRY_URL)).toBe(false);
    },
  );
});
