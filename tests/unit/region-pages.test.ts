import { describe, expect, it } from 'vitest';
import { regionPages } from '../../src/lib/region-pages.ts';
import type { Region } from '../../src/schema/region.ts';

const region = (r: Partial<Region>) => r as Region;
const cases = [
  { id: 'a', region: region({ province: '湖北省', provinceCode: '42', city: '荆州市', cityCode: '4210', county: '沙市区', countyCode: '421002' }) },
  // The editor named only the county; its city comes from GB/T 2260.
  { id: 'b', region: region({ province: '湖北省', provinceCode: '42', cityCode: '4210', county: '荆州区', countyCode: '421003' }) },
  { id: 'c', region: region({ province: '北京市', provinceCode: '11' }) },
];

describe('region pages', () => {
  const pages = regionPages(cases, (c) => c.region);

  it('has a page for every province, city and county with cases, holding exactly those cases', () => {
    expect([...pages.keys()].sort()).toEqual(['11', '42', '4210', '421002', '421003']);
    expect(pages.get('42')!.cases.map((c) => c.id)).toEqual(['a', 'b']);
    expect(pages.get('4210')!.cases.map((c) => c.id)).toEqual(['a', 'b']);
    expect(pages.get('421003')!.cases.map((c) => c.id)).toEqual(['b']);
  });

  it('names a city the case left out from the gazetteer, and links each page to its parents and children', () => {
    expect(pages.get('4210')).toMatchObject({ name: '荆州市', level: '市', parents: [{ code: '42', name: '湖北省' }] });
    expect(pages.get('421003')!.parents).toEqual([
      { code: '42', name: '湖北省' },
      { code: '4210', name: '荆州市' },
    ]);
    expect(pages.get('42')!.children).toEqual([{ code: '4210', name: '荆州市', count: 2 }]);
    expect(pages.get('4210')!.children.map((c) => c.name)).toEqual(['沙市区', '荆州区']);
    expect(pages.get('11')!.children).toEqual([]);
  });
});

describe('municipalities', () => {
  it('hang their districts directly under the municipality, without a 市辖区 page', () => {
    const pages = regionPages(
      [{ id: 'm', region: region({ province: '北京市', provinceCode: '11', cityCode: '1101', county: '门头沟区', countyCode: '110109' }) }],
      (c) => c.region,
    );
    expect([...pages.keys()].sort()).toEqual(['11', '110109']);
    expect(pages.get('110109')!.parents).toEqual([{ code: '11', name: '北京市' }]);
    expect(pages.get('11')!.children).toEqual([{ code: '110109', name: '门头沟区', count: 1 }]);
  });
});
