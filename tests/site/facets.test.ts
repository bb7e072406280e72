/**
 * The facet logic (src/lib/facets.ts): the URL round trip, the filters a selection stands
 * for, and — against the real index and facet table of the test build — that the results a
 * selection keeps and the counts beside each facet value are the numbers of cases choosing it
 * would leave.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activeFacets,
  emptySelection,
  facetCounts,
  hasFilters,
  pageRange,
  pagefindFilters,
  parseSelection,
  selectionToSearch,
  withoutFilters,
  yearsInRange,
  type FacetOptions,
  type FilterMap,
  type Selection,
} from '../../src/lib/facets.ts';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { measuresById } from '../../src/schema/vocabulary.ts';
import { placeBelowProvince } from '../../src/lib/region-pages.ts';
import { countSelection, FACET_TABLE_FILE, type FacetTable } from '../../src/lib/facet-table.ts';
import { loadPagefind, type PagefindApi } from '../helpers/pagefind.ts';
import { sortedSearch } from '../../src/lib/exact-search.ts';
import { compareByRegion } from '../../src/lib/sorting.ts';
import type { Pagefind } from '../../src/lib/pagefind-types.ts';
import { ROOT_SITE } from '../helpers/site.ts';

const measureNames = new Map([...measuresById].map(([id, m]) => [id, m.name]));
// 荆州市 (4210) and 北京市's 门头沟区 (110109): a city, and a municipality's district in its place.
const cityProvinces = new Map([
  ['4210', '湖北省'],
  ['110109', '北京市'],
]);
const options: FacetOptions = { measureNames, cityProvinces, years: [2003, 2014, 2016, 2020], defaultSort: 'year' };

describe('selection in the URL', () => {
  it('reads ids, names, a year range, the sort and the page', () => {
    const sel = parseSelection('?measure=first-secretary&measure=collective-economy&province=湖北省&from=2010&to=2016&level=县区&sort=region&page=2', options);
    expect(sel).toEqual({
      q: '',
      measures: ['first-secretary', 'collective-economy'],
      provinces: ['湖北省'],
      cities: [],
      levels: ['县区'],
      from: 2010,
      to: 2016,
      sort: 'region',
      page: 2,
    });
  });

  it('drops unknown measures, bad years, bad pages and unknown sorts instead of failing', () => {
    const sel = parseSelection('?measure=no-such-measure&from=20x&to=&page=-3&sort=best', options);
    expect(sel).toEqual(emptySelection('year'));
  });

  it('keeps a city only while its province is chosen', () => {
    expect(parseSelection('?province=湖北省&city=4210', options).cities).toEqual(['4210']);
    // Its province not chosen, a city of another province, an unknown code: all dropped.
    expect(parseSelection('?city=4210', options).cities).toEqual([]);
    expect(parseSelection('?province=北京市&city=4210&city=9999', options).cities).toEqual([]);
    const sel = parseSelection('?province=湖北省&province=北京市&city=4210&city=110109', options);
    expect(sel.cities).toEqual(['4210', '110109']);
    expect(selectionToSearch(sel, options)).toBe(`?province=${encodeURIComponent('湖北省')}&province=${encodeURIComponent('北京市')}&city=4210&city=110109`);
    expect(pagefindFilters(sel, options).city).toEqual({ any: ['4210', '110109'] });
    expect(hasFilters(withoutFilters(sel))).toBe(false);
  });

  it('swaps a range given backwards', () => {
    expect(parseSelection('?from=2016&to=2010', options)).toMatchObject({ from: 2010, to: 2016 });
  });

  it('writes the same selection back, defaults left out, so the URL round-trips', () => {
    const search =
      '?q=%E7%BB%8F%E6%B5%8E&measure=first-secretary&province=%E6%B9%96%E5%8C%97%E7%9C%81&from=2010&to=2016&level=%E5%8E%BF%E5%8C%BA&sort=region&page=2';
    const sel = parseSelection(search, options);
    expect(selectionToSearch(sel, options)).toBe(search);
    expect(parseSelection(selectionToSearch(sel, options), options)).toEqual(sel);
    expect(selectionToSearch(emptySelection('year'), options)).toBe('');
    expect(selectionToSearch({ ...emptySelection('year'), sort: 'relevance' }, options)).toBe('?sort=relevance');
  });

  it('clears the filters but keeps the query and sort', () => {
    const sel = parseSelection('?q=书记&measure=first-secretary&from=2014&sort=region&page=3', options);
    expect(hasFilters(sel)).toBe(true);
    expect(activeFacets(sel)).toEqual(['measure', 'year']);
    const cleared = withoutFilters(sel);
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared).toEqual({ ...emptySelection('region'), q: '书记' });
  });
});

describe('Pagefind arguments', () => {
  const sel: Selection = parseSelection('?measure=first-secretary&measure=collective-economy&province=湖北省&from=2010&level=县区', options);

  it('ORs values within a facet, maps measure ids to names and a range to its years', () => {
    expect(pagefindFilters(sel, options)).toEqual({
      measure: { any: ['选派第一书记', '发展村集体经济'] },
      province: { any: ['湖北省'] },
      year: { any: ['2014', '2016', '2020'] },
      level: { any: ['县区'] },
    });
  });

  it('leaves one facet out for that facet’s counts', () => {
    expect(pagefindFilters(sel, options, 'measure')).not.toHaveProperty('measure');
    expect(pagefindFilters(sel, options, 'year')).not.toHaveProperty('year');
  });

  it('turns a range with no cases into a value no case has', () => {
    expect(yearsInRange([2003, 2014], 2005, 2010)).toEqual(['无']);
    expect(yearsInRange([2003, 2014], undefined, 2010)).toEqual(['2003']);
  });
});

describe('pages of results', () => {
  it('clamps the page and gives the slice to load', () => {
    expect(pageRange(1, 45, 20)).toEqual({ page: 1, start: 0, end: 20 });
    expect(pageRange(3, 45, 20)).toEqual({ page: 3, start: 40, end: 45 });
    expect(pageRange(9, 45, 20)).toEqual({ page: 3, start: 40, end: 45 });
    expect(pageRange(1, 0, 20)).toEqual({ page: 1, start: 0, end: 0 });
  });
});

describe('against the real index', () => {
  const { cases } = checkCaseDirectory(fromRoot('content', 'cases'));
  const published = cases.filter((c) => !c.data.draft).map((c) => c.data);
  /** The parts of Pagefind's API the facets use, with the fields tests/helpers/pagefind.ts leaves out. */
  interface FilterApi {
    search(term: string | null, options?: object): Promise<{ results: { id: string; data(): Promise<{ url: string; content: string }> }[] }>;
    placeOf: PagefindApi['placeOf'];
  }
  let pf: FilterApi;
  let table: FacetTable;
  const realOptions = (): FacetOptions => ({
    measureNames,
    cityProvinces: new Map(
      published.flatMap((c) => {
        const city = placeBelowProvince(c.region);
        return city ? [[city.code, c.region.province] as const] : [];
      }),
    ),
    years: [...new Set(published.map((c) => c.year))],
    defaultSort: 'year',
  });
  beforeAll(async () => {
    pf = (await loadPagefind(ROOT_SITE)) as unknown as FilterApi;
    table = JSON.parse(readFileSync(join(ROOT_SITE, FACET_TABLE_FILE), 'utf8')) as FacetTable;
  });

  /** What the browse page shows for a selection: every case Pagefind has, narrowed and counted with the build's facet table. */
  const run = async (sel: Selection) => {
    const all = await pf.search(null);
    const counted = await countSelection(
      table,
      all.results.map((r) => r.id),
      sel,
      realOptions(),
    );
    if (!counted) throw new Error('counts were not computed');
    return counted;
  };

  it('stops counting once a newer selection supersedes this one, making no further query', async () => {
    const sel = parseSelection('?measure=first-secretary&level=县区&province=湖北省', realOptions());
    expect(activeFacets(sel).length).toBeGreaterThan(1);
    const asked: FilterMap[] = [];
    let newer = false;
    const counts = await facetCounts(
      sel,
      realOptions(),
      { total: 1, counts: {} },
      async (f) => {
        asked.push(f);
        newer = true; // the reader ticks another box while the first count runs
        return {};
      },
      () => newer,
    );
    expect(asked).toHaveLength(1);
    expect(counts).toBeUndefined();
  });

  it('counts, for each value, the cases choosing it would leave (OR within a facet, AND across)', async () => {
    const sel = parseSelection('?measure=first-secretary&level=县区', realOptions());
    const { total, counts } = await run(sel);
    const matches = (c: (typeof published)[number], measures: string[], levels: string[]) =>
      (measures.length === 0 || c.measures.some((m) => measures.includes(m))) && (levels.length === 0 || levels.includes(c.level));
    expect(total).toBe(published.filter((c) => matches(c, ['first-secretary'], ['县区'])).length);
    const used = new Set(published.flatMap((c) => c.measures));
    for (const [id, name] of [...measureNames].filter(([id]) => used.has(id))) {
      // A chosen value counts the cases that have it; any other counts what choosing it too would leave.
      const would = published.filter((c) => matches(c, id === 'first-secretary' ? [id] : ['first-secretary', id], ['县区'])).length;
      expect(counts.measure?.[name] ?? 0, name).toBe(would);
    }
    for (const level of new Set(published.map((c) => c.level))) {
      const would = published.filter((c) => matches(c, ['first-secretary'], level === '县区' ? [level] : ['县区', level])).length;
      expect(counts.level?.[level] ?? 0, level).toBe(would);
    }
    // A facet nobody touched counts within the current results.
    const inResults = published.filter((c) => matches(c, ['first-secretary'], ['县区']));
    for (const province of new Set(published.map((c) => c.region.province)))
      expect(counts.province?.[province] ?? 0, province).toBe(inResults.filter((c) => c.region.province === province).length);
  });

  it("narrows a province to one of its cities, and counts the province's other cities as choosing them would leave", async () => {
    const withCity = published.filter((c) => placeBelowProvince(c.region));
    const city = placeBelowProvince(withCity[0]!.region)!;
    const province = withCity[0]!.region.province;
    const inCity = published.filter((c) => placeBelowProvince(c.region)?.code === city.code);
    const sel = parseSelection(`?province=${province}&city=${city.code}`, realOptions());
    const { total, counts } = await run(sel);
    expect(total).toBe(inCity.length);
    for (const other of new Set(published.filter((c) => c.region.province === province).map((c) => placeBelowProvince(c.region)?.code))) {
      if (!other) continue;
      const would = published.filter((c) => [city.code, other].includes(placeBelowProvince(c.region)?.code ?? '')).length;
      expect(counts.city?.[other] ?? 0, other).toBe(other === city.code ? inCity.length : would);
    }
    // Every published case with a city is filed under exactly one.
    const { counts: all } = await run(parseSelection('', realOptions()));
    expect(Object.values(all.city ?? {}).reduce((a, b) => a + b, 0)).toBe(withCity.length);
  });

  it('counts each year under the other facets, whatever range is chosen', async () => {
    const { counts } = await run(parseSelection('?from=2016&level=乡镇', realOptions()));
    for (const year of new Set(published.map((c) => c.year)))
      expect(counts.year?.[String(year)] ?? 0, String(year)).toBe(published.filter((c) => c.year === year && c.level === '乡镇').length);
  });

  it('filters by a year range', async () => {
    const { total } = await run(parseSelection('?from=2010&to=2016', realOptions()));
    expect(total).toBe(published.filter((c) => c.year >= 2010 && c.year <= 2016).length);
    expect((await run(parseSelection('?from=2005&to=2008', realOptions()))).total).toBe(0);
  });

  it('sorts by region code, north to south-west', async () => {
    const found = await sortedSearch(pf as unknown as Pagefind, null, 'region', pf.placeOf);
    const urls = (await Promise.all(found.results.map((r) => r.data()))).map((d) => /\/cases\/[^/]+\//.exec(d.url)?.[0] ?? d.url);
    const expected = [...published].sort(compareByRegion);
    expect(urls).toEqual(expected.map((c) => `/cases/${c.id}/`));
  });
});
