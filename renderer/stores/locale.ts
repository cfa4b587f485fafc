import { defineStore } from 'pinia';
import { ref } from 'vue';
import { isLocale, type Locale } from '../i18n';

// The language is chosen before anyone logs in, so it lives on the device too; after login the
// user's own choice (kept by the core) wins and is remembered here for the next login screen.
const STORAGE_KEY = 'serambi.locale';

function readStored(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'id';
  } catch {
    return 'id';
  }
}

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(readStored());

  function choose(next: Locale): void {
    locale.value = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be disabled; the choice still holds for this window.
    }
  }

  return { locale, choose };
});
