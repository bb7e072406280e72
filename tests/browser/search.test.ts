/**
 * The search page in Chromium against the real build: exact Chinese search with highlighted
 * excerpts, Traditional ↔ Simplified, part of a word, several words, the input-method Enter,
 * the URL, empty results and the keyboard.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as OpenCC from 'opencc-js/t2cn';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { describeBrowser, useBrowserOnSite, resultIds, resultsFor } from '../helpers/browser.ts';
import { ROOT_SITE } from '../helpers/site.ts';
import { searchableText } from '../helpers/search-truth.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases')).cases.filter((c) => !c.data.draft);
const LIST = '#search-results';

describeBrowser('search page', () => {
  const env = useBrowserOnSite(ROOT_SITE);
  let page: Page;

  async function search(q: string, extra = ''): Promise<string[]> {
    page = await env.browser.newPage();
    await page.goto(env.site.url(`search/?q=${encodeURIComponent(q)}${extra}`));
    await resultsFor(page, LIST, q);
    return resultIds(page, LIST);
  }

  it('finds cases by a Chinese word and highlights it in the page’s own text', async () => {
    const ids = await search('第一书记');
    const expected = published.filter((c) => c.body.includes('第一书记')).map((c) => c.data.id);
    expect(ids.sort()).toEqual(expected.sort());
    await expect(page.locator('#search-status').textContent()).resolves.toContain(`找到 ${expected.length} 个`);
    // One highlight for the word, not one per segment Pagefind matched; Chinese punctuation, not
    // the ". " Pagefind puts between blocks.
    const marks = await page.locator(`${LIST} > li .excerpt mark`).allTextContents();
    expect(marks).toContain('第一书记');
    for (const excerpt of await page.locator(`${LIST} > li .excerpt`).allTextContents()) expect(excerpt).not.toMatch(/\p{Script=Han}\. |。 /u);
    await page.close();
  });

  it('finds only cases that hold the word as written (网格, not 互联网 or 不拘一格)', async () => {
    const ids = await search('网格');
    const whole = published.filter((c) => searchableText(c).includes('网格')).map((c) => c.data.id);
    expect(whole.length).toBeGreaterThan(0);
    expect(ids.sort()).toEqual(whole.sort());
    await expect(page.locator('#search-status').textContent()).resolves.toContain(`找到 ${whole.length} 个含“网格”的案例`);
    await expect(page.locator('.partial-match').count()).resolves.toBe(0);
    await page.close();
  });

  it('finds Simplified text for a Traditional query, and shows the Simplified text', async () => {
    for (const [traditional, simplified] of [
      ['第一書記', '第一书记'],
      ['集體經濟', '集体经济'],
    ] as const) {
      const fromSimplified = await search(simplified);
      await page.close();
      const fromTraditional = await search(traditional);
      expect(fromTraditional.length, traditional).toBeGreaterThan(0);
      expect(fromTraditional.sort(), traditional).toEqual(fromSimplified.sort());
      const excerpts = (await page.locator(`${LIST} > li .excerpt`).allTextContents()).join('');
      expect(excerpts).not.toContain(traditional);
      expect(excerpts).toMatch(/[书经]/);
      await page.close();
    }
  });

  it('finds a Traditional source title by its Simplified form, and the page still shows the original', async () => {
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const traditional = published.find((c) => c.data.source.script === '繁');
    expect(traditional, 'a seed case from a Traditional source').toBeDefined();
    const title = traditional!.data.source.title;
    expect(toSimplified(title)).not.toBe(title);
    const ids = await search(toSimplified(title));
    expect(ids).toContain(traditional!.data.id);
    await page.locator(`${LIST} a[href$="/cases/${traditional!.data.id}/"]`).click();
    await expect(page.locator('#source + p').innerText()).resolves.toContain(`《${title}》`);
    await page.close();
  });

  it('finds the whole word from a part of it (经济 finds 集体经济)', async () => {
    const whole = await search('集体经济');
    await page.close();
    const part = await search('经济');
    expect(whole.length).toBeGreaterThan(0);
    for (const id of whole) expect(part).toContain(id);
    await page.close();
  });

  it('narrows the results with each further word', async () => {
    const one = await search('第一书记');
    await page.close();
    const other = await search('沙市');
    await page.close();
    const both = await search('第一书记 沙市');
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(one.length);
    for (const id of both) expect(one.includes(id) && other.includes(id), id).toBe(true);
    await page.close();
  });

  it('does not search on the Enter that commits an input-method candidate', async () => {
    page = await env.browser.newPage();
    await page.goto(env.site.url('search/'));
    await resultsFor(page, LIST, '');
    await page.locator('#q').focus();
    const cdp = await page.context().newCDPSession(page);
    // What Chromium sees when a pinyin IME commits 第一书记 with Enter.
    await cdp.send('Input.imeSetComposition', { text: '第一书记', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
    await cdp.send('Input.insertText', { text: '第一书记' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    // A search would put the query in the URL; give any stray submit a round trip to show up.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await expect(page.inputValue('#q')).resolves.toBe('第一书记');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator(`${LIST} > li`).count()).toBe(0);
    // The next, plain Enter searches.
    await page.keyboard.press('Enter');
    await resultsFor(page, LIST, '第一书记');
    expect(new URL(page.url()).searchParams.get('q')).toBe('第一书记');
    expect(await page.locator(`${LIST} > li`).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps the query and filters in the URL, and back returns to the previous search', async () => {
    await search('经济');
    const all = await resultIds(page, LIST);
    await page.locator('#facet-form input[name="level"][value="乡镇"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('level')).toEqual(['乡镇']);
    await resultsFor(page, LIST, '经济');
    const filtered = await resultIds(page, LIST);
    const towns = published.filter((c) => c.data.level === '乡镇').map((c) => c.data.id);
    expect(filtered.sort()).toEqual(all.filter((id) => towns.includes(id)).sort());
    expect(new URL(page.url()).searchParams.get('q')).toBe('经济');
    await page.goBack();
    await resultsFor(page, LIST, '经济');
    await expect.poll(() => resultIds(page, LIST).then((ids) => ids.length)).toBe(all.length);
    await expect(page.locator('#facet-form input[name="level"][value="乡镇"]').isChecked()).resolves.toBe(false);
    await expect(page.inputValue('#q')).resolves.toBe('经济');
    await page.close();
  });

  it('says so when nothing matches, and offers to drop the filters', async () => {
    // A province and a level that no case has together: the filters leave nothing.
    const hits = await search('书记');
    await page.close();
    expect(hits.length).toBeGreaterThan(0);
    const pair = published
      .flatMap((a) => published.map((b) => [a.data.region.province, b.data.level] as const))
      .find(([p, l]) => !published.some((c) => c.data.region.province === p && c.data.level === l));
    expect(pair, 'a province and level no case shares').toBeDefined();
    expect(await search('书记', `&province=${encodeURIComponent(pair![0])}&level=${encodeURIComponent(pair![1])}`)).toEqual([]);
    await expect(page.locator('#search-status').textContent()).resolves.toContain('没有找到');
    const clear = page.locator('[data-empty] button', { hasText: '清除筛选条件' });
    await expect(clear.isVisible()).resolves.toBe(true);
    await clear.click();
    await resultsFor(page, LIST, '书记');
    await expect.poll(() => resultIds(page, LIST).then((ids) => ids.sort())).toEqual(hits.sort());
    expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('书记')}`);
    await page.close();

    expect(await search('xyzzyq')).toEqual([]);
    await expect(page.locator('[data-empty]').innerText()).resolves.toContain('没有案例含“xyzzyq”');
    await expect(page.locator('[data-empty] button').isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('works with the keyboard alone: Tab to the box, type, Enter; facets with Space and Enter', async () => {
    page = await env.browser.newPage();
    await page.goto(env.site.url('search/'));
    await resultsFor(page, LIST, '');
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'q');
    }
    expect(reached, 'Tab reaches the search box').toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline, 'focus is visible').not.toBe('none');
    await page.keyboard.type('经济');
    await page.keyboard.press('Enter');
    await resultsFor(page, LIST, '经济');
    const before = await resultIds(page, LIST);

    // On to the first facet value and tick it with Space.
    const first = page.locator('#facet-form input[type="checkbox"]').first();
    const firstId = await first.getAttribute('value');
    for (let i = 0; i < 10 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(first.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('measure')).toEqual([firstId]);
    await resultsFor(page, LIST, '经济');
    expect((await resultIds(page, LIST)).length).toBeLessThanOrEqual(before.length);
    // Enter unticks it again.
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('measure')).toEqual([]);
    await resultsFor(page, LIST, '经济');
    expect((await resultIds(page, LIST)).sort()).toEqual([...before].sort());
    await page.close();
  });

  it('shows only the newer query’s results when a query is submitted while the previous one’s are still arriving', async () => {
    page = await env.browser.newPage();
    // Results are shown one by one as their data arrives; here the first query's arrive late.
    await page.route('**/pagefind/fragment/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.goto(env.site.url('search/'));
    await page.locator('#facet-form[data-counts-for]').waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#q')!;
      const form = document.querySelector<HTMLFormElement>('#search-form')!;
      input.value = '第一书记';
      form.requestSubmit();
      input.value = '茶叶';
      form.requestSubmit();
    });
    await resultsFor(page, LIST, '茶叶');
    // The first query's data arrives after the second query's answer is on screen, and is dropped.
    await page.waitForLoadState('networkidle');
    await expect(page.locator(`${LIST} > li`).count()).resolves.toBe(0);
    await expect(page.locator('#search-status').textContent()).resolves.toContain('没有案例含“茶叶”');
    await page.close();
  });

  it('loads the search index while the reader types, not when the page opens', async () => {
    page = await env.browser.newPage();
    const index: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) index.push(request.url());
    });
    await page.goto(env.site.url('search/'));
    await page.locator('#facet-form[data-counts-for]').waitFor({ state: 'attached' });
    expect(index).toEqual([]);
    // Typing, before any search: Pagefind's script, WebAssembly and index metadata come now.
    const meta = page.waitForResponse((response) => /\/pagefind\/[^/]+\.pf_meta$/.test(response.url()));
    await page.locator('#q').pressSequentially('第一');
    await meta;
    expect(index.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await page.locator('#q').press('Enter');
    await resultsFor(page, LIST, '第一');
    expect((await resultIds(page, LIST)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('fetches the typed word’s index chunks when the reader pauses, not an input method’s letters, and Enter then downloads none', async () => {
    page = await env.browser.newPage();
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.pf_index')) chunks.push(request.url());
    });
    await page.goto(env.site.url('search/'));
    await page.locator('#facet-form[data-counts-for]').waitFor({ state: 'attached' });
    await page.locator('#q').focus();
    const cdp = await page.context().newCDPSession(page);
    // A pinyin input method composing 合作社: the letters are not searched for, however long the pause.
    const meta = page.waitForResponse((response) => /\/pagefind\/[^/]+\.pf_meta$/.test(response.url()));
    await cdp.send('Input.imeSetComposition', { text: 'hezuoshe', selectionStart: 8, selectionEnd: 8 });
    await meta;
    await page.waitForTimeout(1000);
    expect(chunks).toEqual([]);
    // The candidate committed: after the pause, the word's chunks come.
    const fetched = page.waitForResponse((response) => response.url().endsWith('.pf_index'));
    await cdp.send('Input.insertText', { text: '合作社' });
    await fetched;
    await page.waitForLoadState('networkidle');
    const preloaded = chunks.length;
    await page.locator('#q').press('Enter');
    await resultsFor(page, LIST, '合作社');
    const holding = published.filter((c) => searchableText(c).includes('合作社'));
    expect(await page.locator('#search-status').textContent()).toContain(`找到 ${holding.length} 个`);
    expect(chunks).toHaveLength(preloaded);
    await page.close();
  });
});
