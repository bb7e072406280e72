/**
 * How well the casebook's search page finds what was asked for, on the benchmark corpus.
 *
 * Pagefind matches each segment of a query anywhere on the page, and Chromium cuts words
 * it does not know into single characters, so a query can also find cases that hold its
 * characters apart (docs/benchmarks.md). This measures that on the real page: for each query,
 * the cases whose indexed text contains every word of it (the truth, read from the built
 * index's fragments), the total the page reports, and how many of the ten shown contain it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { normaliseQuery, wordsNotInText } from '../../src/lib/query.ts';
import { traditionalToSimplified } from '../../src/lib/search-text.ts';
import { readPagefindFile } from './chunks.ts';

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

/** Each built page's indexed text, by URL, from Pagefind's fragments. */
export function indexedTexts(siteDir: string): Map<string, string> {
  const dir = join(siteDir, 'pagefind', 'fragment');
  const texts = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    const { url, content } = JSON.parse(readPagefindFile(join(dir, file)).content.toString('utf8')) as { url: string; content: string };
    texts.set(url, content);
  }
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
      await page.waitForSelector('#search-results[data-query]', { timeout: 60_000 });
      const status = (await page.textContent('#search-status')) ?? '';
      const shownUrls = await page.$$eval('#search-results > li h3 a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      // The same test the search page uses for its partial-match note.
      const normalised = normaliseQuery(query, toSimplified);
      const holds = (text: string | undefined) => text !== undefined && wordsNotInText(normalised, text).length === 0;
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
