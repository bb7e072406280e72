/**
 * What the sitemap leaves out: pages a search engine should not send readers to. The handout
 * and compare pages are a reader's own selection (empty for a visitor arriving from a search), and the page
 * of a measure no published case uses has nothing on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { measureUse } from './measure-use.ts';

/** Whether a page belongs in the sitemap; `page` is the absolute URL @astrojs/sitemap passes. */
export function inSitemap(page: string, base: string, unusedMeasures: Iterable<string>): boolean {
  const root = base.replace(/\/?$/, '/');
  const path = new URL(page).pathname;
  const left = new Set([`${root}handout/`, `${root}compare/`, ...[...unusedMeasures].map((id) => `${root}measures/${id}/`)]);
  return !left.has(path.endsWith('/') ? path : `${path}/`);
}

/**
 * The measure lists of the published cases in a folder, read from their frontmatter with
 * the checker's own splitter. The build has already refused any file that fails the check,
 * so a file that cannot be read here is not published and is skipped.
 */
export async function publishedMeasureLists(dir: string): Promise<string[][]> {
  // Loaded here, not at the top: astro.config.mjs imports this module, and the checker pulls in
  // the schema, the vocabulary and the gazetteer, which the config needs only when it builds.
  const { splitFrontmatter } = await import('./validate.ts');
  const lists: string[][] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.mdx')) continue;
    try {
      const split = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
      const data = split && (parse(split.frontmatter, { maxAliasCount: 0 }) as { measures?: unknown; draft?: unknown } | null);
      if (!data || data.draft === true || !Array.isArray(data.measures)) continue;
      lists.push(data.measures.filter((m): m is string => typeof m === 'string'));
    } catch {
      // Not a case the build would publish.
    }
  }
  return lists;
}

/** Ids of the measures no published case in `dir` uses, by the same rule as the pages (measureUse). */
export async function unusedMeasureIds(dir: string): Promise<readonly string[]> {
  const { vocabulary } = await import('../schema/vocabulary.ts');
  return measureUse(await publishedMeasureLists(dir), vocabulary.measures).unused;
}
