/**
 * The site built under /casebook/ and served only there: search and browse work, and no
 * request leaves the base or the host.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, resultIds, resultsFor, useBrowserOnSite } from '../helpers/browser.ts';
import { SUB_BASE, SUB_SITE } from '../helpers/site.ts';

describeBrowser('a site under a sub-path', () => {
  const env = useBrowserOnSite(SUB_SITE, SUB_BASE);
  const requests: string[] = [];
  const failures: string[] = [];

  async function open(path: string): Promise<Page> {
    const page = await env.browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => failures.push(`脚本错误：${e.message}`));
    await page.goto(env.site.url(path));
    return page;
  }

  it('searches, with results linking under the base', async () => {
    const page = await open('search/');
    await resultsFor(page, '#search-results', '');
    await page.fill('#q', '第一書記');
    await page.press('#q', 'Enter');
    await resultsFor(page, '#search-results', '第一書記');
    expect(new URL(page.url()).pathname).toBe(`${SUB_BASE}search/`);
    const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    // Cases, their measures, and the comparison of the cases picked (加入对比).
    for (const h of hrefs) expect(h).toMatch(new RegExp(`^${SUB_BASE}(cases|measures|compare)/`));
    await page.locator('#search-results > li h3 a').first().click();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${SUB_BASE}cases/[a-z0-9-]+/$`));
    await page.close();
  });

  it('browses with facets, the URL staying under the base', async () => {
    const page = await open('browse/');
    await resultsFor(page, '#browse-results');
    const all = await resultIds(page, '#browse-results');
    await page.locator('#facet-form input[name="level"]').first().check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('level').length).toBe(1);
    await resultsFor(page, '#browse-results');
    expect(new URL(page.url()).pathname).toBe(`${SUB_BASE}browse/`);
    const some = await resultIds(page, '#browse-results');
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    await page.reload();
    await resultsFor(page, '#browse-results');
    expect(await resultIds(page, '#browse-results')).toEqual(some);
    await page.close();
  });

  it('requested nothing outside the base and nothing failed', () => {
    expect(requests.length).toBeGreaterThan(0);
    const outside = requests.filter((u) => !u.startsWith(`${env.site.origin}${SUB_BASE}`));
    expect(outside).toEqual([]);
    expect(failures).toEqual([]);
  });
});
