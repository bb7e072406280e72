/**
 * /data/cases/<id>.json: one case, exactly as its entry in /data/cases.json. The compare page
 * fetches the few cases it shows from here rather than the whole casebook.
 */
import type { GetStaticPaths } from 'astro';
import { publishedCases, type CaseEntry } from '../../../lib/cases.ts';
import { withCacheKeys } from '../../../lib/page-cache.ts';
import { openCase } from '../../../lib/open-data.ts';
import { jsonResponse, openDataOptions } from '../../../lib/open-data-site.ts';

export const getStaticPaths = (async () =>
  withCacheKeys((await publishedCases()).map((entry) => ({ params: { id: entry.id }, props: { entry } })))) satisfies GetStaticPaths;

export function GET({ props }: { props: { entry: CaseEntry } }) {
  return jsonResponse(openCase(props.entry.data, openDataOptions().pageUrl));
}
