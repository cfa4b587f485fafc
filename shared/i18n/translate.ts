import type { ApiErrorBody, MessageParams } from '../api/errors';
import { messagesEn } from './messages.en';
import { messagesId } from './messages.id';

// A translator for code outside Vue (the CLI, head office): the same message trees the desk uses.
export type Locale = 'id' | 'en';

type Tree = { [key: string]: string | Tree };
const trees: Record<Locale, Tree> = { id: messagesId as Tree, en: messagesEn as Tree };

export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  let node: string | Tree | undefined = trees[locale];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** One line for a person: the message, then each wrong field with its own message. */
export function describeError(locale: Locale, error: ApiErrorBody): string {
  const head = translate(locale, error.key, error.params);
  const fields = (error.fields ?? []).map((f) => `${f.path}: ${translate(locale, f.key, f.params)}`);
  return fields.length ? `${head} ${fields.join('; ')}` : head;
}
