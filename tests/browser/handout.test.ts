/**
 * An instructor picks cases on their pages, opens the handout, reorders it and prints it:
 * one case per printed page, with its discussion questions, and a URL that carries the picks.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { describeBrowser, useBrowserOnSite } from '../helpers/browser.ts';
import { SUB_BASE, SUB_SITE } from '../helpers/site.ts';

const [first, second] = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.map((c) => c.data)
  .filter((c) => !c.draft);

describeBrowser('class handout', () => {
  const env = useBrowserOnSite(SUB_SITE, SUB_BASE);
  let page: Page;
  beforeAll(async () => {
    page = await env.browser.newPage();
  });

  it('collects cases picked on their pages, under the sub-path', async () => {
    for (const c of [first!, second!]) {
      await page.goto(env.site.url(`cases/${c.id}/`));
      const toggle = page.getByRole('button', { name: '加入讲义' });
      await toggle.click();
      await expect(page.getByRole('button', { name: /已加入讲义/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    }
    await page.getByRole('link', { name: /查看讲义（2 个案例）/ }).click();
    await page.locator('.handout-case').nth(1).waitFor();
    const titles = await page.locator('.handout-case h2').allTextContents();
    expect(titles).toEqual([first!.title, second!.title]);
    expect(new URL(page.url()).searchParams.get('ids')).toBe(`${first!.id},${second!.id}`);
    for (const q of second!.questions) await expect(page.locator('.handout-case').nth(1).textContent()).resolves.toContain(q);
  });

  it('reorders, and the URL alone reproduces the handout in a fresh browser', async () => {
    await page.locator('#handout-list li').nth(1).getByRole('button', { name: '上移' }).click();
    await expect.poll(() => page.locator('.handout-case h2').allTextContents()).toEqual([second!.title, first!.title]);
    const link = page.url();
    const fresh = await env.browser.newPage();
    await fresh.goto(link);
    await fresh.locator('.handout-case').nth(1).waitFor();
    expect(await fresh.locator('.handout-case h2').allTextContents()).toEqual([second!.title, first!.title]);
    await fresh.close();
  });

  it('prints each case on its own page without the site chrome', async () => {
    await page.emulateMedia({ media: 'print' });
    const style = await page.evaluate(() => {
      const cases = document.querySelectorAll('.handout-case');
      return {
        breakSecond: getComputedStyle(cases[1]!).breakBefore,
        header: getComputedStyle(document.querySelector('.site-header')!).display,
        controls: getComputedStyle(document.querySelector('#handout-controls')!.parentElement!).display,
      };
    });
    expect(style).toEqual({ breakSecond: 'page', header: 'none', controls: 'none' });
    await page.emulateMedia({ media: 'screen' });
  });
});
