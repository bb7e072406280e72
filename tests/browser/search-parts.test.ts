/**
 * The search index in parts (src/lib/search-parts.ts): a generated corpus built with a few
 * cases per part, so the page merges several Pagefind indexes. The browse and search pages must
 * list the cases in the same order and with the same counts as one index would (the pages'
 * orders, the cases' own texts), and a rebuild after one case changed indexes only its part.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { buildCacheDir } from '../../src/lib/publish.ts';
import { RESULTS_PER_PAGE as P, type Facet } from '../../src/lib/facets.ts';
import { FACET_TABLE_FILE, type FacetTable } from '../../src/lib/facet-table.ts';
import { indexedPageCount, indexParts, readFragments, readPagefindFile } from '../../src/lib/pagefind-index.ts';
import { compareByRegion, compareCases } from '../../src/lib/sorting.ts';
import { decodeTokens } from '../../src/lib/search-tokens.ts';
import { writeCorpus } from '../../scripts/corpus/generate.ts';
import { describeBrowser, launchBrowser, resultIds, resultsFor } from '../helpers/browser.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';
import { BUILDS, runScript, type RunResult } from '../helpers/site.ts';

const CASES = 3 * P;
const PER_PART = 8;
const corpus = join(BUILDS, 'parts-cases');
const out = join(BUILDS, 'parts');

function build(): RunResult {
  const built = runScript('build.ts', ['--out', relative(PROJECT_ROOT, out)], {
    CASEBOOK_CASES_DIR: relative(PROJECT_ROOT, corpus),
    CASEBOOK_SEARCH_PART_CASES: String(PER_PART),
    CASEBOOK_VERBOSE: '1',
  });
  if (built.status !== 0) throw new Error(`生成案例的站点构建失败：\n${built.stdout}\n${built.stderr}`);
  return built;
}

interface PublishedCase {
  id: string;
  title: string;
  year: number;
  region: { code: string; province: string };
}
const published = (): PublishedCase[] => (JSON.parse(readFileSync(join(out, 'data', 'cases.json'), 'utf8')) as { cases: PublishedCase[] }).cases;
/** Each case's searchable text, by id, as the index holds it. */
const texts = () => new Map(readFragments(join(out, 'pagefind')).map((f) => [/\/cases\/([^/]+)\//.exec(f.url)![1]!, decodeTokens(f.content.split(' ')).text]));

/** The pages in one part's own fragments. */
const urlsIn = (part: string) =>
  readdirSync(join(part, 'fragment')).map(
    (file) => (JSON.parse(readPagefindFile(join(part, 'fragment', file)).content.toString('utf8')) as { url: string }).url,
  );

/** Each record's facet values as the facet table gives them, and as the index's own fragments hold them, by Pagefind id. */
function facetValues(): { fromTable: Record<string, Record<string, string[]>>; fromIndex: Record<string, Record<string, string[]>> } {
  const table = JSON.parse(readFileSync(join(out, FACET_TABLE_FILE), 'utf8')) as FacetTable;
  const facets = Object.keys(table.values) as Facet[];
  const fromTable = Object.fromEntries(
    Object.entries(table.records).map(([id, row]) => [id, Object.fromEntries(facets.map((f, column) => [f, row[column]!.map((v) => table.values[f][v]!)]))]),
  );
  const fromIndex = Object.fromEntries(readFragments(join(out, 'pagefind')).map((r) => [r.id, Object.fromEntries(facets.map((f) => [f, r.filters[f] ?? []]))]));
  return { fromTable, fromIndex };
}

/** Every result id over the result pages that `total` results fill. */
async function allIds(page: Page, path: string, list: string, total: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= Math.ceil(total / P); n++) {
    await page.goto(`${path}${path.includes('?') ? '&' : '?'}page=${n}`);
    await resultsFor(page, list, new URL(path).searchParams.get('q') ?? '');
    ids.push(...(await resultIds(page, list)));
  }
  return ids;
}

describeBrowser('a search index in parts', () => {
  let browser: Browser;
  let site: StaticSite;
  let page: Page;
  let first: RunResult;
  beforeAll(async () => {
    // From nothing: no parts indexed by an earlier run.
    rmSync(corpus, { recursive: true, force: true });
    rmSync(buildCacheDir(PROJECT_ROOT, relative(PROJECT_ROOT, out), relative(PROJECT_ROOT, corpus)), { recursive: true, force: true });
    writeCorpus(corpus, CASES);
    first = build();
    [browser, site] = await Promise.all([launchBrowser(), serveSite(out)]);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('splits the cases into parts, each case indexed once', () => {
    const table = JSON.parse(readFileSync(join(out, FACET_TABLE_FILE), 'utf8')) as FacetTable;
    const parts = indexParts(join(out, 'pagefind'));
    expect(parts.length).toBeGreaterThan(2);
    expect(table.parts).toBe(parts.length);
    // Each case in one part only, every case in some part.
    const urls = parts.flatMap((part) => urlsIn(part));
    expect(urls.sort()).toEqual(
      published()
        .map((c) => `/cases/${c.id}/`)
        .sort(),
    );
    for (const part of parts) expect(urlsIn(part).length, part).toBeGreaterThan(0);
    expect(indexedPageCount(join(out, 'pagefind'))).toBe(CASES);
    expect(first.stdout).toMatch(new RegExp(`分 ${parts.length} 份，其中 0 份未变`));
    const { fromTable, fromIndex } = facetValues();
    expect(Object.keys(fromTable)).toHaveLength(CASES);
    expect(fromTable).toEqual(fromIndex);
  });

  it('lists every case in the pages’ own orders, newest first and by region', async () => {
    const cases = published();
    expect(await allIds(page, site.url('browse/'), '#browse-results', CASES)).toEqual([...cases].sort(compareCases).map((c) => c.id));
    expect(await allIds(page, site.url('browse/?sort=region'), '#browse-results', CASES)).toEqual([...cases].sort(compareByRegion).map((c) => c.id));
  });

  it('finds exactly the cases that contain a word, in order when sorted by year', async () => {
    const byId = texts();
    const cases = published();
    for (const word of ['合作社', '第一书记', '经济']) {
      const holding = [...cases].sort(compareCases).filter((c) => byId.get(c.id)?.includes(word));
      expect(holding.length, word).toBeGreaterThan(0);
      const url = site.url(`search/?q=${encodeURIComponent(word)}&sort=year`);
      expect(await allIds(page, url, '#search-results', holding.length), word).toEqual(holding.map((c) => c.id));
      await page.goto(site.url(`search/?q=${encodeURIComponent(word)}`));
      await resultsFor(page, '#search-results', word);
      expect(await page.locator('#search-status').textContent()).toContain(`找到 ${holding.length} 个`);
    }
  });

  it('indexes again only the part whose case changed, and finds the change', async () => {
    const changed = published()[0]!;
    const file = join(corpus, `${changed.id}.mdx`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n修订时补记：鹭鸶湾夜校。\n`);
    const again = build();
    const parts = indexParts(join(out, 'pagefind')).length;
    expect(again.stdout).toMatch(new RegExp(`分 ${parts} 份，其中 ${parts - 1} 份未变`));
    // The unchanged parts' rows come from the cache: the table still names every record by its current id.
    const { fromTable, fromIndex } = facetValues();
    expect(fromTable).toEqual(fromIndex);
    await page.goto(site.url(`search/?q=${encodeURIComponent('鹭鸶湾夜校')}`));
    await resultsFor(page, '#search-results', '鹭鸶湾夜校');
    expect(await resultIds(page, '#search-results')).toEqual([changed.id]);
  });
});
