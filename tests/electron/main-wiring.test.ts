import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../../electron/build';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import {
  FakeBrowserWindow,
  FakeUpdater,
  FakeWebContents,
  createFakeElectron,
  fakeEvent,
  type FakeChild,
  type FakeElectron,
} from './support/fake-electron';

// The built dist/electron/main.cjs, run on plain Node against a recording stand-in for Electron
// (support/fake-electron.ts): start-up order, the window's options, the app:// handler, IPC with
// the session token, the core's crash, restart and shutdown, navigation and permission policy,
// the updater. What Electron itself then does with these calls is not checked here.

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Load };
const load = createRequire(import.meta.url);

let workDir: string;
let outDir: string;
const INDEX_HTML = '<!doctype html><title>Serambi</title><script type="module" src="/assets/app.js"></script>';

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serambi-main-wiring-'));
  outDir = path.join(workDir, 'electron');
  await buildElectron(outDir);
  // main.cjs serves ../renderer relative to itself.
  fs.mkdirSync(path.join(workDir, 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(workDir, 'renderer', 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(workDir, 'renderer', 'assets', 'app.js'), 'console.log("hi")');
}, 120_000);

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const savedEnv = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  vi.useRealTimers();
  FakeBrowserWindow.created = [];
});

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Started {
  fake: FakeElectron;
  updater: FakeUpdater;
  window: FakeBrowserWindow;
  child: () => FakeChild;
  invoke(method: unknown, input?: unknown, sender?: { url: string; parent: unknown }): Promise<unknown>;
}

async function startMain(options: { packaged?: boolean; env?: Record<string, string> } = {}): Promise<Started> {
  Object.assign(process.env, options.env ?? {});
  const fake = createFakeElectron({ appData: path.join(workDir, 'appData') }, options.packaged ?? false);
  const updater = new FakeUpdater();
  const original = moduleInternals._load;
  moduleInternals._load = function (this: unknown, request, parent, isMain) {
    if (request === 'electron') return fake.electron;
    if (request === 'electron-updater') return { autoUpdater: updater };
    return original.call(this, request, parent, isMain);
  };
  const mainPath = path.join(outDir, 'main.cjs');
  try {
    delete load.cache[mainPath];
    load(mainPath);
  } finally {
    moduleInternals._load = original;
  }
  await flush();

  const window = FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('main.cjs opened no window');
  const handler = fake.ipcHandlers.get('serambi:invoke');
  if (!handler) throw new Error('main.cjs registered no IPC handler');
  return {
    fake,
    updater,
    window,
    child: () => {
      const last = fake.children.at(-1);
      if (!last) throw new Error('no core host was forked');
      return last;
    },
    invoke(method, input = {}, sender = window.webContents.mainFrame) {
      const event = { sender: window.webContents, senderFrame: sender };
      return handler(event, method, input);
    },
  };
}

describe('start-up', () => {
  it('sandboxes every renderer and registers app:// as a standard, secure scheme', async () => {
    const { fake } = await startMain();
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(fake.app.getPath('userData')).toBe(path.join(workDir, 'appData', 'Serambi'));
  });

  it('starts the core host in a utility process with the data folder', async () => {
    const { child } = await startMain();
    expect(child().modulePath).toBe(path.join(outDir, 'core-host.cjs'));
    expect(child().args).toEqual([`--data-dir=${path.join(workDir, 'appData', 'Serambi')}`]);
  });

  it('honours SERAMBI_DATA', async () => {
    const data = path.join(workDir, 'elsewhere');
    const { child } = await startMain({ env: { SERAMBI_DATA: data } });
    expect(child().args).toEqual([`--data-dir=${data}`]);
  });

  it('opens one locked-down window on the app origin', async () => {
    const { window } = await startMain();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: true,
      preload: path.join(outDir, 'preload.cjs'),
    });
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(fs.existsSync(path.join(outDir, 'preload.cjs'))).toBe(true);
    expect(window.loadedUrl).toBe('app://serambi/index.html');
    expect(window.shown).toBe(false);
    window.fire('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('has developer tools in the menu only when unpackaged', async () => {
    const roles = (fake: FakeElectron) =>
      (fake.menu()?.template ?? []).flatMap((menu) => menu.submenu ?? []).map((item) => item.role);
    expect(roles((await startMain()).fake)).toContain('toggleDevTools');
    const packaged = await startMain({ packaged: true });
    expect(roles(packaged.fake)).not.toContain('toggleDevTools');
    expect(roles(packaged.fake)).not.toContain('reload');
    expect(packaged.window.options.webPreferences?.devTools).toBe(false);
  });
});

