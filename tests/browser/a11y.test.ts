/**
 * axe-core finds no violations on the pages readers use most: home, a case (also with its
 * teaching notes open), browse with its facets and results, search with results, a measure
 * page, a region page, the collections, the handout and the comparison. Also on a
 * phone-sized screen: nothing scrolls sideways and the controls are big enough to tap.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { describeBrowser, useBrowserOnSite, resultsFor } from '../helpers/browser.ts';
import { ROOT_SITE } from '../helpers/site.ts';

const checked = checkCaseDirectory(fromRoot('content', 'cases'));
const published = checked.cases.filter((c) => !c.data.draft).map((c) => c.data);
const { collections } = checked;
const sample = published[0]!;

/** Pages to check, and what to wait for before checking. */
const PAGES: [string, string, ((page: Page) => Promise<void>)?][] = [
  ['首页', ''],
  ['案例', `cases/${sample.id}/`],
  ['浏览', 'browse/?measure=capable-leaders', (page) => resultsFor(page, '#browse-results')],
  ['搜索', `search/?q=${encodeURIComponent('经济')}`, (page) => resultsFor(page, '#search-results', '经济')],
  // A word no case holds is named in the status, and the suggestion list is open.
  [
    '搜索（缺词与建议）',
    `search/?q=${encodeURIComponent('合作社 茶叶')}`,
    async (page) => {
      await resultsFor(page, '#search-results', '合作社 茶叶');
      await page.locator('#q').fill('');
      await page.locator('#q').pressSequentially('jt');
      await page.locator('#q-suggestions [role="option"]').first().waitFor();
    },
  ],
  ['措施索引', 'measures/'],
  ['措施', `measures/${sample.measures[0]}/`],
  ['地区索引', 'regions/'],
  ['地区', `regions/${sample.region.provinceCode}/`],
  ['年份', `years/${sample.year}/`],
  ['全部案例', 'all/'],
  ['年份索引（图表）', 'years/'],
  ['关于本案例库', 'about/'],
  [
    '讲义',
    `handout/?ids=${published
      .slice(0, 2)
      .map((c) => c.id)
      .join(',')}`,
    (page) => page.locator('.handout-case').nth(1).waitFor(),
  ],
  // The reader's own handout: the list with its buttons, the cover fields, an undo message.
  [
    '讲义（我的讲义）',
    `handout/?ids=${published
      .slice(0, 3)
      .map((c) => c.id)
      .join(',')}`,
    async (page) => {
      await page.getByRole('button', { name: '另存为新讲义' }).click();
      await page.locator('#handout-list li button').first().waitFor();
      await page.getByRole('button', { name: `移除：${published[2]!.title}` }).click();
      await page.locator('#handout-status button').waitFor();
    },
  ],
  ['数据下载', 'data/'],
  ['专题索引', 'collections/'],
  ['专题', `collections/${collections[0]!.id}/`],
  // The teaching notes are folded; axe checks them open.
  ['案例（教学说明展开）', `cases/${sample.id}/`, (page) => page.locator('#teaching-notes > summary').click()],
  [
    '并排对比',
    `compare/?ids=${published
      .slice(0, 3)
      .map((c) => c.id)
      .join(',')}`,
    (page) => page.locator('#compare-table thead th').nth(3).waitFor(),
  ],
];

describeBrowser('accessibility', () => {
  const env = useBrowserOnSite(ROOT_SITE);

  it.each(PAGES)('axe reports no violations on the %s page', async (_name, path, ready) => {
    // axe needs a page from an explicit context.
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(env.site.url(path));
    await ready?.(page);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const report = violations.map((v) => `${v.id}（${v.impact}）：${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
    expect(report).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['browse/', '#browse-results', ''],
    [`search/?q=${encodeURIComponent('经济')}`, '#search-results', '经济'],
  ] as const)('fits a 375px phone screen with tappable controls: %s', async (path, list, query) => {
    const page = await env.browser.newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(env.site.url(path));
    await resultsFor(page, list, query);
    // Folded away at first, so the results come first on a phone.
    await expect(page.locator('[data-facet-panel]').getAttribute('open')).resolves.toBeNull();
    await page.locator('[data-facet-panel] > summary').click();
    const sizes = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: innerWidth,
      small: [
        ...document.querySelectorAll<HTMLElement>(
          'main summary, .facet label, .sort select, main button:not([hidden]), main select, main input[type="search"], .pager a',
        ),
      ]
        .filter((el) => el.offsetParent !== null)
        .map((el) => [el.textContent?.trim().slice(0, 12), el.getBoundingClientRect().height] as const)
        .filter(([, h]) => h < 44),
    }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.width);
    expect(sizes.small).toEqual([]);
    await page.close();
  });
});
