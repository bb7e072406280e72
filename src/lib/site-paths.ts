/**
 * The site's pages as paths from its root, for checking the links editors write in case
 * bodies (`/measures/capable-leaders/`). Derived from the same data as the pages'
 * getStaticPaths, so a link is accepted exactly when its page will be built; the build test
 * checks that every path listed here exists in dist/.
 */
import type { CaseData } from '../schema/case.ts';
import { vocabulary } from '../schema/vocabulary.ts';
import { measureUse } from './measure-use.ts';
import { regionPages } from './region-pages.ts';

/** Pages that exist whatever the cases are. */
export const FIXED_PATHS = [
  '/',
  '/browse/',
  '/search/',
  '/handout/',
  '/collections/',
  '/compare/',
  '/data/',
  '/data/cases.csv',
  '/data/metrics.csv',
  '/rss.xml',
  '/measures/',
  '/regions/',
  '/years/',
] as const;

export function sitePaths(published: readonly Pick<CaseData, 'id' | 'year' | 'region' | 'measures'>[]): Set<string> {
  return new Set([
    ...FIXED_PATHS,
    // A measure without published cases gets no page, so a link to it would lead nowhere.
    ...measureUse(
      published.map((c) => c.measures),
      vocabulary.measures,
    ).used.map((id) => `/measures/${id}/`),
    ...published.map((c) => `/cases/${c.id}/`),
    ...[...regionPages(published, (c) => c.region).keys()].map((code) => `/regions/${code}/`),
    ...published.map((c) => `/years/${c.year}/`),
  ]);
}

/** A site path without query and fragment, with the trailing slash pages have. */
export function pagePath(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  return /\.[a-z]+$/i.test(path) || path.endsWith('/') ? path : `${path}/`;
}
