import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodInput } from '../../shared/api';
import type { BranchView } from '../../shared/api/schemas';
import { invoke } from '../api/client';
import { useSessionStore } from './session';

export type SetupState = 'unknown' | 'ready' | 'unavailable';

export const useBranchStore = defineStore('branch', () => {
  /** Whether `setup.status` has answered; 'unavailable' when the core could not be reached. */
  const state = ref<SetupState>('unknown');
  const initialized = ref(false);
  const branch = ref<BranchView | null>(null);
  const deviceId = ref<string | null>(null);

  async function loadStatus(): Promise<void> {
    try {
      const status = await invoke('setup.status', {});
      initialized.value = status.initialized;
      branch.value = status.branch;
      deviceId.value = status.deviceId;
      state.value = 'ready';
    } catch {
      state.value = 'unavailable';
    }
  }

  function setBranch(next: BranchView): void {
    branch.value = next;
    initialized.value = true;
  }

  async function initialize(input: MethodInput<'setup.init'>): Promise<void> {
    const result = await invoke('setup.init', input);
    setBranch(result.branch);
  }

  async function update(patch: MethodInput<'settings.updateBranch'>): Promise<void> {
    setBranch(await useSessionStore().call('settings.updateBranch', patch));
  }

  return { state, initialized, branch, deviceId, loadStatus, setBranch, initialize, update };
});
