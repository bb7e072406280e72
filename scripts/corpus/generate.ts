/**
 * Generates a corpus of cases for the benchmark and for tests that need many cases: N schema-valid cases composed from phrases.ts, with places
 * from the GB/T 2260 gazetteer and measures from content/measures.yaml.
 *
 * Each case is drawn from its own PRNG seeded with (seed, index), so case 17 is the same
 * whether 300 or 10,000 cases are generated: a quick run measures a prefix of the full corpus.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { citiesOf, countiesOf, provinces, townsOf, villagesOf, type Division } from '../../src/lib/gazetteer.ts';
import { LEVELS, type Level } from '../../src/schema/region.ts';
import { QUALIFIERS } from '../../src/schema/units.ts';
import { SOURCE_TYPES } from '../../src/schema/source.ts';
import { vocabulary, type Measure } from '../../src/schema/vocabulary.ts';
import { checkCaseText } from '../../src/lib/validate.ts';
import * as P from './phrases.ts';

export const DEFAULT_SEED = 20_251_123;
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2025;

/** mulberry32: tiny, fast and good enough to vary text; not for anything secret. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
/** k distinct items, in random order. */
function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

/** Share of cases per actor level; villages and towns dominate a grassroots casebook. */
const LEVEL_WEIGHTS: Record<Level, number> = { 村: 30, 乡镇: 30, 县区: 25, 地市: 10, 省: 5 };
function pickLevel(rng: Rng): Level {
  let r = rng() * 100;
  for (const level of LEVELS) if ((r -= LEVEL_WEIGHTS[level]) < 0) return level;
  return '县区';
}

interface Place {
  region: { province: string; city?: string; county?: string; town?: string; village?: string };
  /** The most precise name, used in sentences. */
  place: string;
  /** Place for the title, e.g. 荆州市沙市区 or 沙市区某镇. */
  titlePlace: string;
  /** The county (or city, or province) a case's authorities belong to. */
  county: string;
}

// The gazetteer scans its whole town and village tables per call; the generator asks often.
const villagesCache = new Map<string, Division[]>();
const townsCache = new Map<string, Division[]>();

function pickPlace(rng: Rng, level: Level): Place {
  const province = pick(rng, provinces);
  const cities = citiesOf(province.code);
  // 直辖市 have no real prefecture level: their districts sit directly under the province.
  const city = cities.length > 0 ? pick(rng, cities) : undefined;
  const region: Place['region'] = { province: province.name };
  if (level === '省') return { region, place: province.name, titlePlace: province.name, county: province.name };
  if (city) region.city = city.name;
  const counties = countiesOf(province.code, city?.code);
  if (level === '地市' || counties.length === 0) {
    const name = city?.name ?? province.name;
    return { region, place: name, titlePlace: name, county: name };
  }
  const county = pick(rng, counties);
  region.county = county.name;
  const upper = city?.name ?? province.name;
  if (level === '县区') return { region, place: county.name, titlePlace: `${upper}${county.name}`, county: county.name };
  let towns = townsCache.get(county.code);
  if (!towns) townsCache.set(county.code, (towns = townsOf(county.code)));
  if (towns.length === 0) return { region, place: county.name, titlePlace: `${upper}${county.name}`, county: county.name };
  const town = pick(rng, towns);
  region.town = town.name;
  // Villages are looked up in a 36 MB table on every validation; a few are enough for realism.
  if (level === '村' && rng() < 0.1) {
    let villages = villagesCache.get(town.code);
    if (!villages) villagesCache.set(town.code, (villages = villagesOf(town.code)));
    if (villages.length > 0) {
      const village = pick(rng, villages);
      region.village = village.name;
      return { region, place: village.name, titlePlace: `${town.name}${village.name}`, county: county.name };
    }
  }
  const name = level === '村' ? `${town.name}${pick(rng, ['东风', '新华', '前进', '和平', '红旗', '长青', '柳树', '石桥'])}村` : town.name;
  return { region, place: name, titlePlace: `${county.name}${name}`, county: county.name };
}

const UNIT_BY_LEVEL: Record<Level, string> = { 村: '镇', 乡镇: '镇', 县区: '县', 地市: '市', 省: '省' };

