/**
 * Exact Chinese search on Pagefind (docs: ../shared/research/chinese-exact-search.md). Pagefind
 * cuts an index's Chinese with jieba and a query with the browser's Intl.Segmenter, and the two
 * never agree; so the casebook gives Pagefind no Chinese at all. Every text is written as the
 * overlapping pairs of its characters (集体经济 → 集体 体经 经济), each pair as one ASCII word,
 * and a query word is searched as the phrase of its pairs: a case matches exactly when it holds
 * the word as written. The same module encodes at build time and in the browser.
 *
 * Tokens, told apart by their first character:
 *   0–9, a–n          a pair of characters, each as 4 base-36 digits of its code point
 *                     (no code point's first digit is above n);
 *   u + 4 digits      a character standing alone between separators (kept for decoding);
 *   w + 4n digits     a term of the casebook's vocabulary (search-terms.ts), an extra token
 *                     outside the text's own run of tokens, never decoded;
 *   anything else     the separators (punctuation, spaces) between two runs, as they are, with
 *                     every space written as U+E000. Pagefind gives such a token a position,
 *                     so a phrase never matches across it, but indexes nothing for it (it has
 *                     no letter or digit): a tenth of a text's tokens cost the index nothing.
 */

/**
 * Positions at the start of each record reserved for its head (title, summary, measures,
 * places, and the vocabulary terms among them; see search-record.ts), so a match below it is a
 * match in the head. Every record pads its head to this length with a filler Pagefind does not
 * index, so the reserve costs the index nothing; it is kept above the longest head the schema
 * allows: a title of 60 and a summary of 150 characters dense with vocabulary terms, five place
 * names and 20 measures with their aliases come to about 530 tokens with today's vocabulary
 * (the bench corpus's heads average about 110). The case check refuses a longer head in Chinese.
 */
export const HEAD_TOKENS = 640;

const WIDTH = 4;
const code = (c: string) => c.codePointAt(0)!.toString(36).padStart(WIDTH, '0');
const char = (digits: string) => String.fromCodePoint(parseInt(digits, 36));
/** Letters and digits of any script form words; everything else separates them. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The form both sides compare: full-width letters and digits folded to half-width, Latin
 * letters in lower case. Chinese punctuation stays as it is (excerpts are decoded from this
 * form). Traditional → Simplified is the caller's (OpenCC), done on the query; cases are
 * written in Simplified.
 */
export const foldText = (text: string): string =>
  text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();

/** Splits folded text into runs of word characters and of separators, in order. */
export function runsOf(text: string): { word: boolean; chars: string[] }[] {
  const out: { word: boolean; chars: string[] }[] = [];
  for (const c of foldText(text)) {
    const word = WORD_CHAR.test(c);
    const last = out.at(-1);
    if (last && last.word === word) last.chars.push(c);
    else out.push({ word, chars: [c] });
  }
  return out;
}

/**
 * Stands for any space in a separator token: Pagefind splits a record at spaces (Unicode's,
 * and U+0085 beyond JavaScript's \s) and drops U+200B, and either would cost the token its
 * position. U+E000 is private use: neither a letter nor a space.
 */
const SPACE = '\ue000';
const SPACES = /[\s\u0085\u200b\ue000]/gu;

/** The text as tokens for a Pagefind record's content. */
export function encodeText(text: string): string[] {
  const tokens: string[] = [];
  for (const run of runsOf(text)) {
    if (!run.word) tokens.push(run.chars.join('').replace(SPACES, SPACE));
    else if (run.chars.length === 1) tokens.push(`u${code(run.chars[0]!)}`);
    else for (let i = 0; i + 1 < run.chars.length; i++) tokens.push(code(run.chars[i]!) + code(run.chars[i + 1]!));
  }
  return tokens;
}

/** The token standing for one occurrence of a vocabulary term (search-terms.ts). */
export const termToken = (term: string): string => `w${[...foldText(term)].map(code).join('')}`;

