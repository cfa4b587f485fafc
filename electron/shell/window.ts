import * as electron from 'electron';
import { APP_ENTRY_URL } from './origin';
import { initialWindowBounds, readWindowState, writeWindowState, MIN_HEIGHT, MIN_WIDTH } from './window-state';

// Electronegativity matches `new BrowserWindow(…)` by the constructor's bare name; a named import
// would reach the bundle as `new import_electron.BrowserWindow(…)` and every window check would
// silently skip it. Destructuring the namespace keeps the bare name in dist/electron/main.cjs
// (tests/electron/electronegativity.test.ts fails if the checks stop seeing the window).
// Only BrowserWindow is taken here, at load time: `screen` may not be touched before 'ready'.
const { BrowserWindow } = electron;

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** Where window-state.json lives (userData). */
  stateDir: string;
  /** Developer tools only in unpackaged builds: a branch PC is not a debugging station. */
  devTools: boolean;
  /** Window icon for unpackaged runs; packaged builds take it from the installer. */
  iconPath?: string;
}

export function createMainWindow(options: MainWindowOptions): electron.BrowserWindow {
  const { screen } = electron;
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  const initial = initialWindowBounds(readWindowState(options.stateDir), workAreas);

  const window = new BrowserWindow({
    ...(initial.x !== undefined && initial.y !== undefined ? { x: initial.x, y: initial.y } : {}),
    width: initial.width,
    height: initial.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Serambi',
    backgroundColor: '#f5f7fa',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      // Every value of Electron's security checklist is spelled out, even where it is the
      // default, so a reader (and Electronegativity) sees it without knowing the defaults.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would try to open the link in a new window (refused anyway by the window
      // open handler); without the event it never gets that far.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from Google at first use: no data leaves
      // a branch for that, and the forms hold names and numbers anyway.
      spellcheck: false,
      devTools: options.devTools,
      // Reviewed: the preload is our own bundle; it runs sandboxed and exposes one function.
      preload: options.preloadPath, /* eng-disable PRELOAD_JS_CHECK */
    },
  });

  window.once('ready-to-show', () => {
    if (initial.maximized) window.maximize();
    window.show();
  });

  // Saved on close, from the normal (unmaximized) bounds, so un-maximizing after a restart goes
  // back to the size the person chose.
  window.on('close', () => {
    writeWindowState(options.stateDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });

  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Brings the existing window to the front (a second launch, a notification click). */
export function focusWindow(window: electron.BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
