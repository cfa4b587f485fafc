import { shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-links';
import { isAppUrl } from './origin';

// Applied to every webContents the app ever creates (main.ts hooks 'web-contents-created'), so a
// window added later is covered without anyone remembering to call this.

function openInBrowser(url: string): void {
  if (!isAllowedExternalUrl(url)) {
    console.warn('[serambi] refused to open a link outside the app:', url.slice(0, 200));
    return;
  }
  // Reviewed: only https URLs without user info pass isAllowedExternalUrl (external-links.ts).
  shell.openExternal(url).catch((error: unknown) => console.warn('[serambi] could not open the browser:', error)); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
}

export function hardenWebContents(contents: WebContents): void {
  // The page never leaves the app's origin. A plain link to a web page opens in the browser.
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openInBrowser(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });

  // No new windows at all (window.open, target=_blank); web links go to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });

  // webviewTag is off in every window; this also stops one being attached by any other route.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
