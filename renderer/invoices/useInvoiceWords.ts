import { useI18n } from 'vue-i18n';
import { ApiError, type MessageParams } from '../../shared/api/errors';
import { useFormat } from '../format/useFormat';
import { formatDue, formatMoney, scheduleText, type Channel, type DisplayStatus, type InvoiceBatchView, type InvoiceMessageView, type NoticeState } from './invoiceLabels';

/** The invoice desk's words in the user's language: statuses, channels, money, and the core's refusals. */
export function useInvoiceWords() {
  const { t, te } = useI18n();
  const format = useFormat();
  const say = (key: string, params: MessageParams = {}) => (te(key) ? t(key, params) : t('errors.internal'));
  return {
    dateTime: format.dateTime,
    money: formatMoney,
    due: formatDue,
    schedule: scheduleText,
    display: (s: DisplayStatus) => t(`invoicesDesk.display.${s}`),
    notice: (s: NoticeState) => t(`invoicesDesk.notice.${s}`),
    channel: (c: Channel) => t(`invoicesDesk.channels.${c}`),
    /** Sent, or what WhatsApp said of it since: delivered to the phone, read. */
    messageStatus: (m: Pick<InvoiceMessageView, 'status' | 'delivery'>) => t(`invoicesDesk.messages.status.${m.delivery ?? m.status}`),
    kind: (m: Pick<InvoiceMessageView, 'kind' | 'reminder'>) => (m.reminder ? `${t(`invoicesDesk.messages.kind.${m.kind}`)} ${m.reminder}` : t(`invoicesDesk.messages.kind.${m.kind}`)),
    batch: (b: InvoiceBatchView) => t('invoicesDesk.batch.choice', { file: b.fileName, n: b.accepted, date: format.dateTime(b.createdAt) }),
    /** A core message key with its params (a sheet row's problem, say). */
    message: (key: string, params?: MessageParams) => say(key, params),
    /** A refusal in words: its first field's message when it names fields, else its own. */
    error: (error: unknown): string => {
      if (!(error instanceof ApiError)) return t('errors.internal');
      const issue = error.fields?.[0];
      return say(issue?.key ?? error.key, issue?.params ?? error.params);
    },
    /** The refusal's own sentence, above its per-row list. */
    headline: (error: unknown): string => (error instanceof ApiError ? say(error.key, error.params) : t('errors.internal')),
  };
}
