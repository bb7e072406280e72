/**
 * An instructor picks cases on their pages and compares them side by side: one column per
 * case, shared measures marked in words, figures of one kind on one row with their hedges, a
 * URL that carries the choice, a table that scrolls inside itself on a phone, and a landscape
 * A4 printout.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { measuresById } from '../../src/schema/vocabulary.ts';
import { describeBrowser, resultIds, resultsFor, useBrowserOnSite } from '../helpers/browser.ts';
import { ROOT_SITE, SUB_BASE, SUB_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.map((c) => c.data)
  .filter((c) => !c.draft);
const [first, second, third] = published;
const ids = (page: Page) => new URL(page.url()).searchParams.get('ids');
const tableReady = (page: Page, columns: number) => page.locator(`#compare-table thead th[scope="col"]`).nth(columns).waitFor();
/** The text of a row's cells, by the row's field name. */
const rowCells = (page: Page, field: string) =>
  page
    .locator('#compare-table tbody tr', { has: page.locator(`th[scope="row"]`, { hasText: field }) })
    .locator('td')
    .allTextContents();

describeBrowser('side-by-side comparison, under the sub-path', () => {
  const env = useBrowserOnSite(SUB_SITE, SUB_BASE);

  it('collects cases with 加入对比 on their pages and opens them with 对比所选', async () => {
    const page = await env.browser.newPage();
    for (const c of [first!, second!]) {
      await page.goto(env.site.url(`cases/${c.id}/`));
      const toggle = page.getByRole('button', { name: '加入对比' });
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    }
    await page.getByRole('link', { name: '对比所选（2）' }).click();
    await tableReady(page, 2);
    expect(new URL(page.url()).pathname).toBe(`${SUB_BASE}compare/`);
    expect(ids(page)).toBe(`${first!.id},${second!.id}`);
    const heads = await page.locator('#compare-table thead th[scope="col"] a').allTextContents();
    expect(heads).toEqual([first!.title, second!.title]);
    // Links to the cases stay under the base.
    for (const href of await page.locator('#compare-table thead a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toMatch(new RegExp(`^${SUB_BASE}cases/`));
    await page.close();
  });
});

describeBrowser('side-by-side comparison', () => {
  const env = useBrowserOnSite(ROOT_SITE);
  const three = [first!, second!, third!];
  let page: Page;
  beforeAll(async () => {
    page = await env.browser.newPage();
    await page.goto(env.site.url(`compare/?ids=${three.map((c) => c.id).join(',')}`));
    await tableReady(page, 3);
  });

  it('lays the fields out as rows and the cases as columns', async () => {
    const fields = await page.locator('#compare-table tbody th[scope="row"]').allTextContents();
    expect(fields.slice(0, 5)).toEqual(['摘要', '地区', '层级', '年份', '措施']);
    expect(fields.at(-1)).toBe('学习目标');
    expect(await rowCells(page, '层级')).toEqual(three.map((c) => c.level));
    expect(await rowCells(page, '地区')).toEqual(three.map((c) => c.region.path.join(' › ')));
  });

  it('marks in words the measures all three list, and those two of them list', async () => {
    const count = (id: string) => three.filter((c) => c.measures.includes(id)).length;
    const cells = page.locator('#compare-table tbody tr', { has: page.locator('th', { hasText: '措施' }) }).locator('td');
    for (const [i, c] of three.entries()) {
      for (const id of c.measures) {
        const item = cells.nth(i).locator('li', { hasText: measuresById.get(id)!.name });
        const mark = { 3: '（共同）', 2: '（2个案例共有）', 1: '' }[count(id)]!;
        await expect(item.locator('.shared-mark').allTextContents()).resolves.toEqual(mark ? [mark] : []);
      }
    }
    expect(three[0]!.measures.some((id) => count(id) === 3)).toBe(true);
  });

  it('puts the figures of one kind on one row, each as the source wrote it', async () => {
    const money = await rowCells(page, '数据：金额');
    for (const [i, c] of three.entries()) {
      const figures = c.metrics.filter((m) => m.normalised.kind === '金额');
      for (const m of figures) expect(money[i]).toContain(`${m.label}：${m.display}`);
      if (figures.length === 0) expect(money[i]).toBe('无');
    }
    // Hedges stay visible: 300多万元 is not printed as 300万元.
    expect(money.join('')).toMatch(/多万元|余万元|约|以上|—/);
  });

  it('removes a case from the comparison and from the URL', async () => {
    await page.getByRole('button', { name: `从对比中移除“${second!.title}”` }).click();
    await expect.poll(() => ids(page)).toBe(`${first!.id},${third!.id}`);
    await expect(page.locator('#compare-table thead th[scope="col"] a').allTextContents()).resolves.toEqual([first!.title, third!.title]);
    // The URL alone reproduces it in a fresh browser.
    const fresh = await (await env.browser.newContext()).newPage();
    await fresh.goto(page.url());
    await tableReady(fresh, 2);
    await expect(fresh.locator('#compare-table thead th[scope="col"] a').allTextContents()).resolves.toEqual([first!.title, third!.title]);
    await fresh.context().close();
  });

  it('names the ids it cannot find', async () => {
    const other = await env.browser.newPage();
    await other.goto(env.site.url(`compare/?ids=${first!.id},no-such-case,${second!.id}`));
    await tableReady(other, 2);
    await expect(other.locator('#compare-status').textContent()).resolves.toContain('找不到这些案例：“no-such-case”');
    await other.goto(env.site.url(`compare/?ids=no-such-case`));
    await expect.poll(() => other.locator('#compare-status').textContent()).toContain('“no-such-case”');
    await expect(other.locator('#compare-table').isHidden()).resolves.toBe(true);
    await other.close();
  });

  it('fits a 375px screen: the table scrolls inside its own labelled region, the page does not', async () => {
    const phone = await env.browser.newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    await phone.goto(env.site.url(`compare/?ids=${three.map((c) => c.id).join(',')}`));
    await tableReady(phone, 3);
    const sizes = await phone.evaluate(() => {
      const region = document.querySelector<HTMLElement>('#compare-table')!;
      return { page: document.documentElement.scrollWidth, width: innerWidth, region: region.scrollWidth, regionWidth: region.clientWidth };
    });
    expect(sizes.page).toBeLessThanOrEqual(sizes.width);
    expect(sizes.region).toBeGreaterThan(sizes.regionWidth);
    const region = phone.getByRole('region', { name: '案例对比表' });
    await region.focus();
    await expect(region.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await phone.close();
  });

  it('picks cases from the browse results too, with the link to the comparison beside the picked ones only', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.site.url('browse/'));
    await resultsFor(page, '#browse-results');
    const [a, b] = (await resultIds(page, '#browse-results')) as [string, string];
    const item = (id: string) => page.locator('#browse-results > li', { has: page.locator(`.case-actions[data-case-id="${id}"]`) });
    for (const id of [a, b]) await item(id).getByRole('button', { name: '加入对比' }).click();
    await expect.poll(() => item(b).getByRole('button', { name: '加入对比' }).getAttribute('aria-pressed')).toBe('true');
    await expect(page.getByRole('link', { name: '对比所选（2）' }).count()).resolves.toBe(2);
    await item(b).getByRole('link', { name: '对比所选（2）' }).click();
    await tableReady(page, 2);
    expect(ids(page)).toBe(`${a},${b}`);
    await page.close();
  });

  it('keeps the choice in step across tabs, and refuses a fifth case saying why', async () => {
    const context = await env.browser.newContext();
    const [one, two] = [await context.newPage(), await context.newPage()];
    await one.goto(env.site.url(`cases/${first!.id}/`));
    await two.goto(env.site.url(`cases/${second!.id}/`));
    await two.getByRole('button', { name: '加入对比' }).click();
    await expect.poll(() => one.getByRole('link', { name: /对比所选/ }).textContent()).toBe('对比所选（1）');

    await one.evaluate(() => localStorage.setItem('casebook-compare', 'a,b,c,d'));
    await one.reload();
    await one.getByRole('button', { name: '加入对比' }).click();
    await expect(one.locator('.compare-toggle [role="status"]').textContent()).resolves.toBe('最多对比4个案例，请先移除一个');
    await expect(one.getByRole('button', { name: '加入对比' }).getAttribute('aria-pressed')).resolves.toBe('false');
    await context.close();
  });

  it('says without JavaScript why it needs it, and the case pages show no dead 加入对比', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const bare = await context.newPage();
    await bare.goto(env.site.url(`compare/?ids=${first!.id},${second!.id}`));
    await expect(bare.locator('main').textContent()).resolves.toContain('并排对比需要启用 JavaScript');
    await bare.goto(env.site.url(`cases/${first!.id}/`));
    await expect(bare.getByRole('button', { name: '加入对比' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('prints on landscape A4 without the site chrome', async () => {
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box, 'PDF MediaBox').not.toBeNull();
    const [width, height] = [Number(box![1]), Number(box![2])];
    // A4 is 842 × 595 points across.
    expect(Math.round(width)).toBe(842);
    expect(Math.round(height)).toBe(595);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.site-header', '.site-footer', '#compare-actions'].map((s) => getComputedStyle(document.querySelector(s)!).display),
    );
    expect(hidden).toEqual(['none', 'none', 'none']);
    await page.emulateMedia({ media: 'screen' });
  });
});
