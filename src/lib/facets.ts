/**
 * Faceted finding, shared by the browse and search pages: the selection and its URL, the
 * Pagefind filters it stands for, facet counts and pagination. Pure, so it runs in the
 * browser, in Node against a real index, and in unit tests alike.
 *
 * Within one facet several values mean OR; across facets AND. The URL carries ASCII measure
 * ids (names are Chinese and would change with the vocabulary's wording); provinces and
 * levels go as their Chinese names, the way Pagefind stores them; cities (the place one step
 * below the province, region-pages.ts) as GB/T 2260 codes, since their names repeat.
 *
 * Cities depend on provinces: a city counts only while its province is chosen, so unticking a
 * province also drops its cities, and a shared link cannot ask for a city of another province.
 */

export const FACETS = ['measure', 'province', 'city', 'year', 'level'] as const;
export type Facet = (typeof FACETS)[number];

/** `relevance` only makes sense with a query; browsing without one defaults to the newest work. */
export const SORTS = ['relevance', 'year', 'region'] as const;
export type Sort = (typeof SORTS)[number];

export interface Selection {
  /** The query as typed (before any script conversion); empty when browsing. */
  q: string;
  /** Measure ids from the vocabulary. */
  measures: string[];
  provinces: string[];
  /** Codes of cities in the chosen provinces. */
  cities: string[];
  levels: string[];
  /** Inclusive year range; either end may be open. */
  from?: number;
  to?: number;
  sort: Sort;
  /** 1-based. */
  page: number;
}

/** What the page knows about the facet values it offers, derived from the rendered form. */
export interface FacetOptions {
  /** Measure id → the Chinese name Pagefind filters on. */
  measureNames: ReadonlyMap<string, string>;
  /** City code → the name of its province, for every city offered. */
  cityProvinces: ReadonlyMap<string, string>;
  /** Years that have cases, used to turn a range into Pagefind's list of values. */
  years: readonly number[];
  defaultSort: Sort;
}

/** Pagefind's filter argument: facet → { any: values }. */
export type FilterMap = Partial<Record<Facet, { any: string[] }>>;
/** Pagefind's filter counts: facet → value → number of results. */
export type CountMap = Partial<Record<Facet, Record<string, number>>>;

const YEAR = /^\d{4}$/;

export function emptySelection(sort: Sort): Selection {
  return { q: '', measures: [], provinces: [], cities: [], levels: [], sort, page: 1 };
}

