/**
 * Search tells the truth, proven on the search page in Chromium against the real build: for
 * 200 random 2–4-character strings drawn from the cases' own texts (fixed seed) and 30 that
 * occur nowhere, the total the page reports and its first page are exactly the cases whose
 * text holds the string (recall 1.0, precision 1.0). Then several words, a word no case has,
 * a measure's name and alias, a place, pinyin suggestions and the one-character rule.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { measuresById } from '../../src/schema/vocabulary.ts';
import { RESULTS_PER_PAGE } from '../../src/lib/facets.ts';
import { describeBrowser, useBrowserOnSite, resultIds, resultsFor } from '../helpers/browser.ts';
import { ROOT_SITE } from '../helpers/site.ts';
import { searchableText } from '../helpers/search-truth.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases')).cases.filter((c) => !c.data.draft);
const texts = new Map(published.map((c) => [c.data.id, searchableText(c)]));
const holding = (...words: string[]) =>
  published
    .filter((c) => words.every((w) => texts.get(c.data.id)!.includes(w)))
    .map((c) => c.data.id)
    .sort();
const LIST = '#search-results';

/** mulberry32: a small seeded generator, so every run draws the same strings. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function drawQueries(): { present: string[]; absent: string[] } {
  const next = random(20261123);
  const runs = [...texts.values()].flatMap((t) => t.match(/\p{Script=Han}{2,}/gu) ?? []);
  const present = new Set<string>();
  while (present.size < 200) {
    const run = runs[Math.floor(next() * runs.length)]!;
    const length = Math.min(run.length, 2 + Math.floor(next() * 3));
    const start = Math.floor(next() * (run.length - length + 1));
    present.add(run.slice(start, start + length));
  }
  const all = [...texts.values()].join('\n');
  const absent = new Set<string>();
  while (absent.size < 30) {
    const length = 2 + Math.floor(next() * 3);
    const word = Array.from({ length }, () => String.fromCodePoint(0x4e00 + Math.floor(next() * 0x5000))).join('');
    if (!all.includes(word)) absent.add(word);
  }
  return { present: [...present], absent: [...absent] };
}

describeBrowser('exact search on the search page', () => {
  const env = useBrowserOnSite(ROOT_SITE);

  async function ask(page: Page, q: string): Promise<{ total: number; ids: string[]; status: string }> {
    // Typed into the box of an open search page, as a reader asks one question after another.
    if (!page.url().includes('/search/')) await page.goto(env.site.url('search/'));
    await page.locator('#q').fill(q);
    await page.locator('#q').press('Enter');
    // Results and the total only; the facet counts that follow are other tests' business.
    await page.locator(`${LIST}[data-query="${q.replace(/"/g, '\\"')}"]:not([aria-busy])`).waitFor({ state: 'attached' });
    const status = (await page.locator('#search-status').textContent()) ?? '';
    return { total: Number(/找到 (\d+) 个/.exec(status)?.[1] ?? 0), ids: await resultIds(page, LIST), status };
  }

  it('reports exactly the cases that hold each of 230 strings: recall 1.0, precision 1.0', async () => {
    const { present, absent } = drawQueries();
    const page = await env.browser.newPage();
    let truePairs = 0;
    let foundPairs = 0;
    let correctPairs = 0;
    for (const q of [...present, ...absent]) {
      const expected = holding(q);
      const { total, ids } = await ask(page, q);
      truePairs += expected.length;
      foundPairs += total;
      correctPairs += ids.filter((id) => expected.includes(id)).length;
      expect(total, q).toBe(expected.length);
      expect(ids.length, q).toBe(Math.min(expected.length, RESULTS_PER_PAGE));
      for (const id of ids) expect(expected, `${q} → ${id}`).toContain(id);
    }
    expect(correctPairs / foundPairs).toBe(1);
    expect(correctPairs / truePairs).toBe(1);
    await page.close();
  }, 600_000);

  it('narrows with several words: every result holds all of them', async () => {
    const page = await env.browser.newPage();
    const { total, ids, status } = await ask(page, '合作社 集体经济');
    const expected = holding('合作社', '集体经济');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(holding('合作社').length + holding('集体经济').length);
    expect(total).toBe(expected.length);
    expect(ids.sort()).toEqual(expected);
    expect(status).toContain('含“合作社”和“集体经济”的案例');
    // The facet counts count exactly the intersection.
    await page.locator('#facet-form[data-counts-for]').waitFor({ state: 'attached' });
    for (const province of new Set(published.map((c) => c.data.region.province))) {
      const shown = await page.locator(`input[name="province"][data-value="${province}"] ~ [data-count]`).textContent();
      const truth = published.filter((c) => expected.includes(c.data.id) && c.data.region.province === province).length;
      expect(Number(shown), province).toBe(truth);
    }
    await page.close();
  });

  it('names a word no case holds, and shows the other words’ results', async () => {
    const page = await env.browser.newPage();
    const { total, ids, status } = await ask(page, '合作社 茶叶');
    expect(holding('茶叶')).toEqual([]);
    expect(status).toContain('没有案例含“茶叶”，下面只按其他词查找。');
    expect(total).toBe(holding('合作社').length);
    expect(ids.sort()).toEqual(holding('合作社'));
    // Quotes of any kind are accepted and not echoed back doubled.
    const quoted = await ask(page, '“合作社” 「茶叶」');
    expect(quoted.status).toContain('没有案例含“茶叶”');
    expect(quoted.status).not.toMatch(/““|「/);
    await page.close();
  });

  it('finds every case of a measure by its name or alias, and says so', async () => {
    const page = await env.browser.newPage();
    const tagged = (id: string) =>
      published
        .filter((c) => c.data.measures.includes(id))
        .map((c) => c.data.id)
        .sort();
    const grid = measuresById.get('grid-services')!;
    const byName = await ask(page, grid.name);
    expect(byName.ids.sort()).toEqual(expect.arrayContaining(tagged('grid-services')));
    expect(byName.status).toContain(`“${grid.name}”是措施“${grid.name}”的名称`);
    const byAlias = await ask(page, '第一书记');
    expect(byAlias.ids).toEqual(expect.arrayContaining(tagged('first-secretary')));
    expect(byAlias.status).toContain('“第一书记”是措施“选派第一书记”的别称');
    const place = published[0]!.data.region.county!;
    const byPlace = await ask(page, place);
    expect(byPlace.ids).toContain(published[0]!.data.id);
    expect(byPlace.status).toContain(`“${place}”是地名`);
    await page.close();
  });

  it('says a single character is not searched, and what to type instead', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.site.url(`search/?q=${encodeURIComponent('村')}`));
    await page.locator(`${LIST}[data-query="村"]:not([aria-busy])`).waitFor({ state: 'attached' });
    await expect(page.locator('#search-status').textContent()).resolves.toContain('单个字“村”没有用来查找：请输入两个字以上的词');
    await expect(page.locator(`${LIST} > li`).count()).resolves.toBe(0);
    await page.close();
  });

  it('suggests measures and places by pinyin and initials, with the keyboard, and searches the choice', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.site.url('search/'));
    const input = page.locator('#q');
    await input.click();
    await input.pressSequentially('jtjj');
    const option = page.locator('#q-suggestions [role="option"]').first();
    await expect(option.textContent()).resolves.toContain('发展村集体经济');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await input.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'));
    await input.press('Enter');
    await resultsFor(page, LIST, '发展村集体经济');
    await expect(input.inputValue()).resolves.toBe('发展村集体经济');
    const county = published.find((c) => c.data.region.county === '沙市区');
    if (county) {
      await input.fill('');
      await input.pressSequentially('shashi');
      await expect(page.locator('#q-suggestions [role="option"]').first().textContent()).resolves.toContain('沙市区');
    }
    await page.close();
  });
});
