/**
 * The browse page in Chromium against the real build: facets whose counts follow the
 * selection, results that follow the facets, sorting, and the selection's round trip
 * through the URL and the history.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fromRoot } from '../../src/lib/paths.ts';
import { compareByRegion } from '../../src/lib/sorting.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { measuresById } from '../../src/schema/vocabulary.ts';
import { placeBelowProvince } from '../../src/lib/region-pages.ts';
import { describeBrowser, useBrowserOnSite, resultIds, resultsFor } from '../helpers/browser.ts';
import { ROOT_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.filter((c) => !c.data.draft)
  .map((c) => c.data);
const LIST = '#browse-results';
const byId = new Map(published.map((c) => [c.id, c]));
const box = (page: Page, name: string, value: string) => page.locator(`#facet-form input[name="${name}"][value="${value}"]`);
const countOf = async (page: Page, name: string, value: string) =>
  Number(await box(page, name, value).locator('xpath=..').locator('[data-count]').textContent());
const params = (page: Page) => new URL(page.url()).searchParams;

describeBrowser('browse page', () => {
  const env = useBrowserOnSite(ROOT_SITE);
  let page: Page;

  async function open(search = ''): Promise<void> {
    page = await env.browser.newPage();
    await page.goto(env.site.url(`browse/${search}`));
    await resultsFor(page, LIST);
  }

  it('lists every case, newest work first, with a count beside each facet value', async () => {
    await open();
    const ids = await resultIds(page, LIST);
    expect(ids.sort()).toEqual(published.map((c) => c.id).sort());
    const years = (await resultIds(page, LIST)).map((id) => byId.get(id)!.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await expect(page.locator('#browse-status').textContent()).resolves.toContain(`共 ${published.length} 个案例`);
    for (const level of new Set(published.map((c) => c.level)))
      expect(await countOf(page, 'level', level), level).toBe(published.filter((c) => c.level === level).length);
    await page.close();
  });

  it('narrows the results when a value is ticked, and the other counts follow', async () => {
    await open();
    const measure = 'first-secretary';
    const withMeasure = published.filter((c) => c.measures.includes(measure));
    expect(withMeasure.length).toBeGreaterThan(0);
    expect(withMeasure.length).toBeLessThan(published.length);
    const province = published.find((c) => !c.measures.includes(measure))!.region.province;
    const before = await countOf(page, 'province', province);

    await box(page, 'measure', measure).check();
    await expect.poll(() => params(page).getAll('measure')).toEqual([measure]);
    await resultsFor(page, LIST);
    expect((await resultIds(page, LIST)).sort()).toEqual(withMeasure.map((c) => c.id).sort());
    // Counts in other facets now count within the narrowed results…
    const after = await countOf(page, 'province', province);
    expect(after).toBe(withMeasure.filter((c) => c.region.province === province).length);
    expect(after).not.toBe(before);
    // …and another measure says how many cases ticking it too (OR) would leave.
    const other = 'cadre-training';
    const union = published.filter((c) => c.measures.includes(measure) || c.measures.includes(other)).length;
    expect(await countOf(page, 'measure', other)).toBe(union);
    await box(page, 'measure', other).check();
    await resultsFor(page, LIST);
    await expect.poll(() => resultIds(page, LIST).then((ids) => ids.length)).toBe(union);
    await page.close();
  });

  it('shows the results and counts of the last selection when boxes are ticked in quick succession', async () => {
    await open();
    const [a, b] = ['first-secretary', 'cadre-training'];
    const level = '县区';
    // No waiting between clicks: earlier selections' searches are still running.
    await box(page, 'measure', a).check();
    await box(page, 'measure', b).check();
    await box(page, 'level', level).check();
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLFormElement>('#facet-form')!.dataset['countsFor'] === location.search)).toBe(true);
    const expected = published.filter((c) => (c.measures.includes(a) || c.measures.includes(b)) && c.level === level);
    expect(expected.length).toBeGreaterThan(0);
    expect((await resultIds(page, LIST)).sort()).toEqual(expected.map((c) => c.id).sort());
    for (const province of new Set(published.map((c) => c.region.province)))
      expect(await countOf(page, 'province', province), province).toBe(expected.filter((c) => c.region.province === province).length);
    await page.close();
  });

  it('restores a filtered view from its URL, updates the URL on change, and goes back', async () => {
    const measure = 'capable-leaders';
    const search = `?measure=${measure}&from=2010&to=2016&level=${encodeURIComponent('县区')}&sort=region`;
    const expected = published.filter((c) => c.measures.includes(measure) && c.year >= 2010 && c.year <= 2016 && c.level === '县区');
    expect(expected.length).toBeGreaterThan(0);
    await open(search);
    await expect(box(page, 'measure', measure).isChecked()).resolves.toBe(true);
    await expect(box(page, 'level', '县区').isChecked()).resolves.toBe(true);
    await expect(page.inputValue('#facet-form select[name="from"]')).resolves.toBe('2010');
    await expect(page.inputValue('#facet-form select[name="to"]')).resolves.toBe('2016');
    await expect(page.inputValue('[data-sort]')).resolves.toBe('region');
    const ids = await resultIds(page, LIST);
    expect(ids).toEqual([...expected].sort(compareByRegion).map((c) => c.id));
    await expect(page.locator('[data-facet-picked]').textContent()).resolves.toContain('已选');

    // Change: untick the level; the URL follows.
    await box(page, 'level', '县区').uncheck();
    await expect.poll(() => params(page).getAll('level')).toEqual([]);
    expect(params(page).getAll('measure')).toEqual([measure]);
    await resultsFor(page, LIST);
    const wider = published.filter((c) => c.measures.includes(measure) && c.year >= 2010 && c.year <= 2016);
    await expect.poll(() => resultIds(page, LIST).then((x) => x.sort())).toEqual(wider.map((c) => c.id).sort());

    // Back: the level is ticked again and the results are as before.
    await page.goBack();
    await expect.poll(() => box(page, 'level', '县区').isChecked()).toBe(true);
    await resultsFor(page, LIST);
    await expect.poll(() => resultIds(page, LIST)).toEqual(ids);
    expect(new URL(page.url()).search).toBe(search);
    await page.close();
  });

  it('sorts by region and filters by a year range from the controls', async () => {
    await open();
    await page.selectOption('[data-sort]', 'region');
    await expect.poll(() => params(page).get('sort')).toBe('region');
    await resultsFor(page, LIST);
    const byRegion = [...published].sort(compareByRegion);
    await expect.poll(() => resultIds(page, LIST)).toEqual(byRegion.map((c) => c.id));

    await page.selectOption('#facet-form select[name="from"]', '2014');
    await expect.poll(() => params(page).get('from')).toBe('2014');
    await resultsFor(page, LIST);
    const recent = byRegion.filter((c) => c.year >= 2014);
    await expect.poll(() => resultIds(page, LIST)).toEqual(recent.map((c) => c.id));
    await page.close();
  });

  it('offers the cities of a chosen province, narrows to one, and drops it with its province', async () => {
    const sample = published.find((c) => placeBelowProvince(c.region))!;
    const { province } = sample.region;
    const city = placeBelowProvince(sample.region)!;
    const inCity = published.filter((c) => placeBelowProvince(c.region)?.code === city.code);
    await open();
    const cityBox = box(page, 'city', city.code);
    await expect(cityBox.isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-city-hint]').textContent()).resolves.toContain('先选省份');

    await box(page, 'province', province).check();
    await expect.poll(() => cityBox.isVisible()).toBe(true);
    // Only this province's cities are offered.
    const offered = await page.locator('#facet-form input[name="city"]:visible').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    const ofProvince = new Set(published.filter((c) => c.region.province === province).flatMap((c) => placeBelowProvince(c.region)?.code ?? []));
    expect(offered.sort()).toEqual([...ofProvince].sort());
    await expect(cityBox.locator('xpath=..').textContent()).resolves.toContain(city.name);

    await cityBox.check();
    await expect.poll(() => params(page).getAll('city')).toEqual([city.code]);
    await resultsFor(page, LIST);
    await expect.poll(() => resultIds(page, LIST).then((x) => x.sort())).toEqual(inCity.map((c) => c.id).sort());
    await expect.poll(() => countOf(page, 'city', city.code)).toBe(inCity.length);

    // Unticking the province lets go of its city too.
    await box(page, 'province', province).uncheck();
    await expect.poll(() => params(page).getAll('city')).toEqual([]);
    await expect.poll(() => cityBox.isVisible()).toBe(false);
    await resultsFor(page, LIST);
    await expect.poll(() => resultIds(page, LIST).then((x) => x.length)).toBe(published.length);
    await page.close();
  });

  it('shows the main measures by name and links each to its measure page', async () => {
    // Results show a case's 主要措施 (its first measures), as the server-rendered lists do.
    const id = published[0]!.measures[0]!;
    await open(`?measure=${id}`);
    const tag = page.locator(`${LIST} > li .tags a`, { hasText: measuresById.get(id)!.name }).first();
    await expect(tag.getAttribute('href')).resolves.toBe(`/measures/${id}/`);
    await page.close();
  });
});
