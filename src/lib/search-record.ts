/**
 * One Pagefind record per case, for exact search (search-tokens.ts). Its content is the case's
 * searchable text as pair tokens, in two parts:
 *   the head — title, summary, measure names and aliases, region names — padded to HEAD_TOKENS
 *     tokens, so a match at a position below HEAD_TOKENS is a match in the head, which ranks
 *     first (Pagefind reports match positions before any result data is loaded);
 *   the text — body, then each figure as “数据：<指标> <数值>”;
 * and a term token for each vocabulary term the head or the text holds (search-terms.ts):
 * the head's inside the padded head, so they rank as head matches, and the text's after it.
 * Term tokens stand apart from the pairs, so no phrase of pairs runs into or across them.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { CaseData } from '../schema/case.ts';
import { measuresById, vocabulary } from '../schema/vocabulary.ts';
import { splitMeasures } from './measure-use.ts';
import { placeBelowProvince } from './region-pages.ts';
import { encodeRuns, encodeText, HEAD_TOKENS, runsOf } from './search-tokens.ts';
import { searchTerms, TermFinder } from './search-terms.ts';

/**
 * Pads the head. Pagefind gives every space-separated word of a record a position but indexes
 * only words with a letter or digit in them, so this takes up a position and costs the index
 * nothing: about 400 of a record's 2,000 positions are padding, and an indexed filler made
 * Pagefind write and store a position list of four million entries at 10,000 cases.
 */
export const FILLER = '-';
/** Written between parts, so a phrase never runs from one into the next. */
const BREAK = '。';

export interface SearchRecord {
  url: string;
  /** Space-separated tokens. */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The names a case can be found by besides its text: its measures (and their aliases) and places. */
export function headText(data: CaseData): string {
  const measures = data.measures.flatMap((id) => {
    const m = measuresById.get(id);
    return m ? [m.name, ...m.aliases] : [];
  });
  return [data.title, data.summary, ...measures, ...data.region.path].join(BREAK);
}

/** Body and figures, as readers see them. */
export function bodyText(data: CaseData, html: string): string {
  // Blocks (paragraphs, headings, list items) end in 。 so the excerpt never runs them together.
  const blocks = toText(fromHtml(html, { fragment: true }))
    .split(/\n+/)
    .map((b) => b.trim())
    .filter(Boolean);
  const figures = data.metrics.map((m) => `数据：${m.label} ${m.display}`);
  return [...blocks, ...figures].map((b) => (/[。！？；：…]$/.test(b) ? b : `${b}${BREAK}`)).join('');
}

/** The vocabulary terms written as tokens of their own (search-terms.ts). */
export const SEARCH_TERMS = searchTerms(vocabulary);
const termFinder = new TermFinder(SEARCH_TERMS);

/**
 * The head as tokens, its term tokens last; the case check (validate.ts) refuses a case whose
 * head is longer than HEAD_TOKENS.
 */
export function headTokens(data: CaseData): string[] {
  const text = headText(data);
  return [...encodeText(text + BREAK), ...termFinder.tokens(text)];
}

/** Without Pagefind sort keys: the page orders results itself, from the facet table (search-parts.ts). */
export function searchRecord(data: CaseData, html: string, url: string): SearchRecord {
  const head = headTokens(data);
  // Checked with the case (validate.ts); reaching this is a bug, not an editor's mistake.
  if (head.length > HEAD_TOKENS) throw new Error(`${data.id}: search head of ${head.length} tokens exceeds HEAD_TOKENS (${HEAD_TOKENS})`);
  const body = runsOf(bodyText(data, html));
  const tokens = [...head, ...Array<string>(HEAD_TOKENS - head.length).fill(FILLER), ...encodeRuns(body), ...termFinder.tokensOfRuns(body)];
  return {
    url,
    content: tokens.join(' '),
    // `primary`: the 主要措施 a result shows, by name, in order (filters hold every measure, for facets).
    meta: {
      title: data.title,
      summary: data.summary,
      region: data.region.path.join(' '),
      primary: splitMeasures(data)
        .primary.map((id) => measuresById.get(id)?.name ?? id)
        .join('、'),
    },
    filters: {
      measure: data.measures.map((id) => measuresById.get(id)?.name ?? id),
      province: [data.region.province],
      // By code: names below the province repeat across the country (several 朝阳区, 和平区).
      city: [placeBelowProvince(data.region)?.code].filter((c): c is string => c !== undefined),
      year: [String(data.year)],
      level: [data.level],
    },
  };
}
