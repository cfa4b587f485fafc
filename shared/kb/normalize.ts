import { KNOWN_ROOTS } from './roots';

// Search text for the knowledge base. Staff type "pencairan", "dicairkan" or "cair" for the same
// thing, so documents and queries both go through the same normalisation and a light stemmer, and
// the core stores the result in an SQLite FTS5 table (default unicode61 tokenizer). Tokens are only
// [a-z0-9]+, which makes them safe to quote in an FTS5 query and tokenised by FTS5 exactly as here.

export interface Token {
  /** the word as typed, normalised: lower case, no diacritics or punctuation */
  surface: string;
  stem: string;
}

/** Lower case, diacritics and punctuation removed, words separated by one space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '') // Mi'raj, Jum'at: one word
    .replace(/(\d)[.,](?=\d)/g, '$1') // 50.009 and 08.30 stay one number
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function tokenize(text: string): Token[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ').map((surface) => ({ surface, stem: stemWord(surface) }));
}

// Shorter words are left alone (menu, data, beri, ikan): stripping them leaves noise.
const MIN_WORD_TO_STEM = 5;
// What must remain after stripping by rule alone; a listed root may be shorter (cek, isi).
const MIN_STEM = 4;

type PrefixRule = [RegExp, readonly string[]];

// Prefix rules with the Indonesian sound changes: men+tanya → menanya, mem+pasti → memasti,
// meng+kirim → mengirim, meny+simpan → menyimpan; the same for pe-. Where a change cannot be undone
// with certainty (menanya: tanya or nanya?) a rule lists every candidate, most likely first.
const PREFIX_RULES: readonly PrefixRule[] = [
  [/^meny([aiueo].*)$/, ['s$1']],
  [/^peny([aiueo].*)$/, ['s$1']],
  [/^meng([aiueo].*)$/, ['$1', 'k$1']],
  [/^peng([aiueo].*)$/, ['$1', 'k$1']],
  [/^menge(.+)$/, ['$1']], // mengecek: me- before a one-syllable root
  [/^penge(.+)$/, ['$1']],
  [/^meng([ghkq].*)$/, ['$1']],
  [/^peng([ghkq].*)$/, ['$1']],
  [/^mem([bfpv].*)$/, ['$1']],
  [/^pem([bfpv].*)$/, ['$1']],
  [/^mem([aiueo].*)$/, ['p$1', 'm$1']],
  [/^pem([aiueo].*)$/, ['p$1', 'm$1']],
  [/^men([cdjzts].*)$/, ['$1']],
  [/^pen([cdjzts].*)$/, ['$1']],
  [/^men([aiueo].*)$/, ['t$1', 'n$1']],
  [/^pen([aiueo].*)$/, ['t$1', 'n$1']],
  [/^me([lrwymn].*)$/, ['$1']],
  [/^pe([lrwymn].*)$/, ['$1']],
  [/^per(.+)$/, ['$1']],
  [/^ber(.+)$/, ['$1']],
  [/^be(kerja.*)$/, ['$1']],
  [/^ter(.+)$/, ['$1']],
  [/^di(.+)$/, ['$1']],
  [/^ke(.+)$/, ['$1']],
  [/^se(.+)$/, ['$1']],
];

function prefixStrips(word: string): string[] {
  const out: string[] = [];
  for (const [pattern, replacements] of PREFIX_RULES) {
    if (!pattern.test(word)) continue;
    for (const replacement of replacements) {
      const candidate = word.replace(pattern, replacement);
      if (!out.includes(candidate)) out.push(candidate);
    }
  }
  return out;
}

/** The word and what stripping up to two prefixes can give, depth first (di-per-, me-per-, ke-ber-). */
function* prefixCandidates(word: string, depth = 2): Generator<string> {
  yield word;
  if (depth === 0) return;
  for (const next of prefixStrips(word)) yield* prefixCandidates(next, depth - 1);
}