interface Slots {
  place: string;
  county: string;
  province: string;
  year: number;
  product: string;
  unit: string;
  measure?: Measure;
  rare?: string;
}

function fill(rng: Rng, template: string, s: Slots): string {
  const keywords = s.measure && s.measure.keywords.length > 0 ? s.measure.keywords : [s.measure?.name ?? '这项工作'];
  const [kw, kw2] = sample(rng, keywords, 2);
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    switch (key) {
      case 'place':
        return s.place;
      case 'county':
        return s.county;
      case 'province':
        return s.province;
      case 'year':
        return String(s.year);
      case 'product':
        return s.product;
      case 'unit':
        return s.unit;
      case 'terrain':
        return pick(rng, P.TERRAINS);
      case 'n':
        return String(int(rng, 3, 60));
      case 'm':
        return String(int(rng, 2, 6));
      case 'name':
        return s.measure?.name ?? '这一做法';
      case 'def':
        return s.measure?.definition ?? '';
      case 'kw':
        return kw ?? '';
      case 'kw2':
        return kw2 ?? kw ?? '';
      case 'rare':
        return s.rare ?? pick(rng, P.RARE);
      default:
        throw new Error(`phrase bank: unknown slot {${key}} in “${template}”`);
    }
  });
}

/** Draws from a bank without repeating until the bank is used up, so padding reads less like a loop. */
function deck<T>(rng: Rng, items: readonly T[]): () => T {
  let pile: T[] = [];
  return () => {
    if (pile.length === 0) pile = sample(rng, items, items.length);
    return pile.pop()!;
  };
}

export interface GeneratedCase {
  id: string;
  text: string;
}

