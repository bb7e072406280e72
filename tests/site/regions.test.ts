/** Pages for every province, city and county with cases (issue 11, item 7), read from the test build. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { regionPages } from '../../src/lib/region-pages.ts';
import { ROOT_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.filter((c) => !c.data.draft)
  .map((c) => c.data);
const pages = regionPages(published, (c) => c.region);
const html = (path: string) => readFileSync(join(ROOT_SITE, path), 'utf8');
const caseLinks = (page: string) => [...page.matchAll(/href="\/cases\/([^/"]+)\/"/g)].map((m) => m[1]!);

describe('region pages below the province', () => {
  it('exist for every city and county with cases, each listing exactly its cases', () => {
    const below = [...pages.values()].filter((p) => p.level !== '省');
    expect(below.length).toBeGreaterThanOrEqual(published.length);
    for (const p of pages.values()) {
      const page = html(`regions/${p.code}/index.html`);
      expect(new Set(caseLinks(page)), p.name).toEqual(new Set(p.cases.map((c) => c.id)));
      expect(page, p.name).toContain(`<h1>${p.name}的案例（${p.cases.length}）</h1>`);
    }
  });

  it('are linked from each case page’s breadcrumb and from the page above', () => {
    for (const c of published) {
      const page = html(`cases/${c.id}/index.html`);
      const breadcrumb = /<nav class="breadcrumb"[\s\S]*?<\/nav>/.exec(page)![0];
      if (c.region.countyCode) expect(breadcrumb, c.id).toContain(`href="/regions/${c.region.countyCode}/"`);
      const county = c.region.countyCode && pages.get(c.region.countyCode);
      if (county) {
        const parent = county.parents.at(-1)!;
        expect(html(`regions/${parent.code}/index.html`), c.id).toContain(`href="/regions/${county.code}/"`);
      }
    }
  });

  it('make no page for a municipality’s 市辖区', () => {
    expect(existsSync(join(ROOT_SITE, 'regions', '1101'))).toBe(false);
  });
});
