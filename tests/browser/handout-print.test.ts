/**
 * A handout printed from Chromium (print to PDF on A4): a cover and a table of contents, page
 * numbers, each case's address in its pages' footer and as a QR code drawn in the browser,
 * the metrics table allowed to run across pages, and the 学员版 without the instructors' notes.
 * Measures the pages each seed case takes with and without its metrics table.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { describeBrowser, useBrowserOnSite } from '../helpers/browser.ts';
import { pdfPageCount } from '../helpers/pdf.ts';
import type { StaticSite } from '../helpers/server.ts';
import { SUB_ADDRESS, SUB_BASE, SUB_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.map((c) => c.data)
  .filter((c) => !c.draft);
const [first, second] = published as [(typeof published)[0], (typeof published)[0]];
const address = (id: string) => `${SUB_ADDRESS}${SUB_BASE}cases/${id}/`;
/** A4's width less the handout's 15mm side margins, in CSS pixels, so screen layout matches print. */
const A4_TEXT_WIDTH = Math.round(((210 - 30) / 25.4) * 96);
const A4_TEXT_HEIGHT = Math.round(((297 - 28) / 25.4) * 96);

async function openHandout(page: Page, site: StaticSite, ids: string[], withMetrics = false): Promise<void> {
  await page.goto(`${site.url('handout/')}?ids=${ids.join(',')}&title=${encodeURIComponent('基层治理第一讲')}`);
  if (withMetrics) await page.getByLabel('主要数据表').check();
  await page
    .locator('.handout-case .case-qr svg')
    .nth(ids.length - 1)
    .waitFor();
  if (withMetrics) await page.locator('.handout-case table').first().waitFor();
}

/**
 * A CJK glyph is 1em wide. Where Chromium has no Chinese font (as on a bare build machine) it
 * draws narrower boxes, and the count would be too low; letter-spacing makes up the difference,
 * so the count is what a machine with Chinese fonts prints, or a little more (Latin letters and
 * digits get the same spacing). Where a Chinese font is installed nothing is added.
 */
async function asWithChineseFonts(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  const em = await page
    .locator('.handout-case')
    .first()
    .evaluate((section) => {
      const probe = Object.assign(document.createElement('span'), { textContent: '基层工作法案例库' });
      section.append(probe);
      const width = probe.getBoundingClientRect().width / 8 / parseFloat(getComputedStyle(probe).fontSize);
      probe.remove();
      return width;
    });
  if (em < 0.99) await page.addStyleTag({ content: `@media print { .handout-case { letter-spacing: ${(1 - em).toFixed(3)}em; } }` });
}

