/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild` in astro.config.mjs).
 * Astro copies a page from the previous build instead of rendering it again when the page's
 * code (its module graph, which Astro hashes itself) and the `cacheKey` its getStaticPaths()
 * returned are both unchanged. So the key must cover every input that is not code:
 *   - the page's props, with each case entry standing for its loader digest (data, dates and
 *     rendered body; src/loaders/cases.ts), so a listing changes when any case on it changes;
 *   - what every page shows or is built from that is read at run time rather than imported:
 *     the site settings (build date in the footer, public address, page size), the measure
 *     vocabulary (content/measures.yaml) and the units (content/units.yaml).
 * A page must take everything it shows from its props or from those; a page that asks for
 * other cases in its body (rather than through getStaticPaths) would be reused stale.
 */
import { createHash } from 'node:crypto';
import { SITE } from '../config.ts';
import { vocabulary } from '../schema/vocabulary.ts';
import { UNITS } from '../schema/units.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** Inputs every page depends on besides its own props; computed once per build. */
const siteInputs = sha256(JSON.stringify([SITE, vocabulary, UNITS]));

/** An entry of the content layer: its digest changes whenever its data or body does. */
const isEntry = (value: unknown): value is { collection: string; id: string; digest: string } =>
  typeof value === 'object' && value !== null && 'collection' in value && 'digest' in value && typeof value.digest === 'string';

/** The cache key of a page with these props (see the module comment). */
export function pageCacheKey(props: unknown): string {
  return sha256(siteInputs + JSON.stringify(props, (_key, value: unknown) => (isEntry(value) ? `${value.collection}/${value.id}@${value.digest}` : value)));
}

/** getStaticPaths() results with a cache key for each path, from its props. */
export function withCacheKeys<P extends { props?: unknown }>(paths: P[]): (P & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: pageCacheKey(path.props ?? null) }));
}
