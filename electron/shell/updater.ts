import { dialog, type BrowserWindow } from 'electron';
// A static import on purpose: the bundle turns it into require(). A dynamic import() would go
// through Node's ESM loader, which cannot see electron-updater's lazily defined `autoUpdater`
// export and hands back undefined.
import { autoUpdater } from 'electron-updater';
import { updateFeedUrl } from './update-feed';

// Updates come from the head office (`<head office>/updates/`, electron-updater's generic
// provider), checked only in packaged builds. Never forced: a downloaded update is installed when
// the person at the desk says so, never silently on quit (a teller may be mid-transaction, and
// IT may want the restart at closing time). A branch line that is down is normal: failures are
// logged and the next check tries again.

/** First check a little after start, so it never competes with opening the ledger. */
const FIRST_CHECK_DELAY_MS = 60_000;
const CHECK_INTERVAL_MS = 6 * 60 * 60_000;

export interface UpdaterOptions {
  /**
   * The head office's base URL, asked before every check (a desk enrolls after the app started,
   * or is moved to another head office); null (not enrolled yet) skips the check.
   */
  headOfficeUrl(): Promise<string | null>;
  window(): BrowserWindow | null;
}

// One line per problem: an unreachable head office is routine, not a stack trace.
const say = (message?: unknown) => console.warn('[serambi] updater:', message instanceof Error ? message.message : message);
const quietLogger = { info: () => {}, warn: say, error: say };

/** Starts the periodic check; returns the undo (timers cleared). */
export function startUpdater(options: UpdaterOptions): () => void {
  // The platform's updater (NSIS, AppImage, deb) is created on this first use.
  autoUpdater.logger = quietLogger;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  let feed: string | null = null;

  let asking = false;
  const declined = new Set<string>();
  autoUpdater.on('error', say);
  autoUpdater.on('update-downloaded', (info) => {
    if (asking || declined.has(info.version)) return;
    asking = true;
    const parent = options.window();
    const prompt = {
      type: 'question' as const,
      title: 'Pembaruan Serambi',
      message: `Serambi versi ${info.version} sudah diunduh.`,
      detail: 'Pasang sekarang? Serambi akan ditutup lalu dibuka kembali. Simpan pekerjaan yang sedang berjalan lebih dulu.',
      buttons: ['Pasang dan mulai ulang', 'Nanti'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const shown = parent ? dialog.showMessageBox(parent, prompt) : dialog.showMessageBox(prompt);
    shown
      .then(({ response }) => {
        if (response === 0) autoUpdater.quitAndInstall(false, true);
        else declined.add(info.version);
      })
      .catch(say)
      .finally(() => {
        asking = false;
      });
  });

  const check = () => {
    options
      .headOfficeUrl()
      .then((url) => {
        const next = updateFeedUrl(url);
        if (!next) return;
        if (next !== feed) autoUpdater.setFeedURL({ provider: 'generic', url: (feed = next) });
        return autoUpdater.checkForUpdates();
      })
      .catch(say);
  };
  const first = setTimeout(check, FIRST_CHECK_DELAY_MS);
  const every = setInterval(check, CHECK_INTERVAL_MS);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
