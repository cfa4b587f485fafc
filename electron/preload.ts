import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, IPC_FAILED, type InvokeResult, type SerambiBridge } from './shell/invoke-contract';

// The only thing the page gets from Electron: `window.serambi.invoke(method, input)`.
// Runs sandboxed with context isolation, so the page cannot reach ipcRenderer, require or this
// file's scope; it sees one frozen object with one function.
//
// The envelope: invoke never rejects. It resolves with
//   { ok: true, result }                  the method's output (auth.login's without its token:
//                                         the main process keeps the token for this window), or
//   { ok: false, error: ApiErrorBody }    {code, key, params?, fields?} of shared/api/errors.ts,
//                                         for API errors and for transport failures alike (the
//                                         core starting over after a crash: 'unavailable'; input
//                                         IPC cannot carry: 'internal'). The renderer branches
//                                         on `ok`.
// An Error cannot carry `code`/`fields` across contextBridge (only its message survives), which
// is why failures are values rather than rejections.

const bridge: SerambiBridge = Object.freeze({
  async invoke(method: string, input?: unknown): Promise<InvokeResult> {
    try {
      return (await ipcRenderer.invoke(INVOKE_CHANNEL, method, input)) as InvokeResult;
    } catch (error) {
      // Only a bug gets here (input that cannot be cloned: a function, a DOM node, a Vue proxy;
      // the main process's handler itself always answers with an envelope).
      console.error('[serambi] IPC failed:', error);
      return { ok: false, error: IPC_FAILED };
    }
  },
});

contextBridge.exposeInMainWorld('serambi', bridge);
