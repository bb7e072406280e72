/**
 * Term tokens (search-terms.ts): a vocabulary word looked up by one token must find exactly the
 * texts its pair phrase finds, as often. Here against the encoding itself; against a real
 * Pagefind index in tests/site/build.test.ts and at 10,000 cases in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { searchTerms, TermFinder } from '../../src/lib/search-terms.ts';
import { decodeTokens, encodeText, foldText, termToken, tokenText, wordQuery } from '../../src/lib/search-tokens.ts';
import { SEARCH_TERMS } from '../../src/lib/search-record.ts';
import { vocabulary } from '../../src/schema/vocabulary.ts';

/** How often the pair phrase of `word` occurs in the text's tokens, as Pagefind would match it. */
function phraseMatches(text: string, word: string): number {
  const tokens = encodeText(text);
  const phrase = encodeText(word);
  let count = 0;
  for (let i = 0; i + phrase.length <= tokens.length; i++) if (phrase.every((p, j) => tokens[i + j] === p)) count++;
  return count;
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('the terms', () => {
  it('are the vocabulary words of three or more characters in one run, folded', () => {
    expect(SEARCH_TERMS).toEqual(searchTerms(vocabulary));
    for (const word of ['集体经济', '第一书记', '驻村第一书记', '发展村集体经济', '软弱涣散']) expect(SEARCH_TERMS).toContain(word);
    // Two characters are one pair already; a word with a separator is never one query word.
    expect(SEARCH_TERMS).not.toContain('网格');
    expect(SEARCH_TERMS.filter((t) => /[^\p{L}\p{N}]/u.test(t))).toEqual([]);
    expect(searchTerms({ measures: [{ name: '支部+合作社', aliases: ['ＡＢＣ村'], keywords: ['党建', '党建'] }] as never })).toEqual(['abc村']);
  });
});

describe('finding terms in a text', () => {
  const finder = new TermFinder(SEARCH_TERMS);

  it('writes one token per occurrence, overlapping ones included, never across a separator', () => {
    const tokens = finder.tokens('发展村集体经济，集体，经济。驻村第一书记');
    expect(tokens).toEqual(['发展村集体经济', '村集体经济', '集体经济', '驻村第一书记', '第一书记'].map(termToken));
  });

  it('agrees with the pair phrase on every term, in texts made of the vocabulary, separators and noise', () => {
    const next = random(20261202);
    const pieces = [...SEARCH_TERMS, '，', '。', ' ', '村', '的', '集体', '书记', 'ＡＢ', '2016'];
    for (let sample = 0; sample < 300; sample++) {
      const text = Array.from({ length: 2 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const tokens = finder.tokens(text);
      for (const term of SEARCH_TERMS)
        expect([text, term, tokens.filter((t) => t === termToken(term)).length]).toEqual([text, term, phraseMatches(text, term)]);
    }
  });

  it('folds full-width letters and digits as the pairs do', () => {
    const letters = new TermFinder(['ab村']);
    expect(letters.tokens('ＡＢ村')).toEqual([termToken('ab村')]);
  });
});

describe('a query word', () => {
  const terms = new Set(SEARCH_TERMS);

  it('asks for its term token, one position per match, when it is a term; else for its pairs', () => {
    expect(wordQuery('集体经济', terms)).toEqual({ query: `"${termToken('集体经济')}"`, span: 1 });
    expect(wordQuery('网格化', terms)).toEqual({ query: `"${encodeText('网格化').join(' ')}"`, span: 2 });
    expect(wordQuery('集体经济', new Set())).toEqual({ query: `"${encodeText('集体经济').join(' ')}"`, span: 3 });
  });

  it('leaves term tokens out of the text decoded for excerpts', () => {
    const text = '村集体经济，第一书记。';
    expect(decodeTokens([...encodeText(text), ...finderTokens(text)]).text).toBe(foldText(text));
  });
});

const finderTokens = (text: string) => new TermFinder(SEARCH_TERMS).tokens(text);

describe('reading a token back', () => {
  it('gives the term a term token stands for, and the text of any other token', () => {
    expect(tokenText(termToken('集体经济'))).toBe('集体经济');
    expect(encodeText('网格，村').map(tokenText)).toEqual(['网格', '，', '村']);
  });
});
