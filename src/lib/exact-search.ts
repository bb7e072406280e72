/**
 * Exact search over the casebook's Pagefind index (records made by search-record.ts). A case
 * is a result exactly when its text holds every query word as written: one phrase search per
 * word, results intersected. Counts come from the same exact sets, so “找到 N 个” and every
 * facet count count exactly those cases.
 */
import type { Pagefind, PagefindResult, PagefindResultData } from './pagefind-types.ts';
import { decodeTokens, foldText, HEAD_TOKENS, wordQuery, type ParsedQuery } from './search-tokens.ts';
import { escapeHtml } from './html.ts';
import { inPageOrder, type PageOrder, type ResultPlace } from './search-parts.ts';

export interface ExactResult {
  id: string;
  /** Whether a word matched in the title, summary, measures or places. */
  inHead: boolean;
  /** Matches of all words. */
  occurrences: number;
  data(): Promise<PagefindResultData>;
}

export interface ExactSearch {
  results: ExactResult[];
  /** Words no case holds at all; the results are those of the other words. */
  missing: string[];
}

/** One word's matches, as Pagefind reports them before any data is loaded. */
export interface WordMatches {
  word: string;
  /** Positions one match of the word takes up (wordQuery). */
  span: number;
  results: Pick<PagefindResult, 'id' | 'words' | 'data'>[];
}

/**
 * The cases every word matched, in the first word's order, each with what ranks it by
 * relevance (relevanceKey). Unsorted: the caller sorts the intersection once (searchExact),
 * rather than every word's results, which for a common word are most of the casebook.
 */
export function intersect(perWord: readonly WordMatches[]): ExactResult[] {
  if (perWord.length === 0) return [];
  const [first, ...rest] = perWord;
  const others = rest.map((w) => new Map(w.results.map((r) => [r.id, r])));
  const inHead = (r: WordMatches['results'][number]) => r.words.some((position) => position < HEAD_TOKENS);
  const found: ExactResult[] = [];
  for (const lead of first!.results) {
    let occurrences = lead.words.length / Math.max(1, first!.span);
    let head = inHead(lead);
    let inAll = true;
    for (const [i, matches] of others.entries()) {
      const r = matches.get(lead.id);
      if (!r) {
        inAll = false;
        break;
      }
      occurrences += r.words.length / Math.max(1, rest[i]!.span);
      head ||= inHead(r);
    }
    // Pagefind's data() is a closure of its own; it is passed on, not wrapped.
    if (inAll) found.push({ id: lead.id, inHead: head, occurrences, data: lead.data });
  }
  return found;
}

/**
 * Relevance as a number to sort by, smallest first: a match in the title, summary, measures or
 * places puts a case in the first band, then more matches come before fewer.
 */
export const relevanceKey = (result: ExactResult): number => (result.inHead ? 0 : 1e9) - result.occurrences;

/**
 * Searches the words of a parsed query over every case; `terms` are the vocabulary terms the
 * index holds as tokens of their own (search-terms.ts, listed in the page). Facets are not
 * applied here: the page narrows and counts the results with the facet table (facet-table.ts).
 * A word that matches nothing is reported as missing and the other words' results are given.
 */
export async function searchExact(
  pf: Pick<Pagefind, 'search'>,
  query: ParsedQuery,
  /** One of the pages' orders; without one, by relevance (relevanceKey). */
  sort: PageOrder | undefined,
  terms: ReadonlySet<string>,
  /** Each result's place in the pages' orders (facet-table.ts, resultPlaces). */
  placeOf: (id: string) => ResultPlace | undefined,
): Promise<ExactSearch> {
  const searches = await Promise.all(
    query.words.map(async (word) => {
      const { query: lookup, span } = wordQuery(word, terms);
      return { word, span, results: (await pf.search(lookup)).results };
    }),
  );
  const missing = searches.filter((s) => s.results.length === 0).map((s) => s.word);
  const found = intersect(searches.filter((s) => s.results.length > 0));
  // Ties in relevance keep the listings' order (newest first), whichever part of the index a result came from.
  return { results: inPageOrder(found, sort ?? 'year', placeOf, sort ? undefined : relevanceKey), missing };
}

/**
 * One Pagefind search (null: every case), in one of the pages' orders. Pagefind is not asked
 * to sort: it merges the parts of the index by score, so the order comes from the facet table
 * (search-parts.ts).
 */
export async function sortedSearch(
  pf: Pick<Pagefind, 'search'>,
  term: string | null,
  sort: PageOrder,
  placeOf: (id: string) => ResultPlace | undefined,
): Promise<{ results: PagefindResult[] }> {
  const { results } = await pf.search(term);
  return { results: inPageOrder(results, sort, placeOf) };
}

const CLAUSE_END = '。！？；，、';
const WINDOW = 90;
const LEAD = 30;

/** Marks every occurrence of the words in a piece of text; the rest is escaped. */
export function highlight(text: string, words: readonly string[]): string {
  const folded = foldText(text);
  const marks: [number, number][] = [];
  for (const word of words) for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) marks.push([at, at + word.length]);
  marks.sort((a, b) => a[0] - b[0]);
  let html = '';
  let cursor = 0;
  for (const [start, end] of marks) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    html += `${escapeHtml(text.slice(cursor, from))}<mark>${escapeHtml(text.slice(from, end))}</mark>`;
    cursor = end;
  }
  return html + escapeHtml(text.slice(cursor));
}

/**
 * A readable excerpt of a result: from the body (or the figures, “数据：…”), starting at the
 * clause boundary before the first match, whole words highlighted, … where cut. When only the
 * head matched, the summary, highlighted; the title is never repeated.
 */
export function readableExcerpt(data: Pick<PagefindResultData, 'content' | 'meta'>, words: readonly string[]): string {
  const tokens = data.content.split(' ');
  const decoded = decodeTokens(tokens.slice(HEAD_TOKENS));
  const text = decoded.text;
  const first = Math.min(...words.map((w) => text.indexOf(w)).filter((i) => i !== -1));
  if (!Number.isFinite(first)) return highlight(data.meta['summary'] ?? '', words);
  let start = Math.max(0, first - LEAD);
  const boundary = [...CLAUSE_END].map((c) => text.lastIndexOf(c, first - 1)).reduce((a, b) => Math.max(a, b), -1);
  if (boundary >= start - LEAD && boundary !== -1) start = boundary + 1;
  else if (boundary === -1 && first < LEAD * 2) start = 0;
  let end = Math.min(text.length, start + WINDOW);
  // End at a sentence end near the window's end, but never before the match.
  const from = Math.max(first + 1, end - 20);
  const stop = [...'。！？；'].map((c) => text.indexOf(c, from)).filter((i) => i !== -1 && i < end + 20);
  if (stop.length > 0) end = Math.min(...stop) + 1;
  const piece = text.slice(start, end).replace(/^[。，；：、\s]+/, '');
  return `${start > 0 ? '…' : ''}${highlight(piece, words)}${end < text.length && !/[。！？；]$/.test(piece) ? '…' : ''}`;
}
