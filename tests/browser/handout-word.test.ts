/**
 * A handout, and a single case, download as Word files. The files are read back with a .docx
 * reader (mammoth): the title, the body, every discussion question, the citation and the
 * metrics as a real table; and, where LibreOffice is installed, they open in it without error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import mammoth from 'mammoth';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { describeBrowser, useBrowserOnSite } from '../helpers/browser.ts';
import { SUB_ADDRESS, SUB_BASE, SUB_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.map((c) => c.data)
  .filter((c) => !c.draft);
const [first, second] = published as [(typeof published)[0], (typeof published)[0]];
/** LibreOffice where installed (CASEBOOK_SOFFICE names another); without it, that one test is skipped with a reason. */
const SOFFICE = (process.env['CASEBOOK_SOFFICE'] ? [process.env['CASEBOOK_SOFFICE']] : ['/usr/bin/soffice', '/usr/bin/libreoffice']).find((p) => existsSync(p));
if (!SOFFICE) console.warn('未找到 LibreOffice（soffice），跳过“在 LibreOffice 中打开 Word 文件”的测试');
const dir = mkdtempSync(join(tmpdir(), 'casebook-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function download(page: Page, button: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  expect(file.suggestedFilename()).toBe(`${name}.docx`);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** The case page's own words to look for: a body paragraph and the citation line. */
const pageText = (page: Page) =>
  page.evaluate(() => ({
    body: document.querySelector('article .prose p')!.textContent!.trim(),
    citation: document.querySelector('article .cite-line')!.textContent!.trim(),
  }));

describeBrowser('Word export', () => {
  const env = useBrowserOnSite(SUB_SITE, SUB_BASE);

  /** A saved handout of two cases with a course name and the metrics tables, downloaded. */
  async function downloadHandout(page: Page): Promise<string> {
    await page.goto(`${env.site.url('handout/')}?ids=${first.id},${second.id}&title=${encodeURIComponent('第三讲 集体经济')}`);
    await page.getByRole('button', { name: '另存为新讲义' }).click();
    await page.getByLabel('课程名称').fill('村干部培训班');
    await page.getByLabel('课程名称').press('Tab');
    await page.getByLabel('主要数据表').check();
    await page.locator('.handout-case table').nth(1).waitFor();
    return download(page, '下载 Word', '第三讲 集体经济');
  }

  it('downloads a handout as .docx with its cover, body, questions, citations and the metrics as a table', async () => {
    const page = await env.browser.newPage({ acceptDownloads: true });
    await page.goto(env.site.url(`cases/${second.id}/`));
    const words = await pageText(page);
    const path = await downloadHandout(page);

    const { value: text } = await mammoth.extractRawText({ path });
    for (const expected of [
      '第三讲 集体经济',
      '村干部培训班',
      first.title,
      second.title,
      words.body,
      words.citation,
      ...first.questions,
      ...second.questions,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(`${SUB_ADDRESS}${SUB_BASE}cases/${second.id}/`);
    const { value: html } = await mammoth.convertToHtml({ path });
    const metric = second.metrics[0]!;
    // The metrics are a real table: a header row, then one row per metric with its label and value.
    const table = /<table>.*?<\/table>/.exec(html.slice(html.indexOf(`<h1>${second.title}</h1>`)))?.[0] ?? '';
    expect(table).toMatch(/^<table><thead><tr><th><p><strong>指标<\/strong><\/p><\/th>/);
    expect(table).toContain(`<tr><td><p><strong>${metric.label}</strong></p></td><td><p>${metric.display}</p></td>`);
    // Each case's address right under its title, then its summary.
    expect(text).toContain(`${first.title}\n\n网络版：${SUB_ADDRESS}${SUB_BASE}cases/${first.id}/\n\n${first.summary}`);
    expect(html).toContain(`<h1>${second.title}</h1>`);
    await page.close();
  });

  it('downloads a single case from its page', async () => {
    const page = await env.browser.newPage({ acceptDownloads: true });
    await page.goto(env.site.url(`cases/${first.id}/`));
    const words = await pageText(page);
    const path = await download(page, '下载 Word 版', first.title);
    const { value: text } = await mammoth.extractRawText({ path });
    for (const expected of [first.title, words.body, words.citation, ...first.questions]) expect(text).toContain(expected);
    const { value: html } = await mammoth.convertToHtml({ path });
    expect(html).toContain(first.metrics[0]!.display);
    await page.close();
  });

  it.skipIf(!SOFFICE)('opens in LibreOffice without error', async () => {
    const page = await env.browser.newPage({ acceptDownloads: true });
    const handout = await downloadHandout(page);
    await page.goto(env.site.url(`cases/${second.id}/`));
    const single = await download(page, '下载 Word 版', second.title);
    await page.close();
    for (const file of [handout, single]) {
      // A profile of its own, so a LibreOffice already running elsewhere does not take the job.
      const profile = mkdtempSync(join(dir, 'profile-'));
      const result = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(result.status, result.stderr).toBe(0);
      const pdf = readdirSync(dir).find(
        (f) =>
          f ===
          file
            .split('/')
            .pop()!
            .replace(/\.docx$/, '.pdf'),
      );
      expect(pdf).toBeDefined();
      expect(statSync(join(dir, pdf!)).size).toBeGreaterThan(1000);
    }
  });
});
