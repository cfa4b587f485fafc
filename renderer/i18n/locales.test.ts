import { describe, expect, it } from 'vitest';
import { messagesEn } from '../../shared/i18n/messages.en';
import { messagesId } from '../../shared/i18n/messages.id';
import { messages } from './index';
import { rendererMessagesEn } from './messages.en';
import { rendererMessagesId } from './messages.id';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[prefix + key, value]] : leaves(value, `${prefix}${key}.`),
  );
}

/** Every object whose keys are not in code-unit order (the order of ESLint's sort-keys). */
function unsorted(tree: Tree, prefix = ''): string[] {
  const keys = Object.keys(tree);
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const here = keys.join() === sorted.join() ? [] : [prefix || '(root)'];
  return here.concat(
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [] : unsorted(value, `${prefix}${key}.`))),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

const sources: [string, Tree][] = [
  ['shared id', messagesId],
  ['shared en', messagesEn],
  ['renderer id', rendererMessagesId],
  ['renderer en', rendererMessagesEn],
];

describe('message trees', () => {
  const id = new Map(leaves(messages.id));
  const en = new Map(leaves(messages.en));

  it('id and en have the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...id.keys()].sort());
  });

  it('the shared and the renderer trees do not overwrite each other', () => {
    const shared = Object.keys(messagesId);
    expect(Object.keys(rendererMessagesId).filter((key) => shared.includes(key))).toEqual([]);
  });

  it.each(sources)('%s keeps its keys sorted', (_name, tree) => {
    expect(unsorted(tree)).toEqual([]);
  });

  it('id and en use the same parameters in each message', () => {
    const differing = [...id].filter(([key, text]) => placeholders(en.get(key) ?? '').join() !== placeholders(text).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('no message is empty or uses vue-i18n syntax characters by accident', () => {
    const suspicious = [...id, ...en].filter(([, text]) => text.trim() === '' || /[@|$]/.test(text));
    expect(suspicious).toEqual([]);
  });
});
