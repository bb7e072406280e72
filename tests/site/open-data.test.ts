/**
 * The downloads of the built site against each other and against the case pages: cases.json,
 * cases.csv and metrics.csv list the same published cases, and each case's figures are the ones
 * its page shows, hedge included (tests/unit/open-data.test.ts checks the shaping without a build).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { formatNormalised } from '../../src/lib/metrics.ts';
import { SITE } from '../../src/config.ts';
import type { OpenCase, OpenData, OpenMetric } from '../../src/lib/open-data.ts';
import type { Qualifier } from '../../src/schema/units.ts';
import { ROOT_SITE, SUB_ADDRESS, SUB_BASE, SUB_SITE } from '../helpers/site.ts';
import { readCsv } from '../helpers/read-csv.ts';

const { cases } = checkCaseDirectory(fromRoot('content', 'cases'));
const published = cases.filter((c) => !c.data.draft).map((c) => c.data);
const read = (site: string, ...path: string[]) => readFileSync(join(site, ...path), 'utf8');
const json = (site: string) => JSON.parse(read(site, 'data', 'cases.json')) as OpenData;

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** The rows of a case page's 主要数据 table: label (without its note), 原文数据 and 折算. */
function pageFigures(id: string): { label: string; display: string; base: string }[] {
  const html = read(ROOT_SITE, 'cases', id, 'index.html');
  const section = /<section[^>]*aria-labelledby="metrics"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1];
  if (section === undefined) return [];
  const rows = [...section.matchAll(/<tr[^>]*>\s*<th[^>]*scope="row"[^>]*>([\s\S]*?)<\/th>\s*<td[^>]*>([\s\S]*?)<\/td>\s*<td[^>]*>([\s\S]*?)<\/td>\s*<\/tr>/g)];
  return rows.map(([, th, display, base]) => ({ label: decode(th!.replace(/<span[\s\S]*?<\/span>/g, '')), display: decode(display!), base: decode(base!) }));
}

/** What the page's 折算 column must show for a figure of cases.json. */
const expectedBase = (m: OpenMetric) =>
  m.normalised.unit === m.unit
    ? '—'
    : formatNormalised({
        ...m.normalised,
        max: m.normalised.max ?? undefined,
        atLeast: m.normalised.atLeast ?? undefined,
        atMost: m.normalised.atMost ?? undefined,
        ...(m.qualifier === null ? {} : { qualifier: m.qualifier as Qualifier }),
      } as Parameters<typeof formatNormalised>[0]);

describe('cases.json', () => {
  it('parses and has the schema version, licences and an ISO build date no later than today', () => {
    const data = json(ROOT_SITE);
    expect(data.schemaVersion).toMatch(/^\d+\.\d+$/);
    expect(data.licence).toEqual({ text: SITE.licence.text.short, data: SITE.licence.data.short });
    expect(data.buildDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${data.buildDate}T00:00:00Z`).getTime()).toBeLessThanOrEqual(Date.now());
    expect(data.caseCount).toBe(data.cases.length);
  });

  it('is linked from the data page next to the CSV files', () => {
    const page = read(ROOT_SITE, 'data', 'index.html');
    for (const file of ['cases.csv', 'metrics.csv', 'cases.json']) expect(page).toContain(`href="/data/${file}"`);
    expect(page).toContain(SITE.licence.data.short);
  });

  it('gives each case the address of its page: absolute where the site has a public address, under the sub-path too', () => {
    for (const [site, base] of [
      [ROOT_SITE, '/'],
      [SUB_SITE, `${SUB_ADDRESS}${SUB_BASE}`],
    ] as const) {
      for (const c of json(site).cases) {
        expect(c.url).toBe(`${base}cases/${c.id}/`);
        expect(existsSync(join(site, 'cases', c.id, 'index.html')), c.id).toBe(true);
      }
    }
  });
});

describe('cases.json, cases.csv, metrics.csv and the pages agree', () => {
  const data = json(ROOT_SITE);
  const caseRows = readCsv(read(ROOT_SITE, 'data', 'cases.csv'));
  const metricRows = readCsv(read(ROOT_SITE, 'data', 'metrics.csv'));
  const ids = published.map((c) => c.id).sort();

  it('list the same published cases, once each', () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(data.cases.map((c) => c.id).sort()).toEqual(ids);
    expect(caseRows.map((r) => r['id']).sort()).toEqual(ids);
    expect(new Set(metricRows.map((r) => r['case_id']))).toEqual(new Set(published.filter((c) => c.metrics.length > 0).map((c) => c.id)));
    expect(metricRows).toHaveLength(published.reduce((n, c) => n + c.metrics.length, 0));
  });

  it.each(published.map((c) => [c.id] as const))('%s: same title, metric count and figures in every file and on its page', (id) => {
    const j = data.cases.find((c) => c.id === id) as OpenCase;
    const row = caseRows.find((r) => r['id'] === id)!;
    const figures = metricRows.filter((r) => r['case_id'] === id);
    const onPage = pageFigures(id);
    expect(row['title']).toBe(j.title);
    expect(read(ROOT_SITE, 'cases', id, 'index.html')).toContain(`<h1>${j.title}</h1>`);
    expect(Number(row['metric_count'])).toBe(j.metrics.length);
    expect(figures).toHaveLength(j.metrics.length);
    expect(onPage).toHaveLength(j.metrics.length);
    j.metrics.forEach((m, i) => {
      const r = figures[i]!;
      expect(r['case_title']).toBe(j.title);
      expect([r['label'], Number(r['value']), r['max'], r['unit'], r['qualifier'], r['display']]).toEqual([
        m.label,
        m.value,
        m.max === null ? '' : String(m.max),
        m.unit,
        m.qualifier ?? '',
        m.display,
      ]);
      expect([Number(r['base_value']), r['approximate'], r['bound'], r['base_at_least'], r['base_at_most']]).toEqual([
        m.normalised.value,
        m.normalised.approximate ? '1' : '0',
        m.normalised.bound,
        m.normalised.atLeast === null ? '' : String(m.normalised.atLeast),
        m.normalised.atMost === null ? '' : String(m.normalised.atMost),
      ]);
      expect(onPage[i]).toEqual({ label: m.label, display: m.display, base: expectedBase(m) });
    });
  });

  it('have no cell a spreadsheet would run as a formula', () => {
    for (const rows of [caseRows, metricRows]) for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
