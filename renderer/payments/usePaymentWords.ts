import { useI18n } from 'vue-i18n';
import { ApiError, type MessageParams } from '../../shared/api/errors';
import { useFormat } from '../format/useFormat';
import { formatDay, formatSen, formatTotal, type CaseStatus, type MutationStatus, type PaymentStatus } from './paymentLabels';

/** Which kind of status a refusal's `{status}` names, so it reads in words ("berstatus Lunas"). */
const STATUS_KIND: Record<string, 'payment' | 'mutation' | 'case'> = {
  'payments.errors.notOpen': 'payment',
  'payments.errors.notQueued': 'mutation',
  'payments.errors.caseState': 'case',
};

/** The payments desk's words in the user's language: statuses, amounts, matching reasons, refusals. */
export function usePaymentWords() {
  const { t, te } = useI18n();
  const format = useFormat();
  const say = (key: string, params: MessageParams = {}) => (te(key) ? t(key, params) : t('errors.internal'));
  function refusal(key: string, given: MessageParams | undefined): string {
    const params: MessageParams = { ...given };
    const kind = STATUS_KIND[key];
    if (kind && typeof params.status === 'string' && te(`paymentsDesk.status.${kind}.${params.status}`)) params.status = t(`paymentsDesk.status.${kind}.${params.status}`);
    if (typeof params.amount === 'number') params.amount = formatTotal(params.amount);
    return say(key, params);
  }
  const words = {
    dateTime: format.dateTime,
    total: formatTotal,
    sen: formatSen,
    day: formatDay,
    payment: (s: PaymentStatus) => t(`paymentsDesk.status.payment.${s}`),
    mutation: (s: MutationStatus) => t(`paymentsDesk.status.mutation.${s}`),
    case: (s: CaseStatus) => t(`paymentsDesk.status.case.${s}`),
    source: (s: 'ambiguous' | 'unmatched' | 'claim') => t(`paymentsDesk.case.source.${s}`),
    /** A matching decision's reason as the core wrote it, in words: `t(reason.key, reason.params)`. */
    reason: (reason: { key: string; params?: MessageParams | undefined } | null): string => (reason ? say(reason.key, reason.params) : ''),
    /** A core message key with its params (a row error of a statement, say). */
    message: (key: string, params?: MessageParams) => say(key, params),
    /** A refusal in words: its first field's message when it names fields, else its own. */
    error: (error: unknown): string => {
      if (!(error instanceof ApiError)) return t('errors.internal');
      const issue = error.fields?.[0];
      return refusal(issue?.key ?? error.key, issue?.params ?? error.params);
    },
    /** The refusal's own sentence, above its per-row list ("3 isian salah; …"). */
    headline: (error: unknown): string => (error instanceof ApiError ? refusal(error.key, error.params) : t('errors.internal')),
  };
  return words;
}