// -i only after a consonant other than s, or after u: roots end in -ai/-ei (pakai, selesai) and
// loanwords in -si (aplikasi, transaksi), while tangan-i, hubung-i, setuju-i take the suffix.
const SUFFIXES: ReadonlyArray<[string, (base: string) => boolean]> = [
  ['kan', () => true],
  ['an', () => true],
  ['i', (base) => /([b-df-hj-np-rtv-z]|u)$/.test(base)],
];

/** The root of one normalised word (a token of {@link tokenize}); anything else comes back unchanged. */
export function stemWord(word: string): string {
  if (word.length < MIN_WORD_TO_STEM || !/^[a-z]+$/.test(word) || KNOWN_ROOTS.has(word)) return word;
  // particle, then possessive (kirimkanlah, terbaiknya); the unstripped form is tried first so
  // that a root ending in -lah survives (ber-masalah, not ber-masa-lah)
  const forms = [word];
  for (const ending of ['lah', 'kah', 'nya']) {
    const w = forms[forms.length - 1]!;
    if (w.endsWith(ending) && w.length - ending.length >= MIN_STEM) forms.push(w.slice(0, -ending.length));
  }
  const basesOf = (w: string) => [
    ...SUFFIXES.filter(([suffix, allowed]) => w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM && allowed(w.slice(0, -suffix.length))).map(
      ([suffix]) => w.slice(0, -suffix.length),
    ),
    w,
  ];
  for (const form of forms) {
    for (const base of basesOf(form)) {
      for (const candidate of prefixCandidates(base)) if (KNOWN_ROOTS.has(candidate)) return candidate;
    }
  }
  const bases = basesOf(forms[forms.length - 1]!);
  return stripByRulesAlone(bases[0]!);
}

// No known root: take the first rule each time, as long as enough of the word is left.
function stripByRulesAlone(word: string): string {
  let w = word;
  for (let i = 0; i < 2; i++) {
    const next = prefixStrips(w)[0];
    if (next === undefined || next.length < MIN_STEM) break;
    w = next;
  }
  return w;
}

/**
 * What the core puts in the FTS5 column for a text: each word as typed and its stem, once each,
 * in order. Both forms, so that a prefix query on a half-typed word ("pencai") still finds
 * "pencairan" while a finished word matches by its stem.
 */
export function ftsDocument(text: string): string {
  const words = new Set<string>();
  for (const { surface, stem } of tokenize(text)) {
    words.add(surface);
    words.add(stem);
  }
  return [...words].join(' ');
}

// Words that are in nearly every question; searching on them ranks everything alike. They still
// count when nothing else was typed.
const QUERY_STOP_WORDS: ReadonlySet<string> = new Set(
  'ada akan anda apa atau bagaimana bisa dan dari dengan di gimana ini itu ke kenapa mengapa pada saya sudah tidak tdk untuk yang yg'.split(' '),
);
// Enough to say what the problem is; more only slows the search down.
const MAX_QUERY_TERMS = 12;
// A one-letter prefix matches half the index.
const MIN_PREFIX_LENGTH = 2;

/**
 * Turns what the CS types into an FTS5 MATCH expression: any stem (OR), the last word also as a
 * prefix while it is being typed. Every term is a double-quoted [a-z0-9]+ string, so FTS5 syntax in
 * the input (quotes, NEAR, AND, *, parentheses, column filters) is only ever searched for as text.
 * Empty when there is nothing to search for: the caller then shows no suggestions.
 */
export function suggestQuery(text: string): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return '';
  const meaningful = tokens.filter((t) => !QUERY_STOP_WORDS.has(t.surface));
  const chosen = (meaningful.length > 0 ? meaningful : tokens).slice(-MAX_QUERY_TERMS);
  const last = chosen[chosen.length - 1]!;
  // the last word is still being typed unless the text ends in a space or punctuation
  const stillTyping = /[\p{L}\p{N}]$/u.test(text) && last === tokens[tokens.length - 1];

  const terms: string[] = [];
  const add = (term: string) => {
    if (!terms.includes(term)) terms.push(term);
  };
  for (const token of chosen) add(`"${token.stem}"`);
  if (stillTyping && last.surface.length >= MIN_PREFIX_LENGTH) add(`"${last.surface}"*`);
  return terms.join(' OR ');
}
