import { z } from 'zod';

// The first knowledge base: the FAQ table of seed 002, as staff exported it. Its format, exactly:
// a section title line, a header line `NO<TAB>PERTANYAAN<TAB>JAWABAN<TAB>KATEGORI`, then one line
// per question: number, question, answer, category, tab-separated. Numbers restart in each section.
// The answer is HTML from a rich-text editor: `<ol style="list-style-type: none">` never closed and
// without `<li>`, the items numbered inline ("1. … 2. …", once "1. 2. 2. 4."), sometimes two lists
// each under a `<p>MAS:</p>` or `<p>CMS:</p>` heading. Proper `<li>` lists are read too, for what
// head office adds later.

export const FAQ_CATEGORIES = ['KENDALA', 'CARA KERJA'] as const;
export type FaqCategory = (typeof FAQ_CATEGORIES)[number];

export interface FaqStepGroup {
  /** the `<p>…:</p>` heading above a list ("MAS", "CMS"), without the colon; null when none */
  heading: string | null;
  steps: string[];
}

export interface FaqArticle {
  /** slug of the question's first words, unique in the set; stable while the question is */
  id: string;
  /** the section title line above the table it came from */
  section: string;
  /** its NO in the source table (restarts per section) */
  sourceNo: number;
  question: string;
  /** every step as clean text, a heading prefixed ("MAS: Login MAS") */
  steps: string[];
  /** the same steps as they are grouped in the answer */
  stepGroups: FaqStepGroup[];
  category: FaqCategory;
}

export const faqArticleSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  section: z.string(),
  sourceNo: z.number().int().positive(),
  question: z.string().trim().min(1),
  steps: z.array(z.string().trim().min(1)).min(1),
  stepGroups: z.array(z.object({ heading: z.string().nullable(), steps: z.array(z.string()) })),
  category: z.enum(FAQ_CATEGORIES),
});

export interface FaqParseProblem {
  /** 1-based line of the source text */
  line: number;
  message: string;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** `&amp;`, `&lt;`, `&nbsp;`, `&#8211;`, `&#x2013;`; unknown entities are left as they are. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const clean = (text: string) => decodeHtmlEntities(text).replace(/\s+/g, ' ').trim();

// "1. " at the start or after a space. The digit must be followed by a dot and a space, so times
// ("08.30 WIB") and versions are not taken for item numbers.
const ITEM_NUMBER = /(?:^|\s)\d{1,2}[.)]\s+/g;

function splitNumberedItems(text: string): string[] {
  return text
    .split(ITEM_NUMBER)
    .map(clean)
    .filter((item) => item !== '');
}

const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi;

/** The steps of an answer cell, grouped under their `<p>…:</p>` headings. */
export function answerHtmlToStepGroups(html: string): FaqStepGroup[] {
  const groups: FaqStepGroup[] = [];
  let heading: string | null = null;
  let paragraph: string | null = null;
  let loose = ''; // list text without <li>, numbered inline
  let items: string[] | null = null; // <li> texts, once an <li> was seen
  let item: string | null = null;

  const flush = () => {
    if (item !== null) items?.push(item);
    const steps = items ? items.map(clean).filter((s) => s !== '') : [];
    steps.push(...splitNumberedItems(loose));
    if (steps.length > 0) groups.push({ heading, steps });
    heading = null;
    loose = '';
    items = null;
    item = null;
  };
  const addText = (text: string) => {
    if (paragraph !== null) paragraph += text;
    else if (item !== null) item += text;
    else loose += text;
  };

  let last = 0;
  for (const match of html.matchAll(TAG)) {
    addText(html.slice(last, match.index));
    last = match.index + match[0].length;
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    if (name === 'p' && !closing) {
      flush();
      paragraph = '';
    } else if (name === 'p' && paragraph !== null) {
      const text = clean(paragraph);
      paragraph = null;
      // "MAS:" heads the list that follows; any other paragraph is a step of its own
      if (text.endsWith(':')) heading = text.slice(0, -1).trim();
      else if (text !== '') groups.push({ heading: null, steps: [text] });
    } else if ((name === 'ol' || name === 'ul') && closing) {
      flush();
    } else if (name === 'ol' || name === 'ul') {
      const pending: string | null = heading;
      flush();
      heading = pending;
    } else if (name === 'li' && !closing) {
      if (item !== null) items?.push(item);
      items ??= [];
      item = '';
    } else if (name === 'li') {
      if (item !== null) items?.push(item);
      item = null;
    } else if (name === 'br') {
      addText(' ');
    }
  }
  addText(html.slice(last));
  if (paragraph !== null) {
    const text = clean(paragraph);
    if (text !== '') loose += ` ${text}`;
  }
  flush();
  return groups;
}

/** `Data order kosong "0"` → `data-order-kosong-0`: the first `maxWords` words, ASCII only. */
export function slugify(text: string, maxWords = 6): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  return words.slice(0, maxWords).join('-') || 'artikel';
}

const HEADER = /^NO\tPERTANYAAN\tJAWABAN\tKATEGORI\s*$/i;
const ROW = /^(\d+)\t/;

/** Reads the seed 002 table; every line it cannot read is a problem with its line number. */
export function parseFaqSeed(text: string): { articles: FaqArticle[]; problems: FaqParseProblem[] } {
  const articles: FaqArticle[] = [];
  const problems: FaqParseProblem[] = [];
  const usedIds = new Set<string>();
  let section = '';
  let inTable = false;

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (HEADER.test(raw)) {
      inTable = true;
      return;
    }
    const row = ROW.exec(raw);
    if (!row) {
      if (raw.includes('\t')) problems.push({ line, message: 'a table line that does not start with its number' });
      else {
        section = raw.trim();
        inTable = false;
      }
      return;
    }
    if (!inTable) {
      problems.push({ line, message: 'a question before the NO/PERTANYAAN/JAWABAN/KATEGORI header' });
      return;
    }
    const fields = raw.split('\t');
    if (fields.length < 4) {
      problems.push({ line, message: `expected 4 tab-separated columns, found ${fields.length}` });
      return;
    }
    const category = fields[fields.length - 1]!.trim().toUpperCase();
    if (!(FAQ_CATEGORIES as readonly string[]).includes(category)) {
      problems.push({ line, message: `unknown category "${category}" (KENDALA or CARA KERJA)` });
      return;
    }
    // staff end a list of symptoms with a comma; the question does not need it
    const question = clean(fields[1]!.replace(/<[^>]*>/g, ' ')).replace(/[\s,;]+$/, '');
    const stepGroups = answerHtmlToStepGroups(fields.slice(2, -1).join('\t'));
    const steps = stepGroups.flatMap((g) => g.steps.map((s) => (g.heading ? `${g.heading}: ${s}` : s)));
    if (question === '' || steps.length === 0) {
      problems.push({ line, message: question === '' ? 'no question' : 'no answer steps' });
      return;
    }
    const base = slugify(question);
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    articles.push({ id, section, sourceNo: Number(row[1]), question, steps, stepGroups, category: category as FaqCategory });
  });
  return { articles, problems };
}

/** The committed `resources/kb/faq-*.json` text for a set of articles. */
export function formatFaqJson(articles: readonly FaqArticle[]): string {
  return `${JSON.stringify(articles, null, 2)}\n`;
}
