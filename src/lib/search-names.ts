/**
 * The names a reader may type that stand for a measure or a place: measures with their
 * aliases, and the provinces, cities and counties that have cases. Built once at build time
 * (with pinyin from pinyin-pro, so the browser needs no dictionary) and shipped as a small
 * JSON file; the search page suggests from it and says when a query is such a name
 * (search-suggest.ts, which runs in the browser).
 */
import { pinyin } from 'pinyin-pro';
import type { CaseData } from '../schema/case.ts';
import { vocabulary } from '../schema/vocabulary.ts';
import type { SearchName } from './search-suggest.ts';

const spell = (text: string) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
const initials = (text: string) => pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();

function entry(name: string, kind: string, terms: string[], path?: string): SearchName {
  return { name, kind, ...(path ? { path } : {}), terms, pinyin: terms.map(spell), initials: terms.map(initials) };
}

export function searchNames(published: readonly Pick<CaseData, 'region'>[]): SearchName[] {
  const names = vocabulary.measures.map((m) => entry(m.name, '措施', [m.name, ...m.aliases], `/measures/${m.id}/`));
  const places = new Map<string, SearchName>();
  for (const { region } of published) {
    places.set(region.province, entry(region.province, '省', [region.province], `/regions/${region.provinceCode}/`));
    if (region.city) places.set(region.city, entry(region.city, '市', [region.city], region.cityCode && `/regions/${region.cityCode}/`));
    if (region.county) places.set(region.county, entry(region.county, '县', [region.county], region.countyCode && `/regions/${region.countyCode}/`));
  }
  return [...names, ...places.values()];
}
