/**
 * The real site, built by scripts/build.ts (see helpers/global-setup.ts): one page and one
 * search record per case, metrics on the page, Chinese search, nothing from other hosts,
 * and every link right under a sub-path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory, type CheckedCase } from '../../src/lib/validate.ts';
import { indexedPageCount } from '../../src/lib/pagefind-index.ts';
import { measureUse } from '../../src/lib/measure-use.ts';
import { vocabulary } from '../../src/schema/vocabulary.ts';
import { FILLER } from '../../src/lib/search-record.ts';
import { phraseFor, wordQuery } from '../../src/lib/search-tokens.ts';
import { ROOT_SITE, SUB_BASE, SUB_SITE } from '../helpers/site.ts';
import { loadPagefind, searchIds, type PagefindApi } from '../helpers/pagefind.ts';

const { cases } = checkCaseDirectory(fromRoot('content', 'cases'));
const published = cases.filter((c) => !c.data.draft);
const page = (site: string, id: string) => readFileSync(join(site, 'cases', id, 'index.html'), 'utf8');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

/** A word the case's body uses in a bold lead-in (**所在镇的推断：**), to search for. */
function bodyWord(c: CheckedCase): string {
  const lead = /\*\*([^*]+?)：\*\*/.exec(c.body)?.[1];
  if (!lead) throw new Error(`${c.file} 没有粗体小标题`);
  return lead;
}

describe('pages', () => {
  it('builds exactly one page per published case', () => {
    const built = readdirSync(join(ROOT_SITE, 'cases')).sort();
    expect(built).toEqual(published.map((c) => c.data.id).sort());
    for (const c of published) expect(existsSync(join(ROOT_SITE, 'cases', c.data.id, 'index.html'))).toBe(true);
  });

  it.each(published.map((c) => [c.data.id, c] as const))('%s shows its title, region, metrics, questions and source', (id, c) => {
    const html = page(ROOT_SITE, id);
    expect(html).toContain(`<h1>${c.data.title}</h1>`);
    expect(html).toContain(c.data.region.path.join(' › '));
    for (const m of c.data.metrics) {
      expect(html).toContain(m.display);
      expect(html).toContain(m.label);
    }
    for (const q of c.data.questions) expect(html).toContain(q);
    expect(html).toContain(`《${c.data.source.title}》`);
    for (const id of c.data.measures) expect(html).toContain(`href="/measures/${id}/"`);
  });

  it('renders Chinese bold lead-ins such as **注意：**正文 as <strong>', () => {
    for (const c of published) expect(page(ROOT_SITE, c.data.id)).toMatch(/<strong>[^<]+：<\/strong>/);
  });

  it('marks every page as Chinese and has a 404 page', () => {
    const files = htmlFiles(ROOT_SITE);
    expect(files.length).toBeGreaterThan(published.length);
    for (const f of files) expect(readFileSync(f, 'utf8'), relative(ROOT_SITE, f)).toMatch(/<html lang="zh-CN"/);
    expect(readFileSync(join(ROOT_SITE, '404.html'), 'utf8')).toContain('页面不存在');
  });

  it('loads nothing from other hosts', () => {
    for (const f of htmlFiles(ROOT_SITE)) {
      const html = readFileSync(f, 'utf8');
      // Scripts, styles, images, fonts and frames must come from the site itself.
      expect(html, relative(ROOT_SITE, f)).not.toMatch(/<(script|link|img|iframe|source|video|audio)\b[^>]*\b(src|href)="(https?:)?\/\//i);
      expect(html, relative(ROOT_SITE, f)).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    }
  });
});

describe('search index', () => {
  let pf: PagefindApi;
  beforeAll(async () => {
    pf = await loadPagefind(ROOT_SITE);
  });

  it('holds exactly one record per published case', () => {
    expect(indexedPageCount(join(ROOT_SITE, 'pagefind'))).toBe(published.length);
  });

  it.each(published.map((c) => [c.data.id, bodyWord(c)] as const))('finds %s by “%s” from its body', async (id, word) => {
    expect(await searchIds(pf, word)).toContain(id);
  });

  it('indexes no word for the padding after each head', async () => {
    // Every record pads its head with FILLER; were it indexed, searching it would find every case.
    expect((await pf.search(FILLER)).results).toEqual([]);
  });

  it('finds each vocabulary term by its own token in exactly the cases its pairs find it in', async () => {
    const ids = async (query: string) => (await pf.search(query)).results.map((r) => r.id).sort();
    let held = 0;
    for (const term of pf.terms) {
      const byPairs = await ids(phraseFor(term));
      expect([term, await ids(wordQuery(term, pf.terms).query)]).toEqual([term, byPairs]);
      if (byPairs.length > 0) held++;
    }
    // The five cases hold a good part of the vocabulary, so the comparison is not empty.
    expect(held).toBeGreaterThan(10);
  });

  it('finds a case by a figure from its metrics table', async () => {
    // 3150 万元 of subsidised loans appears only in the Shashi case.
    expect(await searchIds(pf, '3150')).toEqual(['shashi-three-ventures']);
  });

  it('offers filters for measure, province, city, year and level', async () => {
    const filters = await pf.filters();
    expect(Object.keys(filters).sort()).toEqual(['city', 'level', 'measure', 'province', 'year']);
    const provinces = Object.values(filters['province'] ?? {}).reduce((a, b) => a + b, 0);
    expect(provinces).toBe(published.length);
    expect(filters['province']?.['北京市']).toBe(published.filter((c) => c.data.region.province === '北京市').length);
  });
});

describe('a site built under a sub-path', () => {
  it('prefixes every internal link and asset with the base', () => {
    for (const f of htmlFiles(SUB_SITE)) {
      const html = readFileSync(f, 'utf8');
      for (const [, attr] of html.matchAll(/\b(?:href|src|action)="(\/[^"]*)"/g))
        expect(attr, `${relative(SUB_SITE, f)}: ${attr}`).toMatch(new RegExp(`^${SUB_BASE}`));
    }
  });

  it('puts the base into the feed and the sitemap', () => {
    const feed = readFileSync(join(SUB_SITE, 'rss.xml'), 'utf8');
    const links = [...feed.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname);
    expect(links.length).toBe(published.length + 1);
    for (const path of links) expect(path.startsWith(SUB_BASE)).toBe(true);
    const sitemap = readFileSync(join(SUB_SITE, 'sitemap-0.xml'), 'utf8');
    const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    for (const c of published) expect(pages).toContain(`${SUB_BASE}cases/${c.data.id}/`);
    for (const path of pages) expect(path.startsWith(SUB_BASE)).toBe(true);
    // Nothing a visitor from a search engine would find empty: the handout, measures without cases.
    expect(pages).not.toContain(`${SUB_BASE}handout/`);
    const { used, unused } = measureUse(
      published.map((c) => c.data.measures),
      vocabulary.measures,
    );
    for (const id of used) expect(pages).toContain(`${SUB_BASE}measures/${id}/`);
    for (const id of unused) expect(pages).not.toContain(`${SUB_BASE}measures/${id}/`);
  });

  it('loads the search bundle from under the base', () => {
    const scripts = readdirSync(join(SUB_SITE, '_astro')).filter((f) => f.endsWith('.js'));
    const bundle = scripts.map((f) => readFileSync(join(SUB_SITE, '_astro', f), 'utf8')).join('\n');
    expect(bundle).toContain(SUB_BASE);
    expect(existsSync(join(SUB_SITE, 'pagefind', 'pagefind.js'))).toBe(true);
  });
});
