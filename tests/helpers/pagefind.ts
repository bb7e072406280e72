/**
 * Loads a built site's real Pagefind bundle (pagefind.js and its WebAssembly) in Node. The
 * bundle fetches its index files relative to itself; Node's fetch has no file: scheme, so
 * those reads go to the disk. Nothing else is changed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { searchExact } from '../../src/lib/exact-search.ts';
import { parseQuery } from '../../src/lib/search-tokens.ts';
import type { Pagefind } from '../../src/lib/pagefind-types.ts';
import { FACET_TABLE_FILE, mergedParts, resultPlaces, type FacetTable } from '../../src/lib/facet-table.ts';
import type { PageOrder, ResultPlace } from '../../src/lib/search-parts.ts';

export interface SearchHit {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
export interface PagefindApi {
  /** The vocabulary terms the site's search pages list (FinderResults.astro), as the page's script reads them. */
  terms: ReadonlySet<string>;
  /** Each record's part and year, from the site's facet table. */
  placeOf: (id: string) => ResultPlace | undefined;
  search(term: string | null, options?: object): Promise<{ results: { id: string; data(): Promise<SearchHit> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let patched = false;
function allowFileFetch(): void {
  if (patched) return;
  patched = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (href.startsWith('file:')) return new Response(await readFile(fileURLToPath(href.split('?')[0]!)));
    return networkFetch(input, init);
  };
}

export async function loadPagefind(siteDir: string): Promise<PagefindApi> {
  allowFileFetch();
  const bundle = join(siteDir, 'pagefind');
  // A query string gives each site its own module instance.
  const pf = await import(`${pathToFileURL(join(bundle, 'pagefind.js')).href}?site=${encodeURIComponent(siteDir)}`);
  await pf.options({ basePath: pathToFileURL(`${bundle}/`).href });
  await pf.init();
  // The parts of the index, merged as the search page merges them (src/client/finder.ts).
  const table = JSON.parse(await readFile(join(siteDir, FACET_TABLE_FILE), 'utf8')) as FacetTable;
  for (const part of mergedParts(table)) await pf.mergeIndex(pathToFileURL(`${bundle}/${part}`).href);
  const page = await readFile(join(siteDir, 'search', 'index.html'), 'utf8');
  const listed = /<script type="application\/json" data-search-terms>([^<]*)<\/script>/.exec(page)?.[1];
  if (listed === undefined) throw new Error(`no search terms in ${siteDir}/search/index.html`);
  return { terms: new Set(JSON.parse(listed) as string[]), placeOf: resultPlaces(table), search: pf.search, filters: pf.filters } as PagefindApi;
}

/** Case ids (from /cases/<id>/) of every result for a query, searched exactly as the search page does. */
export async function searchIds(pf: PagefindApi, term: string, sort?: PageOrder): Promise<string[]> {
  const found = await searchExact(pf as unknown as Pagefind, parseQuery(term), sort, pf.terms, pf.placeOf);
  const hits = await Promise.all(found.results.map((r) => r.data()));
  return hits.map((h) => /\/cases\/([^/]+)\//.exec(h.url)?.[1] ?? h.url);
}
