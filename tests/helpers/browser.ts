/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Where Chromium is
 * missing the browser tests are skipped with a printed reason; CI installs it, so there they run.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveSite, type StaticSite } from './server.ts';

export const CHROMIUM = process.env['CASEBOOK_CHROMIUM'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** `describe` when Chromium is there, otherwise a skipped block and a line saying why. */
export const describeBrowser: typeof describe = hasChromium
  ? describe
  : (((name: string, fn: () => void) => {
      console.warn(`未找到 Chromium，跳过浏览器测试（${CHROMIUM}）：${name}`);
      return describe.skip(name, fn);
    }) as typeof describe);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * Chromium and a local server for one built site, for the tests of one describe block:
 * started before its first test and closed after its last.
 */
export function useBrowserOnSite(dir: string, base = '/'): { browser: Browser; site: StaticSite } {
  const env = {} as { browser: Browser; site: StaticSite };
  beforeAll(async () => {
    [env.browser, env.site] = await Promise.all([launchBrowser(), serveSite(dir, base)]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}

/**
 * Waits until the finder has rendered the results for `query` and then the facet counts: the
 * list is busy while a search runs and gets data-query once its results are in place; the
 * facet form gets data-counts-for once the counts that follow the results are shown.
 */
export async function resultsFor(page: Page, list: string, query = ''): Promise<void> {
  await page.locator(`${list}[data-query="${query.replace(/"/g, '\\"')}"]:not([aria-busy])`).waitFor({ state: 'attached' });
  await page.locator('#facet-form[data-counts-for]').waitFor({ state: 'attached' });
}

/** Case ids linked from a result list, in order. */
export async function resultIds(page: Page, list: string): Promise<string[]> {
  const hrefs = await page.locator(`${list} > li h3 a`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => /\/cases\/([^/]+)\//.exec(h)?.[1] ?? h);
}
