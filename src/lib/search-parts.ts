/**
 * The search index in parts. Pagefind can only build an index whole: at 10,000 cases that took
 * three minutes and 7 GB on every build, even after one case changed. Split by a hash of the case
 * into parts of about 1,250 cases, each part is a Pagefind index of its own, kept in the build
 * cache under a hash of its records, so a rebuild indexes again only the part whose records
 * changed; and Pagefind holds one part at a time. The browser merges the parts (`mergeIndex`);
 * with each part's chunks as much shorter as there are parts, a query downloads about as many
 * bytes as from one index (scripts/bench/notes.md, 2026-12-03 and 2026-12-04).
 *
 * Why 1,250: Pagefind's time to write a part grows faster than its records (2,500 records took
 * 16.5 s, 1,250 took 8.4 s, the same records with half their tokens 6.7 s), and in a rebuild the
 * one part that changed is what the build waits for last. At 10,000 cases eight parts instead of
 * four made a one-case rebuild 37 s instead of 46–52 s and the whole index 96 s instead of 132 s,
 * with the same bytes per query (notes.md, 2026-12-04).
 *
 * Pagefind merges the parts' results by score, so the pages' orders (by year, by region) are
 * not asked of Pagefind but made from the facet table, which lists the records in region order
 * and holds their years (inPageOrder).
 */

/** Cases per part; the build takes CASEBOOK_SEARCH_PART_CASES instead where set (tests split five cases into parts). */
export const PART_CASES = 1250;

/** The first part is the site's `pagefind/` folder, the others `pagefind/part-<n>/` inside it. */
export const PART_FOLDER = 'part-';

/** Parts for a number of cases: one for a small casebook. */
export function partCount(cases: number, perPart = PART_CASES): number {
  return Math.max(1, Math.round(cases / Math.max(1, perPart)));
}

/** FNV-1a of a string: a stable, evenly spread number for a case id, the same on every build. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * Splits records into parts of about equal size by a hash of each one's key (the case's URL),
 * each part in the order the records were given. A case stays in its part while the number of
 * parts stays the same, so one changed or added case changes one part.
 */
export function splitByKey<T>(records: readonly T[], keyOf: (record: T) => string, perPart = PART_CASES): T[][] {
  const parts: T[][] = Array.from({ length: partCount(records.length, perPart) }, () => []);
  for (const record of records) parts[fnv1a(keyOf(record)) % parts.length]!.push(record);
  return parts;
}

/** The pages' orders: newest first (compareCases) or by region (compareByRegion). */
export type PageOrder = 'year' | 'region';

/** Where a result stands in the pages' orders (from the facet table, facet-table.ts). */
export interface ResultPlace {
  /** Its place when sorted by region: region code, newest first, then title (sorting.ts). */
  rank: number;
  year: number;
}

/** Above any case's year: newest first is then smallest first. */
const MAX_YEAR = 10_000;

/**
 * Results in one of the pages' orders, whichever parts of the index they came from. By region:
 * the rank. By year: newest first, then the rank, which within a year is region code and title,
 * as the listings order them (compareCases). With `first` (relevance), results are ordered by
 * that number, smallest first, and the page's order only breaks its ties. A result the table
 * does not know goes last.
 *
 * Each result's order is worked out once as numbers, not in the comparison: a common word
 * finds most of the casebook, and this sort lies between the search and the first result.
 */
export function inPageOrder<R extends { id: string }>(
  results: readonly R[],
  sort: PageOrder,
  placeOf: (id: string) => ResultPlace | undefined,
  first?: (result: R) => number,
): R[] {
  const keyed = results.map((result) => {
    const place = placeOf(result.id);
    // Ranks stay below 2^21 (two million cases), so year and rank fit one exact number.
    const page = !place ? Number.MAX_SAFE_INTEGER : sort === 'year' ? (MAX_YEAR - place.year) * 2 ** 21 + place.rank : place.rank;
    return { result, first: first?.(result) ?? 0, page };
  });
  keyed.sort((a, b) => a.first - b.first || a.page - b.page);
  return keyed.map((k) => k.result);
}
