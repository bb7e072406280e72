/**
 * Results come in pages of RESULTS_PER_PAGE, and a page fetches only its own results' data. Needs more
 * than one page of cases, so this builds a small generated corpus (the benchmark's
 * generator, schema-checked case by case) with the real build script.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { RESULTS_PER_PAGE as P } from '../../src/lib/facets.ts';
import { writeCorpus } from '../../scripts/corpus/generate.ts';
import { describeBrowser, launchBrowser, resultIds, resultsFor } from '../helpers/browser.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';
import { BUILDS, runScript } from '../helpers/site.ts';

/** Two full pages and a part-filled third. */
const CASES = 2 * P + 5;
/** Cases per listing page in this build, so that the 25 cases fill five listing pages and a measure more than one. */
const LISTING_PAGE = 5;
const LIST = '#browse-results';
const corpus = join(BUILDS, 'paging-cases');
const out = join(BUILDS, 'paging');

/** Generates the corpus and builds it with the real build script. */
function buildSite(): void {
  writeCorpus(corpus, CASES);
  const built = runScript('build.ts', ['--out', relative(PROJECT_ROOT, out)], {
    CASEBOOK_CASES_DIR: relative(PROJECT_ROOT, corpus),
    CASEBOOK_PAGE_SIZE: String(LISTING_PAGE),
  });
  if (built.status !== 0) throw new Error(`生成案例的站点构建失败：\n${built.stdout}\n${built.stderr}`);
}

describeBrowser('result pages', () => {
  let browser: Browser;
  let site: StaticSite;
  const fragments: string[] = [];
  let page: Page;
  beforeAll(async () => {
    buildSite();
    [browser, site] = await Promise.all([launchBrowser(), serveSite(out)]);
    page = await browser.newPage();
    page.on('request', (r) => {
      if (r.url().endsWith('.pf_fragment')) fragments.push(r.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows one page of results and fetches only their data', async () => {
    await page.goto(site.url('browse/'));
    await resultsFor(page, LIST);
    expect(await resultIds(page, LIST)).toHaveLength(P);
    expect(fragments).toHaveLength(P);
    await expect(page.locator('#browse-status').textContent()).resolves.toBe(`共 ${CASES} 个案例，显示第 1—${P} 个。`);
    await expect(page.locator('[data-pager] a[aria-current="page"]').textContent()).resolves.toBe('1');
  });

  it('moves to the next page by its link, keeps it in the URL, and goes back', async () => {
    const first = await resultIds(page, LIST);
    await page.locator('[data-pager] a', { hasText: '下一页' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    await resultsFor(page, LIST);
    const second = await resultIds(page, LIST);
    expect(second).toHaveLength(P);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(fragments).toHaveLength(2 * P);

    await page.goto(site.url('browse/?page=3'));
    await resultsFor(page, LIST);
    const third = await resultIds(page, LIST);
    expect(third).toHaveLength(CASES - 2 * P);
    expect(new Set([...first, ...second, ...third]).size).toBe(CASES);
    await page.goBack();
    await resultsFor(page, LIST);
    await expect.poll(() => resultIds(page, LIST)).toEqual(second);
  });

  it('starts again at page 1 when the facets change', async () => {
    await page.goto(site.url('browse/?page=2'));
    await resultsFor(page, LIST);
    await page.locator('#facet-form input[name="level"]').first().check();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBeNull();
  });
});

describeBrowser('listing pages without JavaScript', () => {
  let browser: Browser;
  let site: StaticSite;
  beforeAll(async () => {
    // The build is made by the block above when the whole file runs; alone, this block builds it.
    if (!existsSync(join(out, 'all', 'index.html'))) buildSite();
    [browser, site] = await Promise.all([launchBrowser(), serveSite(out)]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Follows 下一页 from `start` to the last page; the case links and page numbers seen on each. */
  async function walk(start: string): Promise<{ ids: string[][]; current: string[]; titles: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const seen = { ids: [] as string[][], current: [] as string[], titles: [] as string[] };
    await page.goto(site.url(start));
    for (;;) {
      seen.ids.push(
        await page
          .locator('main .case-list > li h2 a, main .case-list > li h3 a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/').at(-2)!)),
      );
      seen.titles.push(await page.title());
      const pager = page.locator('main nav.pager');
      if ((await pager.count()) === 0) break;
      seen.current.push((await pager.locator('a[aria-current="page"]').textContent())!);
      const next = pager.locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
    }
    await context.close();
    return seen;
  }

  it('lists every case exactly once over numbered pages of at most the page size', async () => {
    const { ids, current, titles } = await walk('all/');
    expect(ids.map((list) => list.length)).toEqual([5, 5, 5, 5, 5]);
    expect(new Set(ids.flat()).size).toBe(CASES);
    expect(current).toEqual(['1', '2', '3', '4', '5']);
    expect(titles[1]).toContain('第2页');
  });

  it('pages a measure’s cases the same way, and the browse page links to the full list', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('measures/'));
    // The measure with the most cases, read from the counts the index page shows.
    const measures = await page
      .locator('main li')
      .evaluateAll((lis) =>
        lis.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', count: Number(/（(\d+)）/.exec(li.textContent ?? '')?.[1] ?? 0) })),
      );
    const biggest = measures.sort((a, b) => b.count - a.count)[0]!;
    expect(biggest.count).toBeGreaterThan(LISTING_PAGE);
    await page.goto(site.url('browse/'));
    await expect(page.locator('.no-js a', { hasText: '全部案例' }).getAttribute('href')).resolves.toBe('/all/');
    await context.close();

    const { ids } = await walk(biggest.href.replace(/^\//, ''));
    expect(ids.length).toBe(Math.ceil(biggest.count / LISTING_PAGE));
    expect(ids.every((list) => list.length <= LISTING_PAGE)).toBe(true);
    expect(new Set(ids.flat()).size).toBe(biggest.count);
  });
});
