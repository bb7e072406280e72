/**
 * Results come in pages of RESULTS_PER_PAGE, and a page fetches only its own results' data. Needs more
 * than one page of cases, so this builds a small generated corpus (the benchmark's
 * generator, schema-checked case by case) with the real build script.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { RESULTS_PER_PAGE as P } from '../../src/lib/facets.ts';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { describeBrowser, launchBrowser, resultIds, resultsFor } from '../helpers/browser.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';
import { BUILDS, runScript } from '../helpers/site.ts';

/** Two full pages and a part-filled third. */
const CASES = 2 * P + 5;
const LIST = '#browse-results';
const corpus = join(BUILDS, 'paging-cases');
const out = join(BUILDS, 'paging');

describeBrowser('result pages', () => {
  let browser: Browser;
  let site: StaticSite;
  const fragments: string[] = [];
  let page: Page;
  beforeAll(async () => {
    writeCorpus(corpus, CASES);
    const built = runScript('build.ts', ['--out', relative(PROJECT_ROOT, out)], { CASEBOOK_CASES_DIR: relative(PROJECT_ROOT, corpus) });
    if (built.status !== 0) throw new Error(`生成案例的站点构建失败：\n${built.stdout}\n${built.stderr}`);
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
