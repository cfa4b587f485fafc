import { useI18n } from 'vue-i18n';
import type { MessageParams } from '../../shared/api/errors';
import { formatPhoneId } from '../../shared/domain/phone';
import type { ApplicationStatus } from '../../shared/otp/model';
import { errorText, issueText, statusLabel, type Words } from './otpLabels';

/** The OTP desk's words in the user's language: statuses, phones, and the core's refusals. */
export function useOtpWords() {
  const { t, te } = useI18n();
  const words: Words = { t: (key: string, params?: MessageParams) => t(key, params ?? {}), te: (key: string) => te(key) };
  return {
    words,
    status: (status: ApplicationStatus) => statusLabel(status, words),
    /** `+6281234567890` as the counter writes it: `0812-3456-7890`. */
    phone: (e164: string | null) => (e164 ? formatPhoneId(e164) : t('otpDesk.detail.none')),
    product: (product: string) => t(`otpDesk.products.${product}`),
    error: (error: unknown) => errorText(error, words),
    issue: (issue: Parameters<typeof issueText>[0]) => issueText(issue, words),
  };
}
