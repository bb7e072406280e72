/**
 * Without JavaScript the casebook is still fully navigable: from the home page a reader
 * reaches a case, and from the case its measures, its province and its year, each a page
 * listing its cases. Browse and search pages point to those indexes instead of going blank.
 */
import { beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { measuresById } from '../../src/schema/vocabulary.ts';
import { describeBrowser, useBrowserOnSite } from '../helpers/browser.ts';
import { ROOT_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.filter((c) => !c.data.draft)
  .map((c) => c.data);
const path = (page: Page) => new URL(page.url()).pathname;

describeBrowser('navigation without JavaScript', () => {
  const env = useBrowserOnSite(ROOT_SITE);
  let context: BrowserContext;
  beforeAll(async () => {
    context = await env.browser.newContext({ javaScriptEnabled: false });
  });

  it('reaches a case from the home page, then its measure, province and year pages by links', async () => {
    const page = await context.newPage();
    await page.goto(env.site.url());
    const first = page.locator('main .case-list > li a').first();
    const href = (await first.getAttribute('href'))!;
    const c = published.find((x) => href.endsWith(`/cases/${x.id}/`))!;
    expect(c, href).toBeDefined();
    await first.click();
    await expect(page.locator('h1').textContent()).resolves.toBe(c.title);

    for (const id of c.measures) {
      const measure = measuresById.get(id)!;
      await page.locator('.facts .tags a', { hasText: measure.name }).click();
      expect(path(page)).toBe(`/measures/${id}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe(measure.name);
      await expect(page.locator('main').textContent()).resolves.toContain(measure.definition);
      await page.locator(`main a[href="/cases/${c.id}/"]`).first().click();
      expect(path(page)).toBe(`/cases/${c.id}/`);
    }

    await page.locator('.breadcrumb a', { hasText: c.region.province }).click();
    expect(path(page)).toBe(`/regions/${c.region.provinceCode}/`);
    await expect(page.locator('h1').textContent()).resolves.toContain(c.region.province);
    await page.locator(`main a[href="/cases/${c.id}/"]`).first().click();

    await page.locator('.facts a', { hasText: `${c.year}年` }).click();
    expect(path(page)).toBe(`/years/${c.year}/`);
    await expect(page.locator(`main a[href="/cases/${c.id}/"]`).count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('links every case page to each of its measures, its province and its year', async () => {
    const page = await context.newPage();
    for (const c of published) {
      await page.goto(env.site.url(`cases/${c.id}/`));
      const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const id of c.measures) expect(hrefs, `${c.id} → ${id}`).toContain(`/measures/${id}/`);
      expect(hrefs, c.id).toContain(`/regions/${c.region.provinceCode}/`);
      expect(hrefs, c.id).toContain(`/years/${c.year}/`);
    }
    await page.close();
  });

  it('reaches every measure, province and year page from the indexes', async () => {
    const page = await context.newPage();
    await page.goto(env.site.url('measures/'));
    const measureLinks = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const id of measuresById.keys()) expect(measureLinks).toContain(`/measures/${id}/`);
    await page.goto(env.site.url('regions/'));
    const regionLinks = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const code of new Set(published.map((c) => c.region.provinceCode))) expect(regionLinks).toContain(`/regions/${code}/`);
    await page.goto(env.site.url('years/'));
    const yearLinks = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const year of new Set(published.map((c) => c.year))) expect(yearLinks).toContain(`/years/${year}/`);
    await page.close();
  });

  it('shows the indexes and the newest cases on the browse page, and says why search needs JavaScript', async () => {
    const page = await context.newPage();
    await page.goto(env.site.url('browse/'));
    await expect(page.locator('#facet-form').isVisible()).resolves.toBe(false);
    const main = page.locator('main');
    for (const index of ['/measures/', '/regions/', '/years/']) await expect(main.locator(`a[href="${index}"]`).first().isVisible()).resolves.toBe(true);
    const listed = await main.locator('.no-js .case-list > li').count();
    expect(listed).toBe(Math.min(20, published.length));
    await main.locator('.no-js .case-list > li h3 a').first().click();
    expect(path(page)).toMatch(/^\/cases\/[a-z0-9-]+\/$/);

    await page.goto(env.site.url('search/'));
    await expect(page.locator('main').innerText()).resolves.toContain('搜索需要启用 JavaScript');
    await page.close();
  });
});
