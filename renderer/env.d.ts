import type { SerambiBridge } from '../shared/api/bridge';

// What the Electron preload exposes through contextBridge: one typed call, nothing else.
declare global {
  interface Window {
    serambi?: SerambiBridge;
  }
}

export {};
