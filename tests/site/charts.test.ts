/** Charts drawn at build time (issue 11, item 6), read from the test build: SVG, no script, a table or list beside each. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { ROOT_SITE } from '../helpers/site.ts';

const published = checkCaseDirectory(fromRoot('content', 'cases'))
  .cases.filter((c) => !c.data.draft)
  .map((c) => c.data);
const html = (path: string) => readFileSync(join(ROOT_SITE, path), 'utf8');
const rows = (page: string) =>
  [...page.matchAll(/<tr><th scope="row">(?:<a [^>]*>)?([^<]+)(?:<\/a>)?<\/th><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1]!, m[2]!]);

/** The scripts a page loads, by the name of the component they come from. */
const scripts = (page: string) =>
  [...page.matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\/_astro\/([A-Za-z_]+)\.astro_astro_type_script/.exec(tag)?.[1] ?? tag);
const SITE_SCRIPT = 'Base';

describe('charts', () => {
  it('draw cases by year with a bar and a table row per year, agreeing with the year pages', () => {
    const page = html('years/index.html');
    const figure = /<figure class="chart"[\s\S]*?<\/figure>/.exec(page)![0];
    const years = [...new Set(published.map((c) => c.year))].sort();
    expect(figure.match(/<rect /g)).toHaveLength(years.length);
    expect(rows(figure)).toEqual(years.map((y) => [`${y}年`, String(published.filter((c) => c.year === y).length)]));
    // Drawn at build time: no script draws it; the page's only script is the site-wide one
    // (the header's 讲义 count and the per-case buttons, src/client/handout-toggles.ts).
    expect(scripts(page)).toEqual([SITE_SCRIPT]);
  });

  it('map the 34 province-level divisions, linking exactly those with cases to their pages', () => {
    const page = html('regions/index.html');
    const map = /<figure class="chart province-map"[\s\S]*?<\/figure>/.exec(page)![0];
    expect(map.match(/<rect /g)).toHaveLength(34);
    const linked = [...map.matchAll(/<a href="\/regions\/(\d+)\/"/g)].map((m) => m[1]).sort();
    expect(linked).toEqual([...new Set(published.map((c) => c.region.provinceCode))].sort());
    expect(scripts(page)).toEqual([SITE_SCRIPT]);
  });

  it('set figures of one kind side by side on a measure page, as the sources hedged them', () => {
    // The measure whose cases report the most figures.
    const counts = new Map<string, number>();
    for (const c of published) for (const m of c.measures) counts.set(m, (counts.get(m) ?? 0) + c.metrics.length);
    const measure = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const page = html(`measures/${measure}/index.html`);
    const section = /<section aria-labelledby="comparison">[\s\S]*?<\/section>/.exec(page)![0];
    const displays = new Set(published.flatMap((c) => c.metrics.map((m) => m.display)));
    const shown = rows(section);
    expect(shown.length).toBeGreaterThan(1);
    for (const [, display] of shown) expect(displays).toContain(display);
  });
});
