import { useI18n } from 'vue-i18n';
import type { SlaClockView } from './complaintLabels';
import { CATEGORY_LABELS, CHANNEL_LABELS, IDENTITY_METHOD_LABELS, STATUS_LABELS, type ComplaintCategory, type ComplaintChannel, type ComplaintStatus, type IdentityMethod } from '../../shared/complaints/model';
import { ApiError } from '../../shared/api/errors';
import { useFormat } from '../format/useFormat';
import { durationText, pick } from './complaintLabels';

/** The complaints desk's words in the user's language: categories, statuses, SLA clocks, refusals. */
export function useComplaintWords() {
  const { t, te, locale } = useI18n();
  const format = useFormat();
  const lang = () => (locale.value === 'en' ? 'en' : 'id');
  return {
    lang,
    dateTime: format.dateTime,
    category: (c: ComplaintCategory) => pick(CATEGORY_LABELS[c], lang()),
    channel: (c: ComplaintChannel) => pick(CHANNEL_LABELS[c], lang()),
    status: (s: ComplaintStatus) => pick(STATUS_LABELS[s], lang()),
    verifier: (m: IdentityMethod) => pick(IDENTITY_METHOD_LABELS[m], lang()),
    duration: (ms: number) => durationText(ms, lang()),
    /** "Sisa 12 m", "Lewat 1 j 5 m", "Dijeda", "Terpenuhi". */
    sla: (clock: SlaClockView): string => {
      if (clock.state === 'breached') return t('complaintsDesk.sla.breached', { time: durationText(clock.overdueMs, lang()) });
      if (clock.state === 'met') return t('complaintsDesk.sla.met');
      if (clock.state === 'paused') return t('complaintsDesk.sla.paused');
      return t('complaintsDesk.sla.remaining', { time: durationText(clock.remainingMs, lang()) });
    },
    error: (error: unknown): string => {
      if (!(error instanceof ApiError)) return t('errors.internal');
      const issue = error.fields?.[0];
      const key = issue?.key ?? error.key;
      const params = { ...(issue?.params ?? error.params) };
      if (typeof params.status === 'string' && (STATUS_LABELS as Record<string, unknown>)[params.status]) params.status = pick(STATUS_LABELS[params.status as ComplaintStatus], lang());
      return te(key) ? t(key, params) : t('errors.internal');
    },
  };
}