const unique = (values: string[]): string[] => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** Reads a selection from a query string; unknown measures, bad years and pages are dropped, not fatal. */
export function parseSelection(search: string | URLSearchParams, options: FacetOptions): Selection {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const year = (key: string): number | undefined => {
    const v = params.get(key)?.trim() ?? '';
    return YEAR.test(v) ? Number(v) : undefined;
  };
  let from = year('from');
  let to = year('to');
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  const sort = params.get('sort') as Sort | null;
  const page = Number(params.get('page'));
  const provinces = unique(params.getAll('province'));
  const selection: Selection = {
    q: (params.get('q') ?? '').trim(),
    measures: unique(params.getAll('measure')).filter((id) => options.measureNames.has(id)),
    provinces,
    cities: unique(params.getAll('city')).filter((code) => provinces.includes(options.cityProvinces.get(code) ?? '')),
    levels: unique(params.getAll('level')),
    sort: sort && SORTS.includes(sort) ? sort : options.defaultSort,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
  if (from !== undefined) selection.from = from;
  if (to !== undefined) selection.to = to;
  return selection;
}

/** The query string for a selection, in a fixed order, leaving out defaults; '' for none. */
export function selectionToSearch(selection: Selection, options: Pick<FacetOptions, 'defaultSort'>): string {
  const params = new URLSearchParams();
  if (selection.q) params.set('q', selection.q);
  for (const id of selection.measures) params.append('measure', id);
  for (const p of selection.provinces) params.append('province', p);
  for (const c of selection.cities) params.append('city', c);
  if (selection.from !== undefined) params.set('from', String(selection.from));
  if (selection.to !== undefined) params.set('to', String(selection.to));
  for (const l of selection.levels) params.append('level', l);
  if (selection.sort !== options.defaultSort) params.set('sort', selection.sort);
  if (selection.page > 1) params.set('page', String(selection.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any facet narrows the results (the query and sort do not count). */
export function hasFilters(selection: Selection): boolean {
  return filterCount(selection) > 0;
}

/** How many choices narrow the results; a year range counts as one. */
export function filterCount(selection: Selection): number {
  const years = selection.from !== undefined || selection.to !== undefined ? 1 : 0;
  return selection.measures.length + selection.provinces.length + selection.cities.length + selection.levels.length + years;
}

/** The same selection with every facet cleared; the query and sort stay. */
export function withoutFilters(selection: Selection): Selection {
  return { ...emptySelection(selection.sort), q: selection.q };
}

/** Facets that currently narrow the results. */
export function activeFacets(selection: Selection): Facet[] {
  return FACETS.filter((f) => {
    if (f === 'measure') return selection.measures.length > 0;
    if (f === 'province') return selection.provinces.length > 0;
    if (f === 'city') return selection.cities.length > 0;
    if (f === 'level') return selection.levels.length > 0;
    return selection.from !== undefined || selection.to !== undefined;
  });
}

/**
 * Years of a range, as Pagefind filter values. Pagefind has no range filter, so the range
 * becomes "any of these years"; a range that holds no year with cases becomes a value no
 * case has, so it finds nothing rather than everything.
 */
export function yearsInRange(years: readonly number[], from?: number, to?: number): string[] {
  const inside = years.filter((y) => (from === undefined || y >= from) && (to === undefined || y <= to));
  return inside.length > 0 ? inside.map(String) : ['无'];
}

/** Pagefind filters for a selection, optionally leaving one facet out (for that facet's counts). */
export function pagefindFilters(selection: Selection, options: FacetOptions, leaveOut?: Facet): FilterMap {
  const filters: FilterMap = {};
  if (leaveOut !== 'measure' && selection.measures.length > 0) filters.measure = { any: selection.measures.map((id) => options.measureNames.get(id) ?? id) };
  if (leaveOut !== 'province' && selection.provinces.length > 0) filters.province = { any: [...selection.provinces] };
  if (leaveOut !== 'city' && selection.cities.length > 0) filters.city = { any: [...selection.cities] };
  if (leaveOut !== 'year' && (selection.from !== undefined || selection.to !== undefined))
    filters.year = { any: yearsInRange(options.years, selection.from, selection.to) };
  if (leaveOut !== 'level' && selection.levels.length > 0) filters.level = { any: [...selection.levels] };
  return filters;
}

/**
 * The count shown beside each facet value: how many results there would be with that value
 * also chosen. For a facet nobody has touched that is Pagefind's count on the current
 * results (AND). For a facet with a choice (OR within it) Pagefind's count on the current
 * results would say how many of them have the value, not how many it would add, so one more
 * query leaves that facet out and the count becomes the union:
 *   current total + cases with the value under the other facets − those already shown.
 * A chosen value shows how many cases under the other facets have it. Years form a range,
 * not a set of choices, so they always show the number of cases in each year under the
 * other facets. `search` runs one Pagefind query with the given filters and returns its
 * filter counts. Once `superseded` says a newer selection is being shown, no further query is
 * made and the result is undefined.
 */
export async function facetCounts(
  selection: Selection,
  options: FacetOptions,
  current: { total: number; counts: CountMap },
  search: (filters: FilterMap) => Promise<CountMap>,
  superseded: () => boolean = () => false,
): Promise<CountMap | undefined> {
  const counts: CountMap = { ...current.counts };
  const chosen = pagefindFilters(selection, options);
  // One query at a time: Pagefind answers them one by one anyway, and a newer search (the
  // reader typed again, or ticked another box) then waits for at most one count, not all.
  for (const facet of activeFacets(selection)) {
    if (superseded()) return undefined;
    const others = (await search(pagefindFilters(selection, options, facet)))[facet] ?? {};
    const shown = current.counts[facet] ?? {};
    const picked = new Set(chosen[facet]?.any);
    counts[facet] = Object.fromEntries(
      Object.entries(others).map(([value, n]) => [value, facet === 'year' || picked.has(value) ? n : current.total + n - (shown[value] ?? 0)]),
    );
  }
  return superseded() ? undefined : counts;
}

/**
 * Results per page. Each result shown costs one Pagefind fragment (the page's text, about
 * 4 KB compressed), so ten keep a query's transfer near a bare Pagefind page's.
 */
export const RESULTS_PER_PAGE = 10;

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Index range [start, end) of a page's results, the page clamped to those that exist. */
export function pageRange(page: number, total: number, pageSize: number): { page: number; start: number; end: number } {
  const p = Math.min(Math.max(1, page), pageCount(total, pageSize));
  const start = (p - 1) * pageSize;
  return { page: p, start, end: Math.min(total, start + pageSize) };
}
