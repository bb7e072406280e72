/**
 * The search page's use of the names list (search-names.ts builds it): suggestions as the
 * reader types, and the note that a query word is a measure's or a place's name.
 */
import { foldText } from './search-tokens.ts';

export interface SearchName {
  /** As shown: 选派第一书记, 沙市区. */
  name: string;
  /** 措施, 省, 市 or 县 */
  kind: string;
  /** Site path of its page, when it has one. */
  path?: string;
  /** What a query may equal to mean this name: the name and its aliases. */
  terms: string[];
  /** Full pinyin without tones or spaces (shashiqu), and initials (ssq), of the name and aliases. */
  pinyin: string[];
  initials: string[];
}

/** Names whose Chinese contains the typed text, or whose pinyin or initials start with it; best first. */
export function suggest(names: readonly SearchName[], typed: string, limit = 8): SearchName[] {
  const q = foldText(typed.trim()).replace(/\s+/g, '');
  if (!q) return [];
  const score = (n: SearchName): number => {
    if (n.terms.some((t) => t === q)) return 4;
    if (n.terms.some((t) => t.startsWith(q))) return 3;
    if (n.terms.some((t) => t.includes(q))) return 2;
    if (/^[a-z]+$/.test(q) && (n.pinyin.some((p) => p.startsWith(q)) || n.initials.some((p) => p.startsWith(q)))) return 1;
    return 0;
  };
  return names
    .map((n) => ({ n, s: score(n) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.n.name.length - b.n.name.length)
    .slice(0, limit)
    .map((x) => x.n);
}

/** What the page says when query words are names: every case of the measure or place is among the results. */
export function namedWords(names: readonly SearchName[], words: readonly string[]): string {
  const said: string[] = [];
  for (const word of words) {
    const named = names.find((n) => n.terms.includes(word));
    if (!named) continue;
    said.push(
      named.kind === '措施'
        ? `“${word}”是措施“${named.name}”${word === named.name ? '的名称' : '的别称'}，标有这项措施的案例都在结果中。`
        : `“${word}”是地名，这里的案例都在结果中。`,
    );
  }
  return said.join('');
}
