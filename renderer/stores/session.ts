import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import { ApiError } from '../../shared/api/errors';
import type { SessionView } from '../../shared/api/methods/auth';
import type { UserView } from '../../shared/api/schemas';
import type { Role } from '../../shared/domain/roles';
import { invoke } from '../api/client';
import type { Locale } from '../i18n';
import { useBranchStore } from './branch';
import { useLocaleStore } from './locale';

export const useSessionStore = defineStore('session', () => {
  const user = ref<UserView | null>(null);
  /** The desk covers itself with the lock screen while this is set. */
  const locked = ref(false);
  const roles = computed<readonly Role[]>(() => user.value?.roles ?? []);

  function apply(view: SessionView): void {
    user.value = view.user;
    locked.value = view.locked;
    useBranchStore().setBranch(view.branch);
    useLocaleStore().choose(view.user.locale);
  }

  function forget(): void {
    user.value = null;
    locked.value = false;
  }

  /** What every screen's call goes through: the core's verdict on the session changes the desk. */
  function observe(error: unknown): void {
    if (!(error instanceof ApiError) || !user.value) return;
    if (error.code === 'session_locked') locked.value = true;
    // A wrong password at login answers `unauthenticated` with its own key (errors.wrongPassword);
    // at the lock screen and in "change password" it is `bad_input` on the field. Neither ends a
    // session: only the core's plain "session ended" does.
    else if (error.code === 'unauthenticated' && error.key === 'errors.unauthenticated') forget();
  }

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    try {
      return await invoke(method, input);
    } catch (error) {
      observe(error);
      throw error;
    }
  }

  async function login(username: string, password: string): Promise<void> {
    apply(await invoke('auth.login', { username, password }));
  }

  /** Picks up a session the transport still holds (a reload, a second window); quietly none otherwise. */
  async function restore(): Promise<void> {
    try {
      apply(await invoke('auth.session', {}));
    } catch {
      forget();
    }
  }

  async function logout(): Promise<void> {
    try {
      await invoke('auth.logout', {});
    } catch {
      // Logging out must always work at the counter, even with the core gone.
    } finally {
      forget();
    }
  }

  async function lock(): Promise<void> {
    if (!user.value || locked.value) return;
    locked.value = true;
    await call('auth.lock', {}).catch(() => undefined);
  }

  async function unlock(password: string): Promise<void> {
    try {
      apply(await invoke('auth.unlock', { password }));
    } catch (error) {
      // The fifth wrong password locks the account and ends its sessions.
      if (error instanceof ApiError && error.code === 'account_locked') forget();
      else observe(error);
      throw error;
    }
  }

  async function setLocale(locale: Locale): Promise<void> {
    useLocaleStore().choose(locale);
    if (!user.value) return;
    await call('auth.setLocale', { locale });
    user.value = { ...user.value, locale };
  }

  return { user, locked, roles, call, login, restore, logout, lock, unlock, setLocale };
});