describe('the app:// handler', () => {
  async function get(url: string, method = 'GET') {
    const { fake } = await startMain();
    const handler = fake.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    return handler(new Request(url, { method }));
  }

  it('serves index.html with the Content-Security-Policy', async () => {
    const response = await get('app://serambi/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('serves assets with their type, and index.html for client-side routes', async () => {
    const script = await get('app://serambi/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await (await get('app://serambi/complaints/overdue')).text()).toBe(INDEX_HTML);
  });

  it('answers 404 for missing files and for anything outside the renderer', async () => {
    for (const url of ['app://serambi/assets/missing.js', 'app://serambi/..%2Felectron%2Fmain.cjs', 'app://serambi/%2e%2e%5celectron%5cmain.cjs']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://serambi/', 'POST')).status).toBe(405);
    const head = await get('app://serambi/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('IPC to the core', () => {
  it('holds calls until the core is ready and keeps the session token out of the renderer', async () => {
    const started = await startMain();
    const { child } = started;
    const login = started.invoke('auth.login', { username: 'siti', password: 'rahasia-sekali' });
    await flush();
    expect(child().posted).toEqual([]);

    child().reply({ kind: 'ready', deviceId: null });
    expect(child().posted).toEqual([
      { kind: 'call', id: 1, method: 'auth.login', input: { username: 'siti', password: 'rahasia-sekali' }, token: null, transport: 'ipc' },
    ]);
    child().reply({ kind: 'result', id: 1, ok: true, result: { user: { username: 'siti' }, locked: false, token: 'tok-1' } });
    expect(await login).toEqual({ ok: true, result: { user: { username: 'siti' }, locked: false } });

    const list = started.invoke('users.list', {});
    await flush();
    expect(child().posted.at(-1)).toMatchObject({ method: 'users.list', token: 'tok-1' });
    child().reply({ kind: 'result', id: 2, ok: false, error: { code: 'forbidden', key: 'errors.forbidden' } });
    expect(await list).toEqual({ ok: false, error: { code: 'forbidden', key: 'errors.forbidden' } });

    const logout = started.invoke('auth.logout', {});
    await flush();
    expect(child().posted.at(-1)).toMatchObject({ method: 'auth.logout', token: 'tok-1' });
    child().reply({ kind: 'result', id: 3, ok: true, result: { ok: true } });
    await logout;

    void started.invoke('auth.session', {});
    await flush();
    expect(child().posted.at(-1)).toMatchObject({ method: 'auth.session', token: null });
  });

  it('refuses callers that are not the app page in the top-level frame', async () => {
    const started = await startMain();
    started.child().reply({ kind: 'ready', deviceId: null });
    const forbidden = { ok: false, error: { code: 'forbidden', key: 'errors.forbidden' } };
    expect(await started.invoke('auth.session', {}, { url: 'https://evil.example/', parent: null })).toEqual(forbidden);
    expect(await started.invoke('auth.session', {}, { url: 'app://serambi/index.html', parent: {} })).toEqual(forbidden);
    expect(started.child().posted).toEqual([]);
  });

  it('refuses malformed method names before they reach the core', async () => {
    const started = await startMain();
    started.child().reply({ kind: 'ready', deviceId: null });
    expect(await started.invoke({ toString: () => 'auth.login' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await started.invoke('../../etc')).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(started.child().posted).toEqual([]);
  });

  it('forgets the token of a closed window', async () => {
    const started = await startMain();
    started.child().reply({ kind: 'ready', deviceId: null });
    const login = started.invoke('auth.login', {});
    await flush();
    started.child().reply({ kind: 'result', id: 1, ok: true, result: { token: 'tok-2' } });
    await login;
    started.window.webContents.fire('destroyed');
    void started.invoke('auth.session', {});
    await flush();
    expect(started.child().posted.at(-1)).toMatchObject({ token: null });
  });
});

describe('the core host process', () => {
  it('offers a restart when it dies, failing calls in flight as unavailable', async () => {
    const started = await startMain();
    started.child().reply({ kind: 'ready', deviceId: null });
    const inFlight = started.invoke('statement.import', {});
    await flush();
    started.fake.dialogAnswers.push(0);
    started.child().exit(134);
    expect(await inFlight).toEqual({ ok: false, error: { code: 'unavailable', key: 'errors.unavailable' } });
    await flush();
    expect(started.fake.dialogs.at(-1)?.options.buttons).toEqual(['Mulai ulang layanan', 'Keluar']);
    expect(started.fake.children).toHaveLength(2);
    expect(started.window.webContents.reloads).toBe(1);
  });

  it('quits when the person chooses not to restart', async () => {
    const started = await startMain();
    started.fake.dialogAnswers.push(1);
    started.child().exit(1);
    await flush();
    expect(started.fake.app.quitCalls).toBeGreaterThan(0);
    expect(started.fake.children).toHaveLength(1);
  });

  it('reports a core that cannot start, without offering a pointless restart', async () => {
    const started = await startMain();
    const fatal = { code: 'internal', key: 'errors.ledgerTooNew' };
    started.child().reply({ kind: 'fatal', error: fatal });
    await flush();
    expect(String(started.fake.dialogs.at(-1)?.options.detail)).toContain('errors.ledgerTooNew');
    expect(await started.invoke('auth.session', {})).toEqual({ ok: false, error: fatal });
    const dialogs = started.fake.dialogs.length;
    started.child().exit(1);
    await flush();
    expect(started.fake.dialogs).toHaveLength(dialogs);
  });

  it('asks the core to close its ledger before quitting', async () => {
    const started = await startMain();
    started.child().reply({ kind: 'ready', deviceId: null });
    let willQuit = 0;
    started.fake.app.on('will-quit', () => willQuit++);
    started.fake.app.quit();
    expect(started.child().posted.at(-1)).toEqual({ kind: 'shutdown' });
    expect(willQuit).toBe(0);
    started.child().reply({ kind: 'closed' });
    await flush();
    await flush();
    expect(started.child().killed).toBe(true);
    expect(willQuit).toBe(1);
  });

  it('kills a core that does not close in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const started = await startMain();
    started.child().reply({ kind: 'ready', deviceId: null });
    started.fake.app.quit();
    await vi.advanceTimersByTimeAsync(3000);
    await flush();
    expect(started.child().killed).toBe(true);
  });
});

describe('navigation, new windows and permissions', () => {
  async function hardened() {
    const started = await startMain();
    const contents = new FakeWebContents();
    started.fake.app.fire('web-contents-created', fakeEvent(), contents);
    return { ...started, contents };
  }

  it('keeps every webContents on the app origin, sending https links to the browser', async () => {
    const { contents, fake } = await hardened();
    const inside = fakeEvent();
    contents.fire('will-navigate', inside, 'app://serambi/desk/otp');
    expect(inside.defaultPrevented).toBe(false);

    const web = fakeEvent();
    contents.fire('will-navigate', web, 'https://www.ojk.go.id/');
    expect(web.defaultPrevented).toBe(true);
    expect(fake.opened).toEqual(['https://www.ojk.go.id/']);

    const local = fakeEvent();
    contents.fire('will-navigate', local, 'file:///etc/passwd');
    expect(local.defaultPrevented).toBe(true);
    expect(fake.opened).toEqual(['https://www.ojk.go.id/']);

    const redirect = fakeEvent();
    contents.fire('will-redirect', redirect, 'http://evil.example/');
    expect(redirect.defaultPrevented).toBe(true);

    const frame = fakeEvent({ url: 'https://evil.example/' });
    contents.fire('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);
  });

  it('denies every new window and webview', async () => {
    const { contents, fake } = await hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://bank.example.co.id/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://bank.example.co.id/']);
    const webview = fakeEvent();
    contents.fire('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('grants notifications to the app and nothing else to anyone', async () => {
    const { fake } = await startMain();
    const { request, check, device } = fake.permissions;
    const asked = (permission: string, requestingUrl: string) =>
      new Promise<boolean>((resolve) => request?.(null, permission, resolve, { requestingUrl }));
    expect(await asked('notifications', 'app://serambi/index.html')).toBe(true);
    expect(await asked('media', 'app://serambi/index.html')).toBe(false);
    expect(await asked('notifications', 'https://evil.example/')).toBe(false);
    expect(check?.(null, 'notifications', 'app://serambi')).toBe(true);
    expect(check?.(null, 'geolocation', 'app://serambi')).toBe(false);
    expect(device?.()).toBe(false);
  });
});

describe('updates', () => {
  it('stay off unpackaged', async () => {
    const { updater } = await startMain({ env: { SERAMBI_HEADOFFICE_URL: 'https://pusat.example' } });
    expect(updater.feed).toBeNull();
  });

  it('come from the head office, are checked quietly and never installed without asking', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const { updater, fake } = await startMain({ packaged: true, env: { SERAMBI_HEADOFFICE_URL: 'https://pusat.example/' } });
    expect(updater.autoInstallOnAppQuit).toBe(false);

    // The address is asked for at each check; the check fails (no line to head office): logged, nothing thrown.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://pusat.example/updates/' });
    expect(updater.checks).toBe(1);

    const dialogs = fake.dialogs.length;
    fake.dialogAnswers.push(1);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(fake.dialogs).toHaveLength(dialogs + 1);
    expect(updater.installs).toEqual([]);
    // Declined: not asked again for the same version.
    updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(fake.dialogs).toHaveLength(dialogs + 1);

    fake.dialogAnswers.push(0);
    updater.emit('update-downloaded', { version: '0.3.0' });
    await flush();
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('stay off without a usable head-office URL', async () => {
    const { updater } = await startMain({ packaged: true, env: { SERAMBI_HEADOFFICE_URL: 'http://pusat.example' } });
    expect(updater.feed).toBeNull();
  });
});
