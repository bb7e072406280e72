/**
 * Search queries. Cases are written in Simplified Chinese, so a Traditional query is
 * converted before it reaches the index (第一書記 → 第一书记). The converter is passed in, so
 * this stays pure and the browser loads OpenCC's small t2cn dictionary only.
 */
export type Convert = (text: string) => string;

/** Trims, folds full-width spaces and converts the script; several words stay several words. */
export function normaliseQuery(raw: string, toSimplified: Convert): string {
  return toSimplified(raw.replace(/\u3000/g, ' ').replace(/\s+/g, ' ').trim());
}

/**
 * The words of a (normalised) query that a page's text does not hold as written. Pagefind
 * matches the pieces the browser cuts a query into anywhere on the page, so 网格 also finds
 * a page with only 互联网 and 不拘一格; the results list says so instead of implying a match.
 * Pagefind's page text carries zero-width spaces between words; they are not part of it.
 */
export function wordsNotInText(query: string, text: string): string[] {
  const plain = text.replaceAll('\u200b', '');
  return query.split(' ').filter((word) => word && !plain.includes(word));
}
