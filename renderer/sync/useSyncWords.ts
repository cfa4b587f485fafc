import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useFormat } from '../format/useFormat';
import { useSyncStore } from '../stores/sync';
import { lastErrorWords, sinceWords, stateTone, syncState, type Words } from './syncLabels';

/** The sync status in the user's words, shared by the top bar, its panel and settings. */
export function useSyncWords() {
  const { t, te } = useI18n();
  const sync = useSyncStore();
  const format = useFormat();

  const state = computed(() => syncState(sync.status, sync.running));
  const tone = computed(() => stateTone(state.value));
  const say = (words: Words): string => (te(words.key) ? t(words.key, words.params ?? {}) : t('errors.internal'));

  /** "baru saja", "5 menit lalu", or the branch's wall-clock time when it was long ago. */
  function since(at: number): string {
    const words = sinceWords(at, sync.checkedAt ?? Date.now());
    return words ? say(words) : format.dateTime(at);
  }

  const lastSuccess = computed(() => (sync.status?.lastSuccessAt ? since(sync.status.lastSuccessAt) : null));
  const lastError = computed(() => (sync.status?.lastError ? say(lastErrorWords(sync.status.lastError)) : null));
  const halted = computed(() => (sync.status?.halted ? say({ key: sync.status.halted }) : null));

  return { state, tone, since, lastSuccess, lastError, halted, dateTime: format.dateTime };
}
