import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CoreProcess } from './core-process';
import { FORBIDDEN_SENDER, INVOKE_CHANNEL, badMethodName, isMethodNameShape, type InvokeResult } from './invoke-contract';
import { isTrustedIpcSender } from './origin';
import type { SessionTokens } from './session-tokens';

// The one IPC handler: `window.serambi.invoke(method, input)` from the preload arrives here and
// goes to the core with the window's session token. It always resolves with an InvokeResult.

function senderFrameOf(event: IpcMainInvokeEvent): { url: string | null; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame.parent === null && frame === event.sender.mainFrame };
}

/** Registers the handler; returns the undo. */
export function registerInvokeHandler(core: CoreProcess, tokens: SessionTokens): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<InvokeResult> => {
    if (!isTrustedIpcSender(senderFrameOf(event))) {
      console.warn('[serambi] refused an IPC call from', event.senderFrame?.url ?? 'a frame that is gone');
      return { ok: false, error: FORBIDDEN_SENDER };
    }
    if (!isMethodNameShape(method)) return { ok: false, error: badMethodName() };
    const owner = event.sender.id;
    const outcome = await core.call(method, input, tokens.tokenFor(owner));
    const visible = tokens.settle(owner, method, outcome);
    // The window closed while the call ran: its 'destroyed' handler has already forgotten it.
    if (event.sender.isDestroyed()) tokens.forget(owner);
    return visible;
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
