import { app, dialog, session, type BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiErrorBody } from '../shared/api/errors';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { CoreProcess } from './shell/core-process';
import { hardenWebContents } from './shell/harden';
import { resolveDataDir } from './shell/host-args';
import { registerInvokeHandler } from './shell/ipc';
import { installMenu } from './shell/menu';
import { applySessionPolicy } from './shell/session-policy';
import { SessionTokens } from './shell/session-tokens';
import { startUpdater } from './shell/updater';
import { createMainWindow, focusWindow } from './shell/window';

// The window shell: one window, its security policy, and the bridge from the window's IPC to the
// core host in a utility process. Bundled by electron/build.ts into dist/electron/main.cjs, next
// to preload.cjs and core-host.cjs (hence __dirname: the bundle is CommonJS).

const PRODUCT_NAME = 'Serambi';
/** electron-builder.yml's appId. */
const APP_ID = 'id.serambi.desk';
const bundleDir = __dirname;
const rendererDir = path.join(bundleDir, '..', 'renderer');
const RENDERER_RELOAD_SPACING_MS = 60_000;

// --- Before 'ready': these only take effect this early. ---

// Every renderer sandboxed, including any a library might open.
app.enableSandbox();
registerAppScheme();
// The same folder unpackaged and packaged (Electron would use package.json's lowercase name in
// one and the product name in the other), so `npm start` and the installed app share a ledger.
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
// Windows shows a page's desktop notifications (the complaints desk) only for an app with an
// AppUserModelID; the installer's shortcut carries the same one.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  // Another Serambi runs: it gets 'second-instance' and comes to the front.
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;
  const tokens = new SessionTokens();

  const core = new CoreProcess({
    modulePath: path.join(bundleDir, 'core-host.cjs'),
    dataDir: resolveDataDir(process.env, app.getPath('userData')),
    onUnexpectedExit: (code) => {
      if (!quitting) void offerCoreRestart(code);
    },
    onFatal: (error) => void reportFatal(error),
  });

  async function offerCoreRestart(code: number): Promise<void> {
    console.error(`[serambi] the core host stopped unexpectedly (exit code ${code})`);
    const prompt = {
      type: 'error' as const,
      title: 'Serambi',
      message: 'Layanan inti Serambi berhenti tiba-tiba.',
      detail: 'Data yang sudah tersimpan aman. Pekerjaan yang belum tersimpan mungkin perlu diulang.',
      buttons: ['Mulai ulang layanan', 'Keluar'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    };
    const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
    const { response } = window ? await dialog.showMessageBox(window, prompt) : await dialog.showMessageBox(prompt);
    if (response === 0) {
      core.start();
      // The page may hold state from before the crash; a fresh load asks the core again.
      window?.reload();
    } else {
      app.quit();
    }
  }

  async function reportFatal(error: ApiErrorBody): Promise<void> {
    // Restarting cannot help here (a ledger from a newer version, a corrupt file): every call
    // answers with this error so the window can explain it in the person's language; this dialog
    // is the fallback for when the window cannot.
    console.error('[serambi] the core cannot start:', error.key);
    await dialog.showMessageBox({
      type: 'error',
      title: 'Serambi',
      message: 'Serambi tidak dapat membuka buku besar di komputer ini.',
      detail: `Hubungi dukungan TI dan sebutkan kode ini: ${error.key}`,
      buttons: ['Tutup'],
      noLink: true,
    });
  }

  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  // Closing the ledger cleanly (WAL checkpoint, no half-written sync batch) before the process
  // ends: quit is held until the core says it closed, or SHUTDOWN_GRACE_MS passed.
  let coreStopped = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (coreStopped) return;
    event.preventDefault();
    void core.stop().finally(() => {
      coreStopped = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    applySessionPolicy(session.defaultSession);
    serveRenderer(session.defaultSession, rendererDir);
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      console.error(`[serambi] no built renderer in ${rendererDir}: run the build first`);
    }
    installMenu(app.isPackaged);

    core.start();
    registerInvokeHandler(core, tokens);

    const devIcon = path.join(bundleDir, '..', '..', 'resources', 'icons', 'icon.png');
    mainWindow = createMainWindow({
      preloadPath: path.join(bundleDir, 'preload.cjs'),
      stateDir: app.getPath('userData'),
      devTools: !app.isPackaged,
      ...(!app.isPackaged && fs.existsSync(devIcon) ? { iconPath: devIcon } : {}),
    });
    const contentsId = mainWindow.webContents.id;
    mainWindow.webContents.once('destroyed', () => tokens.forget(contentsId));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });

    let lastRendererReload = 0;
    mainWindow.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      console.error(`[serambi] the window's renderer is gone (${details.reason})`);
      // One automatic reload; a page that keeps crashing is left for someone to look at.
      if (Date.now() - lastRendererReload < RENDERER_RELOAD_SPACING_MS) return;
      lastRendererReload = Date.now();
      mainWindow?.reload();
    });

    if (app.isPackaged) {
      try {
        // SERAMBI_HEADOFFICE_URL overrides the enrolled address, as it does for the CLI.
        const stopUpdater = startUpdater({
          headOfficeUrl: async () => {
            if (process.env.SERAMBI_HEADOFFICE_URL) return process.env.SERAMBI_HEADOFFICE_URL;
            const answer = await core.call('setup.status', {}, null);
            return answer.ok ? ((answer.result as { headofficeUrl: string | null }).headofficeUrl ?? null) : null;
          },
          window: () => mainWindow,
        });
        app.once('will-quit', stopUpdater);
      } catch (error) {
        console.warn('[serambi] updater not started:', error);
      }
    }
  });
}
