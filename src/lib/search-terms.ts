/**
 * Words of the casebook's own vocabulary with a search token of their own. A query word is
 * found as the phrase of its character pairs (search-tokens.ts), and Pagefind downloads one
 * index chunk per pair; for the words readers search most — measure names, aliases and
 * keywords such as 集体经济 or 第一书记 — every pair is common, so each chunk is heavy (four
 * chunks, 263 KB, for 集体经济 at 10,000 cases). Each occurrence of such a word is also
 * written as one term token, and a query for the word looks up that token alone: one chunk.
 * The answer is the same set of cases, because the build finds the terms with the same rule
 * the phrase follows: anywhere inside a run of letters and digits, after folding.
 */
import type { Vocabulary } from '../schema/vocabulary.ts';
import { foldText, runsOf, termToken, type Run } from './search-tokens.ts';

/**
 * The vocabulary's words that get a term token: every measure name, alias and keyword that is
 * a single run of three or more letters or digits after folding (a two-character word is one
 * pair already; a word with a separator in it is never one query word).
 */
export function searchTerms(vocabulary: Pick<Vocabulary, 'measures'>): string[] {
  const terms = new Set<string>();
  for (const m of vocabulary.measures)
    for (const word of [m.name, ...m.aliases, ...m.keywords]) {
      const runs = runsOf(word);
      if (runs.length === 1 && runs[0]!.word && runs[0]!.chars.length >= 3) terms.add(foldText(word));
    }
  return [...terms].sort();
}

interface Term {
  chars: string[];
  token: string;
}

/** Finds every occurrence of a set of terms inside the runs of a text. */
export class TermFinder {
  /** Terms by their first and second characters, so each position is tried against a few at most. */
  readonly #byStart = new Map<string, Map<string, Term[]>>();

  constructor(terms: readonly string[]) {
    for (const term of terms) {
      const chars = [...term];
      const seconds = this.#byStart.get(chars[0]!) ?? new Map<string, Term[]>();
      this.#byStart.set(chars[0]!, seconds);
      seconds.set(chars[1]!, [...(seconds.get(chars[1]!) ?? []), { chars, token: termToken(term) }]);
    }
  }

  /** One term token per occurrence (overlapping ones included), in text order. */
  tokens(text: string): string[] {
    return this.tokensOfRuns(runsOf(text));
  }

  /** `tokens` of text already split by runsOf. */
  tokensOfRuns(runs: readonly Run[]): string[] {
    const tokens: string[] = [];
    for (const { word, chars } of runs) {
      if (!word) continue;
      for (let i = 0; i + 1 < chars.length; i++) {
        const candidates = this.#byStart.get(chars[i]!)?.get(chars[i + 1]!);
        if (!candidates) continue;
        for (const term of candidates) if (term.chars.every((c, j) => chars[i + j] === c)) tokens.push(term.token);
      }
    }
    return tokens;
  }
}
