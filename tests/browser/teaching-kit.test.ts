/**
 * The teaching kit in Chromium: the folded 教学说明 opens and closes from the keyboard, prints
 * when open and not when closed, and fits a phone; a 专题 page fits a phone and its course-pack
 * link opens the handout page with the collection's cases and title, under the base.
 */
import { expect, it } from 'vitest';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { describeBrowser, useBrowserOnSite } from '../helpers/browser.ts';
import { SUB_BASE, SUB_SITE } from '../helpers/site.ts';

const { cases, collections } = checkCaseDirectory(fromRoot('content', 'cases'));
const withNotes = cases.find((c) => !c.data.draft && c.data.teaching?.answers)!.data;
const collection = collections[0]!;

describeBrowser('teaching notes and collections', () => {
  const env = useBrowserOnSite(SUB_SITE, SUB_BASE);

  it('the teaching notes open and close from the keyboard', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.site.url(`cases/${withNotes.id}/`));
    const notes = page.locator('#teaching-notes');
    const firstPoint = notes.locator('[data-teacher-only] li li').first();
    await expect(firstPoint.isVisible()).resolves.toBe(false);
    // Tab from the element before the notes: the summary is the next stop.
    await page.locator('#teaching-notes').evaluate((el) => {
      const before = document.createElement('button');
      before.id = 'before-notes';
      el.before(before);
      before.focus();
    });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');
    await page.keyboard.press('Enter');
    await expect(notes.getAttribute('open')).resolves.toBe('');
    await expect(firstPoint.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Space');
    await expect(notes.getAttribute('open')).resolves.toBeNull();
    await page.close();
  });

  it('print what the screen shows: closed notes are left out, open notes are printed', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.site.url(`cases/${withNotes.id}/`));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#teaching-notes').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#teaching-notes > summary').click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#teaching-notes [data-teacher-only] li li').first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it.each([
    ['a case with its notes open', `cases/${withNotes.id}/`, '#teaching-notes > summary'],
    ['a collection', `collections/${collection.id}/`, undefined],
  ])('%s fits a 375px phone screen, with a tappable summary and link', async (_name, path, open) => {
    const page = await env.browser.newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(env.site.url(path));
    if (open) await page.locator(open).tap();
    const sizes = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: innerWidth,
      small: [...document.querySelectorAll<HTMLElement>('main summary, .course-pack a')]
        .map((el) => [el.textContent?.trim().slice(0, 12), el.getBoundingClientRect().height] as const)
        .filter(([, h]) => h < 44),
    }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.width);
    expect(sizes.small).toEqual([]);
    await page.close();
  });

  it('a collection’s course-pack link opens the handout page with its cases and title', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.site.url(`collections/${collection.id}/`));
    await page.getByRole('link', { name: '作为讲义打印或导出 Word' }).click();
    await page.waitForURL(/\/handout\//);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`${SUB_BASE}handout/`);
    expect(url.searchParams.get('ids')?.split(',')).toEqual(collection.cases);
    expect(url.searchParams.get('title')).toBe(collection.title);
    await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
    await page.close();
  });
});