async function printedPages(page: Page): Promise<number> {
  await asWithChineseFonts(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return pdfPageCount(pdf);
}

describeBrowser('printed handout', () => {
  const env = useBrowserOnSite(SUB_SITE, SUB_BASE);

  it('prints a cover, a table of contents and each case on its own pages, with footers and page numbers', async () => {
    const page = await env.browser.newPage();
    const hosts = new Set<string>();
    page.on('request', (r) => hosts.add(new URL(r.url()).host));
    await openHandout(page, env.site, [first.id, second.id]);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const cover = document.querySelector('.handout-cover')!;
      const cases = [...document.querySelectorAll<HTMLElement>('.handout-case')];
      // @page rules, also those inside @media print.
      const all = (rules: CSSRuleList): CSSRule[] => [...rules].flatMap((r) => (r instanceof CSSMediaRule ? all(r.cssRules) : [r]));
      const pageRules = [...document.styleSheets].flatMap((sheet) => all(sheet.cssRules)).filter((r) => r instanceof CSSPageRule);
      return {
        cover: cover.textContent,
        coverBreak: getComputedStyle(cover).breakAfter,
        toc: [...document.querySelectorAll('.handout-toc li a')].map((a) => a.textContent),
        pages: cases.map((c) => getComputedStyle(c).page),
        header: getComputedStyle(document.querySelector('.site-header')!).display,
        controls: getComputedStyle(document.querySelector('.handout-tools')!).display,
        rules: pageRules.map((r) => r.cssText.replace(/\s+/g, ' ')),
      };
    });
    expect(printed.cover).toContain('基层治理第一讲');
    expect(printed.cover).toContain(first.title);
    expect(printed.coverBreak).toBe('page');
    expect(printed.toc).toEqual([first.title, second.title]);
    // A named page per case: a page break between cases and a footer of its own.
    expect(printed.pages).toEqual(['case-1', 'case-2']);
    expect([printed.header, printed.controls]).toEqual(['none', 'none']);
    const rule = (name: string) => printed.rules.find((r) => r.startsWith(`@page ${name} `)) ?? '';
    expect(rule('case-2')).toContain(`content: "基层工作法案例库 · ${address(second.id)}"`);
    expect(printed.rules.find((r) => r.startsWith('@page {'))).toMatch(/size: a4;.*margin: 13mm 15mm 15mm;.*@bottom-right \{ content: counter\(page\)/);

    // The QR code encodes the case's address, drawn here without asking any other host.
    const drawn = await page.locator('.handout-case').nth(1).locator('.case-qr svg path').last().getAttribute('d');
    const expected = await QRCode.toString(address(second.id), { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
    expect(expected).toContain(`d="${drawn}"`);
    expect([...hosts]).toEqual([new URL(env.site.origin).host]);
    // Each case keeps its source, with the link to the original.
    for (const c of [first, second]) {
      const source = page.locator(`.handout-case[data-case-id="${c.id}"]`);
      await expect(source.textContent()).resolves.toContain(c.source.title);
      if (c.source.url) expect(await source.locator(`a[href="${c.source.url}"]`).count()).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('fits a typical seed case on three A4 pages without its metrics table; the table runs on rather than leaving pages blank', async () => {
    const page = await env.browser.newPage({ viewport: { width: A4_TEXT_WIDTH, height: 900 } });
    const rows: { id: string; without: number; with: number; table: number }[] = [];
    for (const c of published) {
      // The cover and the table of contents take a page each.
      await openHandout(page, env.site, [c.id]);
      const without = (await printedPages(page)) - 2;
      await openHandout(page, env.site, [c.id], true);
      const withTable = (await printedPages(page)) - 2;
      await page.emulateMedia({ media: 'print' });
      const table = await page.locator('.handout-case table').evaluate((t) => {
        const style = getComputedStyle(t);
        return { height: t.getBoundingClientRect().height, breakInside: style.breakInside, head: getComputedStyle(t.querySelector('thead')!).display };
      });
      await page.emulateMedia({ media: 'screen' });
      expect(table.breakInside).toBe('auto');
      expect(table.head).toBe('table-header-group');
      // Were the table kept whole, it would push to a fresh page and leave the one before part blank:
      // one page more than its height needs.
      expect(withTable - without).toBeLessThanOrEqual(Math.ceil(table.height / A4_TEXT_HEIGHT));
      rows.push({ id: c.id, without, with: withTable, table: c.metrics.length });
    }
    console.log(['每个案例的打印页数（A4）：', ...rows.map((r) => `${r.id}: 无数据表${r.without}页，含数据表（${r.table}项）${r.with}页`)].join('\n'));
    const sorted = rows.map((r) => r.without).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(3);
    expect(Math.max(...sorted)).toBeLessThanOrEqual(4);
    await page.close();
  });

  it('leaves the instructors’ notes out of the 学员版 and opens them in the 教师版', async () => {
    const taught = published.find((c) => c.teaching?.answers?.length && c.teaching.plan?.length)!;
    const answer = taught.teaching!.answers![0]![0]!;
    const step = taught.teaching!.plan![0]!.step;
    const page = await env.browser.newPage();
    await openHandout(page, env.site, [taught.id]);
    const section = page.locator('.handout-case');
    // The 学员版: the notes for everyone stay (folded), the class plan and answer points are gone.
    await expect(section.locator('details.teaching-notes').count()).resolves.toBe(1);
    await expect(section.textContent()).resolves.not.toContain(answer);
    await expect(section.textContent()).resolves.not.toContain(step);
    await page.getByLabel('教师版（含教学说明）').check();
    await expect.poll(() => section.textContent()).toContain(answer);
    await expect(section.textContent()).resolves.toContain(step);
    expect(await section.locator('details.teaching-notes').getAttribute('open')).toBe('');
    await expect(page.locator('.handout-cover').textContent()).resolves.toContain('教师版');
    // Printed, the 教师版 shows the notes; the 学员版 prints none of them.
    await page.emulateMedia({ media: 'print' });
    await expect(section.locator('details.teaching-notes').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('学员版').check();
    await expect.poll(() => section.textContent()).not.toContain(answer);
    await page.emulateMedia({ media: 'print' });
    await expect(section.locator('details.teaching-notes').isVisible()).resolves.toBe(false);
    await page.close();
  });
});
