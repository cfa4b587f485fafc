/**
 * The Content-Security-Policy of every page of the desk, in the desktop window (app:// scheme)
 * and in serve mode alike. Scripts only from the app itself, no inline script, no eval; no network
 * access beyond the app origin. style-src has no 'unsafe-inline': Element Plus ships a static
 * stylesheet and Vue sets dynamic styles through the CSSOM, which CSP does not govern; a component
 * that writes a `style` attribute or a <style> element shows up as a CSP violation in the console,
 * and the fix belongs in that component, not here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
