/**
 * The pair encoding behind exact search: what a record holds, what a query asks for, and the
 * text decoded back for excerpts. Exactness itself is proven against a real index and page in
 * tests/browser/exact-search.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { decodeTokens, encodeText, foldText, HEAD_TOKENS, parseQuery, phraseFor, SHORT_CODES } from '../../src/lib/search-tokens.ts';
import { highlight, relevanceKey, intersect, readableExcerpt } from '../../src/lib/exact-search.ts';
import { FREQUENT_CHARACTERS } from '../../src/lib/search-alphabet.ts';
import { searchNames } from '../../src/lib/search-names.ts';
import { namedWords, suggest } from '../../src/lib/search-suggest.ts';
import { headTokens } from '../../src/lib/search-record.ts';
import { checkCaseText, formatProblem } from '../../src/lib/validate.ts';
import { vocabulary } from '../../src/schema/vocabulary.ts';
import { LIMITS, MAX_MEASURES } from '../../src/schema/case.ts';
import { caseText, validCase } from '../helpers/case-text.ts';

describe('pair tokens', () => {
  it('writes each pair of neighbouring characters as one ASCII word, and separators as they are, without a space', () => {
    const tokens = encodeText('集体经济，网格 \u3000\u0085\u200b。村');
    expect(tokens).toHaveLength(3 + 1 + 1 + 1 + 1);
    // Never starting with u or w, which mark a lone character and a vocabulary term.
    for (const t of tokens.slice(0, 3)) expect(t).toMatch(/^[0-9a-tv-z][0-9a-z]{3,9}$/);
    expect(tokens[3]).toBe('，');
    // Pagefind would split a token at a space or drop U+200B, and the token would lose its position.
    expect(tokens[5]).toMatch(/^[^\s\u0085\u200b]{5}$/);
    expect(decodeTokens(tokens).text).toBe('集体经济，网格    。村');
  });

  it('decodes back to the text, with where each token starts and ends', () => {
    const text = '主要做法：打造“网格化”服务品牌。A村 2016年';
    const decoded = decodeTokens(encodeText(text));
    expect(decoded.text).toBe(foldText(text));
    expect(decoded.text.slice(decoded.starts[0], decoded.ends[0])).toBe('主要');
  });

  it('folds full-width letters and digits but keeps Chinese punctuation', () => {
    expect(foldText('ＡＢ２０１６年，ｘ')).toBe('ab2016年，x');
  });

  it('spells the characters the casebook uses most in two letters, other Chinese in three, and any letter or digit at all', () => {
    expect(encodeText('集体')[0]).toHaveLength(4);
    expect(encodeText('2016')).toHaveLength(3);
    for (const t of encodeText('2016')) expect(t).toHaveLength(4);
    // 猕 and 𠀀 (U+20000, beyond the basic block) are not among the frequent ones.
    expect(FREQUENT_CHARACTERS).not.toMatch(/[猕𠀀]/u);
    expect(encodeText('猕集')[0]).toHaveLength(5);
    expect(encodeText('𠀀集')[0]).toHaveLength(7);
    expect(new Set(FREQUENT_CHARACTERS).size).toBe([...FREQUENT_CHARACTERS].length);
    expect([...FREQUENT_CHARACTERS].length).toBeLessThanOrEqual(SHORT_CODES);
  });

  it('decodes every pair of characters of every spelling length back to the same two', () => {
    const frequent = [...FREQUENT_CHARACTERS];
    const samples = [...frequent.filter((_, i) => i % 37 === 0), frequent.at(-1)!, '\u4e00', '\u9fff', '猕', '龘', 'a', 'z', 'é', 'ж', '𠀀', '\u{30000}'];
    for (const a of samples)
      for (const b of samples) {
        const [pair, ...rest] = encodeText(a + b);
        expect(rest).toEqual([]);
        expect([a + b, decodeTokens([pair!]).text]).toEqual([a + b, a + b]);
      }
    for (const c of samples) expect(decodeTokens(encodeText(`，${c}。`)).text).toBe(`，${c}。`);
  });

  it('asks for a word as the phrase of its pairs', () => {
    const [a, b] = encodeText('网格化');
    expect(phraseFor('网格化')).toBe(`"${a} ${b}"`);
  });

  it('splits a query at spaces and punctuation, drops quotes of every kind, and sets single characters apart', () => {
    expect(parseQuery('“合作社” 「茶叶」 "集体经济" 村')).toEqual({ words: ['合作社', '茶叶', '集体经济'], single: ['村'] });
    expect(parseQuery('支部+合作社')).toEqual({ words: ['支部', '合作社'], single: [] });
    expect(parseQuery('网格 网格')).toEqual({ words: ['网格'], single: [] });
  });
});

describe('ranking and excerpts', () => {
  const result = (id: string, words: number[]) => ({ id, words, data: async () => ({ url: id, content: '', meta: {}, filters: {}, locations: [] }) });

  it('keeps only cases every word matched, head matches first, then more matches', () => {
    const ranked = intersect([
      {
        word: '合作社',
        span: 2,
        results: [
          result('a', [HEAD_TOKENS + 5, HEAD_TOKENS + 6]),
          result('b', [3, 4]),
          result('c', [HEAD_TOKENS, HEAD_TOKENS + 1, HEAD_TOKENS + 9, HEAD_TOKENS + 10]),
        ],
      },
      { word: '集体', span: 1, results: [result('c', [HEAD_TOKENS + 20]), result('a', [HEAD_TOKENS + 30]), result('b', [HEAD_TOKENS + 40])] },
    ]);
    // In the first word's order, each with what ranks it: c holds 合作社 twice (four positions, two per match) and 集体 once.
    expect(ranked.map((r) => [r.id, r.inHead, r.occurrences])).toEqual([
      ['a', false, 2],
      ['b', true, 2],
      ['c', false, 3],
    ]);
    expect([...ranked].sort((a, b) => relevanceKey(a) - relevanceKey(b)).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(
      intersect([
        { word: '合作社', span: 2, results: [result('a', [1, 2])] },
        { word: '茶叶', span: 1, results: [] },
      ]),
    ).toEqual([]);
  });

  it('highlights whole words and escapes the rest', () => {
    expect(highlight('<b>第一书记</b>和第一书记', ['第一书记'])).toBe('&lt;b&gt;<mark>第一书记</mark>&lt;/b&gt;和<mark>第一书记</mark>');
  });

  it('starts at a clause boundary near the first body match, never repeats the title, and reads figures as 数据', () => {
    const head = encodeText('网格标题。');
    const pad = Array<string>(HEAD_TOKENS - head.length).fill(encodeText(' ')[0]!);
    const body = '背景。某县地处山区，交通不便，长期以来村集体收入薄弱。县里推行网格化服务，干部包片到户。数据：网格员 120名。';
    const content = [...head, ...pad, ...encodeText(body)].join(' ');
    const excerpt = readableExcerpt({ content, meta: { summary: '摘要' } }, ['网格']);
    expect(excerpt).toContain('县里推行<mark>网格</mark>化服务');
    expect(excerpt).not.toContain('标题');
    expect(excerpt.startsWith('…')).toBe(true);
    expect(readableExcerpt({ content, meta: { summary: '摘要' } }, ['网格员'])).toContain('数据：<mark>网格员</mark> 120名。');
    expect(readableExcerpt({ content, meta: { summary: '说的是网格标题' } }, ['标题'])).toBe('说的是网格<mark>标题</mark>');
  });
});

describe('the head every record reserves', () => {
  it("holds the longest head the schema allows with today's vocabulary, so the check never has to refuse one", () => {
    // Each character standing alone between separators costs two tokens per character pair: the most a text can cost.
    const worst = (n: number) => '字，'.repeat(n / 2);
    const measures = [...vocabulary.measures]
      .sort((a, b) => encodeText([b.name, ...b.aliases].join('。')).length - encodeText([a.name, ...a.aliases].join('。')).length)
      .slice(0, MAX_MEASURES)
      .map((m) => m.id);
    // Or dense with vocabulary terms, which add a term token each: 发展村集体经济 holds three.
    const dense = (n: number) => '发展村集体经济'.repeat(n).slice(0, n);
    for (const [title, summary] of [
      [worst(LIMITS.title.max), worst(LIMITS.summary.max)],
      [dense(LIMITS.title.max), dense(LIMITS.summary.max)],
    ]) {
      const data = { ...validCase(), title, summary, measures };
      const { problems, checked } = checkCaseText('content/cases/test-case.mdx', caseText(data));
      expect(problems.map(formatProblem)).toEqual([]);
      const head = headTokens(checked!.data).length;
      expect(head).toBeGreaterThan(HEAD_TOKENS * 0.6); // the bound is close, not lavish: fragments carry the padding
      expect(head).toBeLessThanOrEqual(HEAD_TOKENS);
    }
  });
});

describe('measures and places by name', () => {
  const names = searchNames([{ region: { province: '湖北省', provinceCode: '42', city: '荆州市', county: '沙市区' } } as never]);

  it('suggests by Chinese, by pinyin and by initials', () => {
    expect(suggest(names, 'shashi')[0]?.name).toBe('沙市区');
    expect(suggest(names, 'jtjj')[0]?.name).toBe('发展村集体经济');
    expect(suggest(names, '第一').map((n) => n.name)).toContain('选派第一书记');
    expect(suggest(names, '')).toEqual([]);
  });

  it('says when a query word is a measure’s name or alias, or a place', () => {
    expect(namedWords(names, ['第一书记'])).toBe('“第一书记”是措施“选派第一书记”的别称，标有这项措施的案例都在结果中。');
    expect(namedWords(names, ['沙市区'])).toBe('“沙市区”是地名，这里的案例都在结果中。');
    expect(namedWords(names, ['茶叶'])).toBe('');
  });
});
