import { z } from 'zod';
import { defineMethods } from '../contract';
import { FAQ_CATEGORIES } from '../../kb/faq';

// The knowledge base (seed 002 FAQ, then head office's articles by sync). Everyone at the front
// desk reads it; only head office writes it (headoffice/kb).

const readers = { roles: ['cs', 'cs-manager', 'kasie', 'kacab', 'teller', 'ao'] } as const;

export const kbHit = z.object({
  id: z.string(),
  question: z.string(),
  category: z.enum(FAQ_CATEGORIES),
  section: z.string(),
  /** the first three steps, as a preview */
  steps: z.array(z.string()),
  /** higher is a better match */
  score: z.number(),
});
export type KbHit = z.infer<typeof kbHit>;

export const kbArticle = z.object({
  id: z.string(),
  question: z.string(),
  category: z.enum(FAQ_CATEGORIES),
  section: z.string(),
  stepGroups: z.array(z.object({ heading: z.string().nullable(), steps: z.array(z.string()) })),
  /** every step as text, a heading prefixed ("MAS: Login MAS") */
  steps: z.array(z.string()),
});
export type KbArticle = z.infer<typeof kbArticle>;

export const kbMethods = defineMethods({
  /** Cari artikel. */
  'kb.search': {
    input: z.object({ text: z.string().trim().max(200, 'validation.tooLong'), limit: z.number().int().min(1).max(50).optional() }),
    output: z.object({ articles: z.array(kbHit) }),
    access: readers,
    mutates: false,
  },
  /** Suggestions while the CS types a complaint's description; empty when nothing useful was typed. */
  'kb.suggest': {
    input: z.object({ text: z.string().max(2000, 'validation.tooLong') }),
    output: z.object({ articles: z.array(kbHit) }),
    access: readers,
    mutates: false,
  },
  'kb.get': { input: z.object({ id: z.string().trim().min(1, 'validation.required').max(120) }), output: kbArticle, access: readers, mutates: false },
});
