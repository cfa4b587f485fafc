import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useBranchStore } from '../stores/branch';
import { formatDateTime, type TimeZone } from './dateTime';

/** Dates in the branch's zone, whoever looks at them and wherever the machine's clock is set. */
export function useFormat() {
  const branch = useBranchStore();
  const { locale } = useI18n();
  const zone = computed<TimeZone>(() => branch.branch?.timeZone ?? 'WIB');
  return {
    zone,
    dateTime: (ms: number): string => formatDateTime(ms, zone.value, locale.value === 'en' ? 'en' : 'id'),
  };
}
