/**
 * How well the casebook's search page finds what was asked for, on the benchmark corpus.
 *
 * Search is meant to be exact (src/lib/exact-search.ts). This measures it on the real page: for each query,
 * the cases whose indexed text contains every word of it (the truth, read from the built
 * index's fragments), the total the page reports, and how many of the ten shown contain it.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { normaliseQuery, traditionalToSimplified } from '../../src/lib/query.ts';
import { readFragments } from '../../src/lib/pagefind-index.ts';
import { decodeTokens, parseQuery } from '../../src/lib/search-tokens.ts';

export interface PrecisionRun {
  query: string;
  /** Cases whose indexed text contains every word of the (Simplified) query. */
  containing: number;
  /** The total the search page reports (找到 N 个). */
  found: number;
  /** Of the results on the first page, those that contain every word. */
  shownContaining: number;
  shown: number;
}

/** Each case's indexed text, by URL, decoded from the pair tokens in Pagefind's fragments. */
export function indexedTexts(siteDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const { url, content } of readFragments(join(siteDir, 'pagefind'))) texts.set(url, decodeTokens(content.split(' ')).text);
  return texts;
}

export async function measurePrecision(browser: Browser, searchUrl: string, queries: readonly string[], texts: Map<string, string>): Promise<PrecisionRun[]> {
  const toSimplified = await traditionalToSimplified();
  const context = await browser.newContext();
  const page = await context.newPage();
  const runs: PrecisionRun[] = [];
  try {
    for (const query of queries) {
      await page.goto(`${searchUrl}?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#search-results[data-query]', { state: 'attached', timeout: 60_000 });
      const status = (await page.textContent('#search-status')) ?? '';
      const shownUrls = await page.$$eval('#search-results > li h3 a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      // A case is a true result when its text holds every word of the query as written.
      const words = parseQuery(normaliseQuery(query, toSimplified)).words;
      const holds = (text: string | undefined) => text !== undefined && words.every((w) => text.includes(w));
      runs.push({
        query,
        containing: [...texts.values()].filter(holds).length,
        found: Number(/找到 (\d+) 个/.exec(status)?.[1] ?? 0),
        shownContaining: shownUrls.filter((url) => holds(texts.get(url))).length,
        shown: shownUrls.length,
      });
    }
  } finally {
    await context.close();
  }
  return runs;
}