/** Where each token's text starts in the decoded text, and the decoded text itself. */
export interface Decoded {
  text: string;
  /** For token i, the offset in `text` of its first character. */
  starts: number[];
  /** For token i, the offset just after its last character. */
  ends: number[];
}

/** Turns record content back into the text it was made from (after folding). */
export function decodeTokens(tokens: readonly string[]): Decoded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let previousPair = false;
  for (const t of tokens) {
    const kind = tokenKind(t);
    if (kind === 'term') {
      // A term token repeats text the pairs already hold.
      starts.push(text.length);
      ends.push(text.length);
      previousPair = false;
      continue;
    }
    if (kind === 'pair') {
      // Consecutive pairs overlap by one character: 集体 体经 → 集体经.
      if (!previousPair) text += char(t.slice(0, WIDTH));
      const start = text.length - char(t.slice(0, WIDTH)).length;
      text += char(t.slice(WIDTH));
      starts.push(start);
      ends.push(text.length);
      previousPair = true;
      continue;
    }
    previousPair = false;
    starts.push(text.length);
    if (kind === 'single') text += char(t.slice(1));
    else text += t.replaceAll(SPACE, ' ');
    ends.push(text.length);
  }
  return { text, starts, ends };
}

/** The text one token stands for, for people reading the index (the benchmark's chunk table). */
export function tokenText(token: string): string {
  return tokenKind(token) === 'term' ? [...token.slice(1).matchAll(/.{4}/g)].map(([digits]) => char(digits)).join('') : decodeTokens([token]).text;
}

function tokenKind(token: string): 'pair' | 'single' | 'term' | 'separator' {
  const first = token[0] ?? '';
  if (first === 'u') return 'single';
  if (first === 'w') return 'term';
  return /[0-9a-n]/.test(first) ? 'pair' : 'separator';
}

/** A query split into what can be searched. */
export interface ParsedQuery {
  /** Words of two or more characters, folded, each searched exactly. */
  words: string[];
  /** Single characters, which pairs cannot find; the page says they were left out. */
  single: string[];
}

/** Quotes of any kind around or inside a query are only grouping, never text to find. */
const QUOTES = /["“”„‟'‘’「」『』〝〞﹁﹂﹃﹄]/g;

/**
 * Splits a (Traditional → Simplified converted) query into words: at spaces, and at any
 * punctuation inside a word, since separators are not searchable. Duplicates are dropped.
 */
export function parseQuery(query: string): ParsedQuery {
  const words: string[] = [];
  const single: string[] = [];
  for (const run of runsOf(query.replace(QUOTES, ' '))) {
    if (!run.word) continue;
    const word = run.chars.join('');
    const list = run.chars.length === 1 ? single : words;
    if (!list.includes(word)) list.push(word);
  }
  return { words, single };
}

/** The Pagefind query that finds exactly the records holding `word`: its pairs as one phrase. */
export function phraseFor(word: string): string {
  const chars = [...foldText(word)];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(code(chars[i]!) + code(chars[i + 1]!));
  return `"${pairs.join(' ')}"`;
}

/** How many tokens a phrase for `word` spans: one per pair. */
const phraseLength = (word: string): number => [...foldText(word)].length - 1;

/**
 * What to ask Pagefind for a query word: its term token when the word is one of `terms` (one
 * index chunk instead of one per pair), otherwise the phrase of its pairs; either finds
 * exactly the records holding the word. `span` is how many positions one match takes up.
 */
export function wordQuery(word: string, terms: ReadonlySet<string>): { query: string; span: number } {
  const folded = foldText(word);
  // Quoted, so Pagefind matches the token exactly and not as the prefix of a longer term.
  return terms.has(folded) ? { query: `"${termToken(folded)}"`, span: 1 } : { query: phraseFor(folded), span: phraseLength(folded) };
}
