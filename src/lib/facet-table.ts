/**
 * Facet counts for several words. Pagefind counts filter values exactly for one phrase search,
 * but a query of several words is an intersection of searches, which Pagefind cannot count.
 * Loading every intersected result's data to count it would cost a fragment per case. So the
 * build writes, beside the index, each record's facet values under its Pagefind id (the name
 * of its fragment file), in a compact table that the search page loads once, and only for
 * queries of several words.
 */
import type { CountMap, Facet } from './facets.ts';

export const FACET_TABLE_FILE = 'search-facets.json';

export interface FacetTable {
  /** Every value of each facet, in a fixed order. */
  values: Record<Facet, string[]>;
  /** Pagefind result id → for each facet (in `values` key order), the indexes of its values. */
  records: Record<string, number[][]>;
}

export function makeFacetTable(records: readonly { id: string; filters: Record<string, string[]> }[], facets: readonly Facet[]): FacetTable {
  const values = Object.fromEntries(facets.map((f) => [f, [...new Set(records.flatMap((r) => r.filters[f] ?? []))].sort()])) as Record<Facet, string[]>;
  const index = Object.fromEntries(facets.map((f) => [f, new Map(values[f].map((v, i) => [v, i]))]));
  return {
    values,
    records: Object.fromEntries(records.map((r) => [r.id, facets.map((f) => (r.filters[f] ?? []).map((v) => index[f]!.get(v)!))])),
  };
}

/** Counts per facet value over the given result ids. */
export function countWithTable(table: FacetTable, ids: Iterable<string>): CountMap {
  const facets = Object.keys(table.values) as Facet[];
  const counts: CountMap = {};
  for (const id of ids) {
    const row = table.records[id];
    if (!row) continue;
    facets.forEach((facet, i) => {
      const byValue = (counts[facet] ??= {});
      for (const v of row[i]!) {
        const name = table.values[facet][v]!;
        byValue[name] = (byValue[name] ?? 0) + 1;
      }
    });
  }
  return counts;
}
