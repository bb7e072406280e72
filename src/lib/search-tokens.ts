/**
 * Exact Chinese search on Pagefind (docs: ../shared/research/chinese-exact-search.md). Pagefind
 * cuts an index's Chinese with jieba and a query with the browser's Intl.Segmenter, and the two
 * never agree; so the casebook gives Pagefind no Chinese at all. Every text is written as the
 * overlapping pairs of its characters (集体经济 → 集体 体经 经济), each pair as one ASCII word,
 * and a query word is searched as the phrase of its pairs: a case matches exactly when it holds
 * the word as written. The same module encodes at build time and in the browser.
 *
 * Each character is spelled in base-36 digits, and the first digit tells the spelling's length:
 *   0–b   2 digits: the digits and the 422 Chinese characters the casebook uses most
 *         (search-alphabet.ts);
 *   c–s   3 digits: any other character of the CJK Unified Ideographs block (U+4E00–U+9FFF);
 *   t     then 4 digits of the code point: any other letter or digit.
 * So most pairs take 4 or 5 letters where a fixed width took 8. A result's fragment holds every
 * token of its case: on the bench corpus it is 35% shorter than with the fixed width, and 16%
 * smaller compressed, which is what a reader downloads.
 *
 * Tokens, told apart by their first character:
 *   0–9, a–t          a pair of characters, one spelling after the other;
 *   u + a spelling    a character standing alone between separators (kept for decoding);
 *   w + spellings     a term of the casebook's vocabulary (search-terms.ts), an extra token
 *                     outside the text's own run of tokens, never decoded;
 *   anything else     the separators (punctuation, spaces) between two runs, as they are, with
 *                     every space written as U+E000. Pagefind gives such a token a position,
 *                     so a phrase never matches across it, but indexes nothing for it (it has
 *                     no letter or digit): a tenth of a text's tokens cost the index nothing.
 */
import { FREQUENT_CHARACTERS } from './search-alphabet.ts';

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

/** First digits 0–b start a two-digit spelling. */
const SHORT_FIRST_DIGITS = 12;
/** How many characters have a two-digit spelling. */
export const SHORT_CODES = SHORT_FIRST_DIGITS * 36;
const FREQUENT = [...FREQUENT_CHARACTERS];
const frequentIndex = new Map(FREQUENT.map((c, i) => [c, i]));
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;
/** Three-digit spellings start after the two-digit ones: first digits c–s. */
const CJK_BASE = SHORT_CODES * 36;
const ESCAPE = 't';
const digits = (n: number, width: number) => n.toString(36).padStart(width, '0');

/** A character's spelling. */
function spell(c: string): string {
  const frequent = frequentIndex.get(c);
  if (frequent !== undefined) return digits(frequent, 2);
  const point = c.codePointAt(0)!;
  if (point >= CJK_FIRST && point <= CJK_LAST) return digits(CJK_BASE + point - CJK_FIRST, 3);
  return ESCAPE + digits(point, 4);
}

/** Spellings already made: a build spells some thirty million characters, of a few thousand kinds. */
const spellings = new Map<string, string>();
function code(c: string): string {
  let spelled = spellings.get(c);
  if (spelled === undefined) spellings.set(c, (spelled = spell(c)));
  return spelled;
}

/** The character spelled at `at` in `token`, and where the next spelling starts. */
function readCode(token: string, at: number): [string, number] {
  const first = parseInt(token[at]!, 36);
  if (first < SHORT_FIRST_DIGITS) return [FREQUENT[parseInt(token.slice(at, at + 2), 36)]!, at + 2];
  if (token[at] !== ESCAPE) return [String.fromCodePoint(CJK_FIRST + parseInt(token.slice(at, at + 3), 36) - CJK_BASE), at + 3];
  return [String.fromCodePoint(parseInt(token.slice(at + 1, at + 5), 36)), at + 5];
}

/** Every character spelled in `spelled`, in order. */
function readCodes(spelled: string): string[] {
  const chars: string[] = [];
  for (let at = 0; at < spelled.length;) {
    const [c, next] = readCode(spelled, at);
    chars.push(c);
    at = next;
  }
  return chars;
}

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

/** A run of word characters, or of separators. */
const RUN = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;

export interface Run {
  word: boolean;
  chars: string[];
}

/** Splits folded text into runs of word characters and of separators, in order. */
export function runsOf(text: string): Run[] {
  return Array.from(foldText(text).matchAll(RUN), ([run]) => {
    const chars = [...run];
    return { word: WORD_CHAR.test(chars[0]!), chars };
  });
}

/**
 * Stands for any space in a separator token: Pagefind splits a record at spaces (Unicode's,
 * and U+0085 beyond JavaScript's \s) and drops U+200B, and either would cost the token its
 * position. U+E000 is private use: neither a letter nor a space.
 */
const SPACE = '\ue000';
const SPACES = /[\s\u0085\u200b\ue000]/gu;

/** The text as tokens for a Pagefind record's content. */
export const encodeText = (text: string): string[] => encodeRuns(runsOf(text));

/** encodeText of text already split by runsOf. */
export function encodeRuns(runs: readonly Run[]): string[] {
  const tokens: string[] = [];
  for (const { word, chars } of runs) {
    if (!word) tokens.push(chars.join('').replace(SPACES, SPACE));
    else if (chars.length === 1) tokens.push(`u${code(chars[0]!)}`);
    else {
      let previous = code(chars[0]!);
      for (let i = 1; i < chars.length; i++) {
        const next = code(chars[i]!);
        tokens.push(previous + next);
        previous = next;
      }
    }
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
      const [first, second] = readCodes(t);
      if (!previousPair) text += first;
      const start = text.length - first!.length;
      text += second;
      starts.push(start);
      ends.push(text.length);
      previousPair = true;
      continue;
    }
    previousPair = false;
    starts.push(text.length);
    if (kind === 'single') text += readCodes(t.slice(1)).join('');
    else text += t.replaceAll(SPACE, ' ');
    ends.push(text.length);
  }
  return { text, starts, ends };
}

/** The text one token stands for, for people reading the index (the benchmark's chunk table). */
export function tokenText(token: string): string {
  return tokenKind(token) === 'term' ? readCodes(token.slice(1)).join('') : decodeTokens([token]).text;
}

function tokenKind(token: string): 'pair' | 'single' | 'term' | 'separator' {
  const first = token[0] ?? '';
  if (first === 'u') return 'single';
  if (first === 'w') return 'term';
  return /[0-9a-t]/.test(first) ? 'pair' : 'separator';
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
