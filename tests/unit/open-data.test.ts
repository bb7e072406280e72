/**
 * cases.json and the two CSVs, shaped from the real content without a build: the three
 * downloads must describe the same cases with the same figures, case by case. The site test
 * (tests/site/open-data.test.ts) checks the built files against the case pages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.ts';
import { caseSchema, type CaseData } from '../../src/schema/case.ts';
import { toCsv } from '../../src/lib/csv.ts';
import { caseColumns, metricColumns, metricRows } from '../../src/lib/export.ts';
import { openData, SCHEMA_VERSION } from '../../src/lib/open-data.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { fromRoot } from '../../src/lib/paths.ts';
import { validCase } from '../helpers/case-text.ts';
import { readCsv } from '../helpers/read-csv.ts';

const pageUrl = (id: string) => `/cases/${id}/`;
const options = { licence: { text: SITE.licence.text.short, data: SITE.licence.data.short }, buildDate: new Date('2026-03-04T10:00:00Z'), pageUrl };

describe('openData', () => {
  const hedged = caseSchema.parse({
    ...validCase(),
    metrics: [
      { label: '年外销水产品', value: 300, unit: '万公斤', qualifier: '多' },
      { label: '贷款额度', value: 2, max: 5, unit: '万元', note: '每个项目' },
    ],
  });
  const draft = caseSchema.parse({ ...validCase(), id: 'draft-case', draft: true });

  it('has the schema version, licences and build date at the top, and no drafts', () => {
    const data = openData([hedged, draft], options);
    expect(data).toMatchObject({ schemaVersion: SCHEMA_VERSION, licence: { text: 'CC BY 4.0', data: 'CC BY 4.0' }, buildDate: '2026-03-04', caseCount: 1 });
    expect(data.cases.map((c) => c.id)).toEqual(['test-case']);
  });

  it('writes every case with the same keys, absent values as null', () => {
    const [c] = openData([hedged], options).cases;
    expect(c).toMatchObject({
      url: '/cases/test-case/',
      region: { province: '北京市', city: null, county: '门头沟区', code: '110109108205', provinceCode: '11', cityCode: '1101', town: '妙峰山镇', note: null },
      period: { start: 2002, end: 2004 },
      measures: [
        { id: 'capable-leaders', name: '能人治村', primary: true },
        { id: 'collective-economy', name: '发展村集体经济', primary: true },
      ],
      source: { url: null, author: null, type: '讲话' },
    });
    // A case without period, city or notes has the same keys as one with them.
    const keys = (o: object) =>
      JSON.stringify(o, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, 1]),
            )
          : v,
      );
    const bare = caseSchema.parse({ ...validCase(), period: undefined, metrics: [{ label: '承包费', value: 50, unit: '万元' }] });
    expect(keys(openData([bare], options).cases[0]!.region)).toBe(keys(c!.region));
    expect(Object.keys(openData([bare], options).cases[0]!).sort()).toEqual(Object.keys(c!).sort());
  });

  it('keeps each figure with its hedge and normalised limits', () => {
    const [c] = openData([hedged], options).cases;
    expect(c!.metrics).toEqual([
      {
        label: '年外销水产品',
        value: 300,
        max: null,
        unit: '万公斤',
        qualifier: '多',
        display: '300多万公斤',
        note: null,
        normalised: {
          kind: '重量',
          unit: '公斤',
          additive: true,
          value: 3000000,
          max: null,
          approximate: true,
          bound: 'lower',
          atLeast: 3000000,
          atMost: null,
        },
      },
      {
        label: '贷款额度',
        value: 2,
        max: 5,
        unit: '万元',
        qualifier: null,
        display: '2—5万元',
        note: '每个项目',
        normalised: { kind: '金额', unit: '元', additive: true, value: 20000, max: 50000, approximate: false, bound: '', atLeast: 20000, atMost: 50000 },
      },
    ]);
  });
});

describe('the licence', () => {
  it('is the one SITE.licence sets, wherever the guide and README state it', () => {
    for (const file of ['CONTRIBUTING.md', 'README.md']) {
      const text = readFileSync(fromRoot(file), 'utf8');
      const stated = [...text.matchAll(/CC BY(?:-[A-Z]{2})* [\d.]+/g)].map((m) => m[0]);
      expect(stated.length, file).toBeGreaterThan(0);
      for (const s of stated) expect([SITE.licence.text.short, SITE.licence.data.short], file).toContain(s);
    }
  });
});

describe('the real casebook: cases.json, cases.csv and metrics.csv agree case by case', () => {
  const { cases } = checkCaseDirectory(fromRoot('content', 'cases'));
  const published: CaseData[] = cases.map((c) => c.data).filter((c) => !c.draft);
  // Parsed back from text, as a reader of the downloaded file would have it.
  const json = JSON.parse(JSON.stringify(openData(published, options))) as ReturnType<typeof openData>;
  const caseRows = readCsv(toCsv(published, caseColumns));
  const metricRowsRead = readCsv(toCsv(metricRows(published), metricColumns));

  it('lists the same cases in the same order', () => {
    expect(published.length).toBeGreaterThan(0);
    const ids = published.map((c) => c.id);
    expect(json.cases.map((c) => c.id)).toEqual(ids);
    expect(json.caseCount).toBe(ids.length);
    expect(caseRows.map((r) => r['id'])).toEqual(ids);
    expect([...new Set(metricRowsRead.map((r) => r['case_id']))]).toEqual(ids.filter((id) => published.find((c) => c.id === id)!.metrics.length > 0));
  });

  it.each(published.map((c) => [c.id, c] as const))('%s: same title, metric count and figures everywhere', (id, c) => {
    const j = json.cases.find((x) => x.id === id)!;
    const row = caseRows.find((r) => r['id'] === id)!;
    const figures = metricRowsRead.filter((r) => r['case_id'] === id);
    expect(j.title).toBe(c.title);
    expect(row['title']).toBe(c.title);
    expect(Number(row['metric_count'])).toBe(c.metrics.length);
    expect(j.metrics).toHaveLength(c.metrics.length);
    expect(figures).toHaveLength(c.metrics.length);
    figures.forEach((r, i) => {
      const m = j.metrics[i]!;
      expect(r['case_title']).toBe(c.title);
      expect([r['label'], Number(r['value']), r['unit'], r['qualifier'], r['display']]).toEqual([m.label, m.value, m.unit, m.qualifier ?? '', m.display]);
      expect([Number(r['base_value']), r['base_max'], r['bound'], r['approximate'], r['additive']]).toEqual([
        m.normalised.value,
        m.normalised.max === null ? '' : String(m.normalised.max),
        m.normalised.bound,
        m.normalised.approximate ? '1' : '0',
        m.normalised.additive ? '1' : '0',
      ]);
      expect([r['base_at_least'], r['base_at_most']]).toEqual([m.normalised.atLeast, m.normalised.atMost].map((v) => (v === null ? '' : String(v))));
    });
  });
});
