import { EventEmitter } from 'node:events';

// A stand-in for the parts of Electron's main-process API that dist/electron/main.cjs touches,
// recording what the shell does with them. The real binary cannot run here; this lets the
// wiring (start-up order, IPC, the app:// handler, the core's life cycle, the updater) run on
// plain Node. It checks what main.cjs asks of Electron, not what Electron then does.

export class Emitter extends EventEmitter {
  /** Calls every listener of `event` and returns what they returned. */
  fire(event: string, ...args: unknown[]): unknown[] {
    return this.listeners(event).map((listener) => (listener as (...a: unknown[]) => unknown)(...args));
  }
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  url?: string;
}

export function fakeEvent(extra: Partial<FakeEvent> = {}): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...extra,
  };
}

export class FakeWebContents extends Emitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = { url: 'app://serambi/index.html', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  reloads = 0;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  reload(): void {
    this.reloads++;
  }
}

export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  maximized = false;

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  reload(): void {
    this.webContents.reload();
  }
  isDestroyed(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1200, height: 700 };
  }
}

/** A utility process: records what main posts; the test answers through `reply`. */
export class FakeChild extends Emitter {
  readonly posted: unknown[] = [];
  killed = false;

  constructor(
    readonly modulePath: string,
    readonly args: string[],
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  reply(message: unknown): void {
    this.emit('message', message);
  }
  kill(): boolean {
    if (this.killed) return false;
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 0));
    return true;
  }
  exit(code: number): void {
    this.emit('exit', code);
  }
}

export class FakeApp extends Emitter {
  sandboxEnabled = false;
  quitCalls = 0;
  appUserModelId: string | null = null;
  private readonly paths = new Map<string, string>();

  constructor(
    appData: string,
    readonly isPackaged: boolean,
  ) {
    super();
    this.paths.set('appData', appData);
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`no fake path ${name}`);
    return value;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  /** Like Electron: 'before-quit' may hold the quit; otherwise 'will-quit' follows. */
  quit(): void {
    this.quitCalls++;
    const event = fakeEvent();
    this.fire('before-quit', event);
    if (!event.defaultPrevented) this.fire('will-quit', fakeEvent());
  }
}

export interface DialogCall {
  options: Record<string, unknown>;
}

export function createFakeElectron(paths: { appData: string }, packaged: boolean) {
  const app = new FakeApp(paths.appData, packaged);

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const permissions = {
    request: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void),
    check: null as null | ((wc: unknown, permission: string, origin: string) => boolean),
    device: null as null | (() => boolean),
  };
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const children: FakeChild[] = [];
  const dialogs: DialogCall[] = [];
  const dialogAnswers: number[] = [];
  const opened: string[] = [];
  const schemes: unknown[] = [];
  let menu: unknown = null;

  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

  const electron = {
    app,
    protocol: {
      registerSchemesAsPrivileged(list: unknown[]) {
        schemes.push(...list);
      },
    },
    session: {
      defaultSession: {
        protocol: {
          handle(scheme: string, handler: (request: Request) => Promise<Response>) {
            protocolHandlers.set(scheme, handler);
          },
          unhandle(scheme: string) {
            protocolHandlers.delete(scheme);
          },
        },
        setPermissionRequestHandler(handler: typeof permissions.request) {
          permissions.request = handler;
        },
        setPermissionCheckHandler(handler: typeof permissions.check) {
          permissions.check = handler;
        },
        setDevicePermissionHandler(handler: typeof permissions.device) {
          permissions.device = handler;
        },
      },
    },
    ipcMain: {
      handle(channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      },
      removeHandler(channel: string) {
        ipcHandlers.delete(channel);
      },
    },
    utilityProcess: {
      fork(modulePath: string, args: string[]) {
        const child = new FakeChild(modulePath, args);
        children.push(child);
        return child;
      },
    },
    BrowserWindow: FakeBrowserWindow,
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu(built: unknown) {
        menu = built;
      },
    },
    dialog: {
      showMessageBox(...args: unknown[]) {
        const options = args[args.length - 1] as Record<string, unknown>;
        dialogs.push({ options });
        return Promise.resolve({ response: dialogAnswers.shift() ?? 0 });
      },
    },
    shell: {
      openExternal(url: string) {
        opened.push(url);
        return Promise.resolve();
      },
    },
  };

  return {
    electron,
    app,
    protocolHandlers,
    permissions,
    ipcHandlers,
    children,
    dialogs,
    dialogAnswers,
    opened,
    schemes,
    menu: () => menu as { template: { label?: string; submenu?: { role?: string }[] }[] } | null,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

export class FakeUpdater extends Emitter {
  feed: unknown = null;
  logger: unknown = undefined;
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  checks = 0;
  installs: unknown[][] = [];
  setFeedURL(options: unknown): void {
    this.feed = options;
  }
  checkForUpdates(): Promise<null> {
    this.checks++;
    return Promise.reject(new Error('getaddrinfo ENOTFOUND headoffice'));
  }
  quitAndInstall(...args: unknown[]): void {
    this.installs.push(args);
  }
}
