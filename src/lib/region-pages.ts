/**
 * The region pages: every province, city and county that has published cases, with its cases,
 * its parents (for the breadcrumb) and its children that have cases. Cities a county belongs to
 * come from GB/T 2260 even when the case names only the county.
 */
import { citiesOf, countiesOf } from './gazetteer.ts';
import type { Region } from '../schema/region.ts';

export type RegionLevel = '省' | '市' | '县';

export interface RegionPage<T> {
  code: string;
  name: string;
  level: RegionLevel;
  /** Province first, then city: the pages above this one. */
  parents: { code: string; name: string }[];
  cases: T[];
  /** Pages one level down that have cases, in code order. */
  children: { code: string; name: string; count: number }[];
}

const NOT_A_PLACE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const nameOf = (level: RegionLevel, code: string, provinceCode: string, written: string | undefined): string =>
  written ?? (level === '市' ? citiesOf(provinceCode) : countiesOf(provinceCode)).find((d) => d.code === code)?.name ?? code;

/** The case's prefecture-level city, unless GB/T 2260 has only a grouping there (municipalities' 市辖区). */
export function cityOf(r: Region): { code: string; name: string } | undefined {
  const name = r.cityCode ? nameOf('市', r.cityCode, r.provinceCode, r.city) : undefined;
  // Municipalities' 市辖区 and the 直辖 groupings of GB/T 2260 are codes, not places a reader looks for.
  return r.cityCode && name && !NOT_A_PLACE.test(name) && name !== r.cityCode ? { code: r.cityCode, name } : undefined;
}

/**
 * The place one step below the province that a reader narrows to: the city, or the county
 * where there is no city (a municipality's 区, a 省直辖县). The browse page's 城市 facet offers these.
 */
export function placeBelowProvince(r: Region): { code: string; name: string } | undefined {
  return cityOf(r) ?? (r.countyCode ? { code: r.countyCode, name: nameOf('县', r.countyCode, r.provinceCode, r.county) } : undefined);
}

/** The pages, keyed by code, for cases in the order given (each page keeps that order). */
export function regionPages<T>(cases: readonly T[], regionOf: (c: T) => Region): Map<string, RegionPage<T>> {
  const pages = new Map<string, RegionPage<T>>();
  const add = (code: string, name: string, level: RegionLevel, parents: RegionPage<T>['parents'], c: T) => {
    const page = pages.get(code) ?? { code, name, level, parents, cases: [], children: [] };
    page.cases.push(c);
    pages.set(code, page);
  };
  for (const c of cases) {
    const r = regionOf(c);
    const province = { code: r.provinceCode, name: r.province };
    add(province.code, province.name, '省', [], c);
    const city = cityOf(r);
    if (city) add(city.code, city.name, '市', [province], c);
    if (r.countyCode) add(r.countyCode, nameOf('县', r.countyCode, r.provinceCode, r.county), '县', city ? [province, city] : [province], c);
  }
  for (const page of pages.values()) {
    // The nearest page above: a county's city, or its province where it has no city (省直辖县).
    const parent = page.parents.at(-1);
    if (parent) pages.get(parent.code)?.children.push({ code: page.code, name: page.name, count: page.cases.length });
  }
  for (const page of pages.values()) page.children.sort((a, b) => a.code.localeCompare(b.code));
  return pages;
}
