/**
 * An instructor picks cases on their pages and in result lists, keeps several named handouts,
 * reorders and prunes them (with undo), and shares one as a link that opens as a preview and
 * never overwrites the reader's own handouts. Under the sub-path, against the real build.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { describeBrowser, resultsFor, useBrowserOnSite } from '../helpers/browser.ts';
import { SUB_ADDRESS, SUB_BASE, SUB_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.map((c) => c.data)
  .filter((c) => !c.draft);
const [first, second, third] = published as [(typeof published)[0], (typeof published)[0], (typeof published)[0]];

const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('casebook-handouts') ?? 'null'));
const listTitles = (page: Page) => page.locator('#handout-list > li > span').allTextContents();
const docTitles = (page: Page) => page.locator('.handout-case h2').allTextContents();

describeBrowser('class handout', () => {
  const env = useBrowserOnSite(SUB_SITE, SUB_BASE);
  let page: Page;
  beforeAll(async () => {
    page = await env.browser.newPage();
  });

  it('collects cases from a case page, a server-rendered list and the browser-rendered browse results; the header counts them', async () => {
    await page.goto(env.site.url(`cases/${first.id}/`));
    const header = page.locator('header a[data-handout-count]');
    await expect.poll(() => header.textContent()).toBe('讲义（0）');
    const toggle = page.locator('main').getByRole('button', { name: '加入讲义' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => header.textContent()).toBe('讲义（1）');

    // A measure page: the list is in the HTML; its items get the toggle too.
    await page.goto(env.site.url(`measures/${second.measures[0]}/`));
    const item = page.locator('.case-list > li', { has: page.locator(`a[href$="/cases/${second.id}/"]`) });
    await item.getByRole('button', { name: '加入讲义' }).click();
    await expect.poll(() => page.locator('header a[data-handout-count]').textContent()).toBe('讲义（2）');

    // Browse: results rendered in the browser show which cases are already in, and take more.
    await page.goto(env.site.url('browse/'));
    await resultsFor(page, '#browse-results');
    const pressed = (id: string) =>
      page.locator('#browse-results > li', { has: page.locator(`a[href$="/cases/${id}/"]`) }).getByRole('button', { name: '加入讲义' });
    await expect.poll(() => pressed(first.id).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => pressed(third.id).getAttribute('aria-pressed')).toBe('false');
    await pressed(third.id).click();
    await pressed(third.id).click(); // and out again
    await expect.poll(() => pressed(third.id).getAttribute('aria-pressed')).toBe('false');

    await page.locator('header a[data-handout-count]').click();
    await expect.poll(() => docTitles(page)).toEqual([first.title, second.title]);
    expect(await listTitles(page)).toEqual([first.title, second.title]);
    for (const q of second.questions) await expect(page.locator('.handout-case').nth(1).textContent()).resolves.toContain(q);
  });

  it('numbers the list, shows disabled buttons as disabled, and keeps focus on a moved case', async () => {
    expect(await page.locator('#handout-list').evaluate((ol) => ol.localName)).toBe('ol');
    const look = await page
      .locator('#handout-list > li')
      .first()
      .evaluate((li) => {
        const [up, down] = li.querySelectorAll('button');
        const style = (b: Element) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).cursor].join(' ');
        return { disabled: up!.disabled, up: style(up!), down: style(down!) };
      });
    expect(look.disabled).toBe(true);
    expect(look.up).toContain('not-allowed');
    expect(look.up).not.toBe(look.down);

    await page.getByRole('button', { name: `下移：${first.title}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => listTitles(page)).toEqual([second.title, first.title]);
    await expect.poll(() => docTitles(page)).toEqual([second.title, first.title]);
    // 下移 is now disabled at the bottom, so focus is on the same case's 上移.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`上移：${first.title}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => listTitles(page)).toEqual([first.title, second.title]);
    // Back at the top, 上移 is disabled, so focus moves to the same case's 下移.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`下移：${first.title}`);
  });

  it('undoes 移除 and 清空 exactly', async () => {
    const before = await stored(page);
    await page.getByRole('button', { name: `移除：${first.title}` }).click();
    await expect.poll(() => listTitles(page)).toEqual([second.title]);
    await expect(page.locator('#handout-status').textContent()).resolves.toContain(`已移除“${first.title}”`);
    await page.locator('#handout-status').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => listTitles(page)).toEqual([first.title, second.title]);
    expect(await stored(page)).toEqual(before);

    await page.getByRole('button', { name: '清空讲义' }).click();
    await expect.poll(() => listTitles(page)).toEqual([]);
    await expect.poll(() => page.locator('header a[data-handout-count]').textContent()).toBe('讲义（0）');
    await page.locator('#handout-status').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => listTitles(page)).toEqual([first.title, second.title]);
    expect(await stored(page)).toEqual(before);
  });

  it('keeps several named handouts: create, rename, switch, delete with undo', async () => {
    await page.getByRole('button', { name: '新建讲义' }).click();
    await expect.poll(() => listTitles(page)).toEqual([]);
    await page.getByLabel('讲义名称').fill('第二讲：网格服务');
    await page.getByLabel('课程名称').fill('基层治理专题班');
    await page.getByLabel('日期').fill('2026-03-02');
    await page.getByLabel('讲义名称').press('Tab');
    await expect.poll(() => page.locator('#handout-select option:checked').textContent()).toBe('第二讲：网格服务（0）');

    // Cases added now go to the current handout.
    await page.goto(env.site.url(`cases/${third.id}/`));
    await page.locator('main').getByRole('button', { name: '加入讲义' }).click();
    await page.goto(env.site.url('handout/'));
    await expect.poll(() => docTitles(page)).toEqual([third.title]);
    await expect(page.locator('.handout-cover').textContent()).resolves.toContain('课程：基层治理专题班日期：2026年3月2日');

    await page.getByLabel('当前讲义').selectOption({ label: '我的讲义（2）' });
    await expect.poll(() => docTitles(page)).toEqual([first.title, second.title]);
    await page.getByLabel('当前讲义').selectOption({ label: '第二讲：网格服务（1）' });
    const before = await stored(page);
    await page.getByRole('button', { name: '删除讲义' }).click();
    await expect.poll(() => page.locator('#handout-select option').allTextContents()).toEqual(['我的讲义（2）']);
    await page.locator('#handout-status').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => stored(page)).toEqual(before);
    await expect.poll(() => docTitles(page)).toEqual([third.title]);
  });

  it('opens a shared link as a preview that changes nothing until the reader saves or merges it', async () => {
    const link = await page.locator('#handout-share').inputValue();
    expect(link).toBe(`${SUB_ADDRESS}${SUB_BASE}handout/?ids=${third.id}&title=${encodeURIComponent('第二讲：网格服务').replace(/%20/g, '+')}`);

    // A colleague with a handout of their own opens a link to two other cases.
    const colleague = await env.browser.newPage();
    await colleague.goto(env.site.url(`cases/${first.id}/`));
    await colleague.locator('main').getByRole('button', { name: '加入讲义' }).click();
    const own = await stored(colleague);
    await colleague.goto(env.site.url(`handout/?ids=${second.id},${third.id}&title=${encodeURIComponent('共享讲义')}`));
    await expect.poll(() => docTitles(colleague)).toEqual([second.title, third.title]);
    await expect(colleague.getByRole('region', { name: '收到的讲义' }).textContent()).resolves.toContain('你自己的讲义没有任何改动');
    expect(await stored(colleague)).toEqual(own);
    expect(await colleague.locator('#handout-list button').count()).toBe(0);

    await colleague.getByRole('button', { name: '并入这份讲义' }).click();
    await expect.poll(() => listTitles(colleague)).toEqual([first.title, second.title, third.title]);
    expect(new URL(colleague.url()).search).toBe('');

    await colleague.goto(env.site.url(`handout/?ids=${third.id},${second.id}&title=${encodeURIComponent('共享讲义')}`));
    await colleague.getByRole('button', { name: '另存为新讲义' }).click();
    await expect.poll(() => colleague.locator('#handout-select option').allTextContents()).toEqual(['我的讲义（3）', '共享讲义（2）']);
    await expect.poll(() => listTitles(colleague)).toEqual([third.title, second.title]);

    await colleague.goto(env.site.url(`handout/?ids=${first.id}`));
    await colleague.getByRole('button', { name: '关闭预览' }).click();
    await expect.poll(() => listTitles(colleague)).toEqual([third.title, second.title]);
    await colleague.close();
  });

  it('keeps the list of the first version: it becomes the first handout', async () => {
    const context = await env.browser.newContext();
    await context.addInitScript((ids) => {
      if (!localStorage.getItem('casebook-handouts')) localStorage.setItem('casebook-handout', ids);
    }, `${second.id},${first.id}`);
    const old = await context.newPage();
    await old.goto(env.site.url('handout/'));
    await expect.poll(() => docTitles(old)).toEqual([second.title, first.title]);
    await expect.poll(() => old.locator('header a[data-handout-count]').textContent()).toBe('讲义（2）');
    await context.close();
  });

  it('links 2–4 cases to the side-by-side comparison, under the base', async () => {
    await page.getByLabel('当前讲义').selectOption({ label: '我的讲义（2）' });
    await expect.poll(() => page.getByRole('link', { name: '并排对比' }).getAttribute('href')).toBe(`${SUB_BASE}compare/?ids=${first.id},${second.id}`);
    await page.getByLabel('当前讲义').selectOption({ label: '第二讲：网格服务（1）' });
    await expect.poll(() => page.getByRole('link', { name: '并排对比' }).isVisible()).toBe(false);
  });

  it('fits a 375px phone screen', async () => {
    const phone = await env.browser.newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    await phone.goto(env.site.url(`handout/?ids=${first.id},${second.id}`));
    await phone.locator('.handout-case').nth(1).waitFor();
    await phone.getByRole('button', { name: '另存为新讲义' }).click();
    await phone.locator('#handout-list li').nth(1).waitFor();
    const fit = await phone.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: innerWidth,
      // A checkbox or radio button is tapped through its label.
      small: [...document.querySelectorAll<HTMLElement>('main button, main select, main input:not([type=checkbox], [type=radio]), main fieldset label')]
        .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
        .map((e) => e.id || e.textContent),
    }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.width);
    expect(fit.small).toEqual([]);
    await phone.close();
  });
});
