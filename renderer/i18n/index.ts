import { createI18n } from 'vue-i18n';
import { messagesEn } from '../../shared/i18n/messages.en';
import { messagesId } from '../../shared/i18n/messages.id';
import { rendererMessagesEn } from './messages.en';
import { rendererMessagesId } from './messages.id';

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];

// The contract's error and validation messages (shared with the CLI) plus the desk's own words.
export const messages = {
  id: { ...messagesId, ...rendererMessagesId },
  en: { ...messagesEn, ...rendererMessagesEn },
};

export type MessageSchema = (typeof messages)['id'];

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

export function createAppI18n(locale: Locale) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'id',
    messages,
    // A key the core sends that the desk does not know yet falls back to errors.internal in
    // useErrorText; the console warning would only be noise at the counter.
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