/** Case number `index` of the corpus drawn with `seed`. */
export function generateCase(index: number, seed = DEFAULT_SEED): GeneratedCase {
  const rng = prng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const id = `bench-${String(index).padStart(5, '0')}`;
  const level = pickLevel(rng);
  const where = pickPlace(rng, level);
  const year = int(rng, FIRST_YEAR, LAST_YEAR);
  const measures = sample(rng, vocabulary.measures, int(rng, 1, 8));
  const main = measures[0]!;
  const slots: Slots = {
    place: where.place,
    county: where.county,
    province: where.region.province,
    year,
    product: pick(rng, P.PRODUCTS),
    unit: UNIT_BY_LEVEL[level],
    measure: main,
  };
  const rare = rng() < 0.05 ? pick(rng, P.RARE) : undefined;

  const method = fill(rng, pick(rng, P.TITLE_METHODS), slots);
  const goal = pick(rng, P.TITLE_GOALS);
  let title = `${where.titlePlace}：${method}，${goal}`;
  if (title.length > 60) title = `${where.place}：${method}`.slice(0, 60);
  const others = measures.slice(1, 3).map((m) => m.name);
  const summary =
    `${where.place}${others.length ? `以${main.name}为主，结合${others.join('、')}，` : `以${main.name}为抓手，`}${goal}，${pick(rng, ['村集体经济收入明显增长', '群众满意度明显提高', '党组织凝聚力明显增强', '带动一批农户稳定增收', '基层治理水平有了提升'])}。`.slice(
      0,
      150,
    );

  const metrics = Array.from({ length: int(rng, 5, 30) }, () => {
    const spec = pick(rng, P.METRICS);
    const label = `${fill(rng, pick(rng, P.METRIC_PREFIXES), slots)}${fill(rng, spec.label, slots)}`.slice(0, 60);
    const value = int(rng, spec.min, spec.max);
    const metric: Record<string, unknown> = { label, value, unit: spec.unit };
    const r = rng();
    if (r < 0.12 && value < spec.max) metric['max'] = int(rng, value + 1, spec.max);
    else if (r < 0.4) metric['qualifier'] = pick(rng, QUALIFIERS);
    return metric;
  });

  // The body grows section by section until it reaches its drawn length.
  const target = int(rng, 800, 2500);
  const nextBackground = deck(rng, P.BACKGROUND);
  const nextPractice = deck(rng, P.PRACTICE);
  const nextResult = deck(rng, P.RESULTS);
  const background = Array.from({ length: int(rng, 2, 3) }, () => fill(rng, nextBackground(), slots));
  const practice = measures.map((m) => ({ measure: m, sentences: [fill(rng, nextPractice(), { ...slots, measure: m })] }));
  if (rare) practice[0]!.sentences.push(fill(rng, pick(rng, P.RARE_SENTENCES), { ...slots, rare }));
  const results = [fill(rng, nextResult(), slots), fill(rng, nextResult(), slots)];
  const bullets = sample(rng, metrics, Math.min(4, metrics.length)).map(
    (m) =>
      // The casebook's number style (src/lib/number-style.ts): no spaces, the range dash.
      `- ${m['label']}：${m['qualifier'] && ['约', '近', '超过', '不足', '达'].includes(m['qualifier'] as string) ? m['qualifier'] : ''}${m['value']}${m['max'] ? `—${m['max']}` : ''}${m['unit']}`,
  );
  const lessons = sample(rng, P.LESSONS, int(rng, 2, 3));
  const render = () =>
    [
      '## 背景',
      '',
      background.join(''),
      '',
      '## 主要做法',
      '',
      ...practice.flatMap((p) => [`**${p.measure.name}：**${p.sentences.join('')}`, '']),
      '## 成效',
      '',
      results.join(''),
      '',
      ...bullets,
      '',
      '## 经验与启示',
      '',
      ...lessons.flatMap((l) => [l, '']),
    ].join('\n');
  for (let guard = 0; render().length < target && guard < 40; guard++) {
    const r = rng();
    if (r < 0.6) {
      const p = pick(rng, practice);
      p.sentences.push(fill(rng, nextPractice(), { ...slots, measure: p.measure }));
    } else if (r < 0.8) results.push(fill(rng, nextResult(), slots));
    else background.push(fill(rng, nextBackground(), slots));
  }
  const body = render();

  const period = rng() < 0.4 ? { start: Math.max(FIRST_YEAR, year - int(rng, 0, 3)), end: Math.min(LAST_YEAR, year + int(rng, 0, 2)) } : undefined;
  const pubYear = Math.min(LAST_YEAR, year + int(rng, 0, 2));
  const date = `${pubYear}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;
  const source = {
    publisher: fill(rng, pick(rng, P.PUBLISHERS), slots),
    title,
    date,
    script: rng() < 0.1 ? '繁' : '简',
    type: pick(rng, SOURCE_TYPES),
  };
  const data = {
    id,
    title,
    summary,
    region: where.region,
    level,
    year,
    ...(period ? { period } : {}),
    measures: measures.map((m) => m.id),
    metrics,
    source,
    objectives: sample(rng, P.OBJECTIVES, int(rng, 2, 4)).map((t) => fill(rng, t, slots)),
    questions: sample(rng, P.QUESTIONS, int(rng, 2, 5)).map((t) => fill(rng, t, slots)),
    editor: '基准测试语料生成器',
    draft: false,
  };
  return { id, text: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}` };
}

export interface CorpusReport {
  cases: number;
  checked: number;
  bodyChars: { min: number; median: number; max: number };
  bytes: number;
  ms: number;
}

/**
 * Writes cases 0..n-1 into `dir` (emptied first) and checks every one with the same
 * checkCaseText the build uses, so an invalid case stops here with the reason.
 */
export function writeCorpus(dir: string, n: number, seed = DEFAULT_SEED): CorpusReport {
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const lengths: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const { id, text } = generateCase(i, seed);
    const file = `${id}.mdx`;
    const { problems } = checkCaseText(file, text);
    if (problems.length > 0) throw new Error(`generated case ${file} is invalid:\n${problems.map((p) => `  ${p.line} ${p.field} ${p.message}`).join('\n')}`);
    writeFileSync(join(dir, file), text);
    lengths.push(text.slice(text.indexOf('\n---\n') + 5).replace(/\s/g, '').length);
    bytes += Buffer.byteLength(text);
  }
  lengths.sort((a, b) => a - b);
  return {
    cases: readdirSync(dir).length,
    checked: n,
    bodyChars: { min: lengths[0] ?? 0, median: lengths[Math.floor(lengths.length / 2)] ?? 0, max: lengths.at(-1) ?? 0 },
    bytes,
    ms: performance.now() - started,
  };
}
