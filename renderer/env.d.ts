import type { ApiEnvelope } from './api/client';

// What the Electron preload exposes through contextBridge: one typed call, nothing else.
export interface SerambiBridge {
  invoke(method: string, input: unknown): Promise<ApiEnvelope<unknown>>;
}

declare global {
  interface Window {
    serambi?: SerambiBridge;
  }
}
