/**
 * Facet filtering and counting in the page. The build writes, beside the index, each record's
 * facet values under its Pagefind id (the name of its fragment file), in a compact table that
 * the browse and search pages load once. Pagefind finds the cases that hold the query; the
 * table then narrows them to the chosen facets and counts every value, without another search.
 *
 * Why not Pagefind's own filters: a query of several words is an intersection of searches,
 * which Pagefind cannot count; and each count would be a further search whose results (up to
 * every case) Pagefind hands over one object per case. Counted here, a selection costs one
 * search per word, whatever facets are ticked.
 */
import { PART_FOLDER, type ResultPlace } from './search-parts.ts';
import { facetCounts, pagefindFilters, type CountMap, type Facet, type FacetOptions, type FilterMap, type Selection } from './facets.ts';

export const FACET_TABLE_FILE = 'search-facets.json';

export interface FacetTable {
  /** Every value of each facet, in a fixed order. */
  values: Record<Facet, string[]>;
  /**
   * Pagefind result id → for each facet (in `values` key order), the indexes of its values; in
   * the order the cases are listed by region (resultPlaces).
   */
  records: Record<string, number[][]>;
  /** How many parts the index is in (search-parts.ts). */
  parts: number;
}

export function makeFacetTable(records: readonly { id: string; filters: Record<string, string[]> }[], facets: readonly Facet[], parts = 1): FacetTable {
  const values = Object.fromEntries(facets.map((f) => [f, [...new Set(records.flatMap((r) => r.filters[f] ?? []))].sort()])) as Record<Facet, string[]>;
  const index = Object.fromEntries(facets.map((f) => [f, new Map(values[f].map((v, i) => [v, i]))]));
  return {
    values,
    records: Object.fromEntries(records.map((r) => [r.id, facets.map((f) => (r.filters[f] ?? []).map((v) => index[f]!.get(v)!))])),
    parts,
  };
}

/** The folders, under `pagefind/`, of the parts merged into the first (search-parts.ts). */
export const mergedParts = (table: FacetTable): string[] => Array.from({ length: table.parts - 1 }, (_, i) => `${PART_FOLDER}${i + 1}/`);

/** Each record's place in the pages' orders: its row's position (the table lists records in region order) and its year. */
export function resultPlaces(table: FacetTable): (id: string) => ResultPlace | undefined {
  const yearColumn = (Object.keys(table.values) as Facet[]).indexOf('year');
  const places = new Map(
    Object.entries(table.records).map(([id, row], rank) => [id, { rank, year: Number(table.values.year[row[yearColumn]?.[0] ?? -1] ?? 0) }]),
  );
  return (id) => places.get(id);
}

/** Counts per facet value over the given result ids; like Pagefind's, every value is listed, 0 included. */
export function countWithTable(table: FacetTable, ids: Iterable<string>): CountMap {
  const facets = Object.keys(table.values) as Facet[];
  const tallies = facets.map((facet) => table.values[facet].map(() => 0));
  for (const id of ids) table.records[id]?.forEach((values, column) => values.forEach((v) => tallies[column]![v]!++));
  return Object.fromEntries(facets.map((facet, column) => [facet, Object.fromEntries(table.values[facet].map((value, i) => [value, tallies[column]![i]!]))]));
}

/**
 * Whether a record has, for every facet in `filters`, one of that facet's chosen values: OR
 * within a facet, AND across, as Pagefind's `any` filters select. A record the table does not
 * hold matches nothing.
 */
export function tableMatcher(table: FacetTable, filters: FilterMap): (id: string) => boolean {
  const facets = Object.keys(table.values) as Facet[];
  const wanted = Object.entries(filters).map(([facet, { any }]) => {
    const chosen = new Set(any);
    const values = table.values[facet as Facet] ?? [];
    // A facet the table lacks has column -1: no row has it, so nothing matches.
    return { column: facets.indexOf(facet as Facet), indexes: new Set(values.flatMap((v, i) => (chosen.has(v) ? [i] : []))) };
  });
  return (id) => {
    const row = table.records[id];
    return row !== undefined && wanted.every(({ column, indexes }) => row[column]?.some((v) => indexes.has(v)) ?? false);
  };
}

/**
 * The finder's facet counts for a selection (facetCounts), every count taken from the table
 * over `ids`: the cases the query found before any facet narrowed them, or every case. Also
 * the number of those the selection keeps. Undefined once `superseded` says so.
 */
export async function countSelection(
  table: FacetTable,
  ids: readonly string[],
  selection: Selection,
  options: FacetOptions,
  superseded?: () => boolean,
): Promise<{ total: number; counts: CountMap } | undefined> {
  const under = (filters: FilterMap) => {
    const kept = ids.filter(tableMatcher(table, filters));
    return { total: kept.length, counts: countWithTable(table, kept) };
  };
  const current = under(pagefindFilters(selection, options));
  const counts = await facetCounts(selection, options, current, async (filters) => under(filters).counts, superseded);
  return counts && { total: current.total, counts };
}
