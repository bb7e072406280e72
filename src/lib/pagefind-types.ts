/**
 * The parts of Pagefind's browser API the casebook uses (pagefind.js, version pinned in
 * package.json). One module, so the finder, the exact search and the tests agree.
 */

/** A result's data, loaded on demand (one fragment file). */
export interface PagefindResultData {
  url: string;
  /** The record's content: pair tokens (search-tokens.ts). */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Positions of the matched tokens. */
  locations: number[];
}

export interface PagefindResult {
  /** The fragment's hash: the same record has the same id in every search. */
  id: string;
  score: number;
  /** Positions of the matched tokens, known before the data is loaded. */
  words: number[];
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
}

export interface Pagefind {
  options(opts: object): Promise<void>;
  init(): Promise<void>;
  /** Facets and order come from the build's facet table (facet-table.ts), so no options are passed. */
  search(term: string | null): Promise<PagefindSearch>;
  /** Fetches and loads the index chunks a search for `term` needs, without searching. */
  preload(term: string): Promise<void>;
  /** Adds another index's results to this one's (the casebook's parts: search-parts.ts). */
  mergeIndex(indexPath: string, opts?: object): Promise<void>;
}

export interface PagefindModule {
  createInstance(opts?: object): Pagefind;
}
