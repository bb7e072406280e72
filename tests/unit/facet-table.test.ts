import { describe, expect, it } from 'vitest';
import { countSelection, countWithTable, makeFacetTable, tableMatcher } from '../../src/lib/facet-table.ts';
import { parseSelection, type FacetOptions } from '../../src/lib/facets.ts';

describe('the facet table that narrows and counts results', () => {
  const table = makeFacetTable(
    [
      { id: 'und_a', filters: { province: ['北京市'], measure: ['能人治村', '结对帮扶'], year: ['2003'], level: ['乡镇'] } },
      { id: 'und_b', filters: { province: ['湖北省'], measure: ['结对帮扶'], year: ['2014'], level: ['县区'] } },
      { id: 'und_c', filters: { province: ['北京市'], measure: [], year: ['2014'], level: ['村'] } },
    ],
    ['measure', 'province', 'year', 'level'],
  );

  it('counts each value over exactly the given results, listing every value as Pagefind does', () => {
    expect(countWithTable(table, ['und_a', 'und_c'])).toEqual({
      measure: { 能人治村: 1, 结对帮扶: 1 },
      province: { 北京市: 2, 湖北省: 0 },
      year: { '2003': 1, '2014': 1 },
      level: { 乡镇: 1, 县区: 0, 村: 1 },
    });
    expect(countWithTable(table, [])).toEqual({
      measure: { 能人治村: 0, 结对帮扶: 0 },
      province: { 北京市: 0, 湖北省: 0 },
      year: { '2003': 0, '2014': 0 },
      level: { 乡镇: 0, 县区: 0, 村: 0 },
    });
  });

  it('stores values once and records as indexes', () => {
    expect(table.values.province).toEqual(['北京市', '湖北省']);
    expect(JSON.stringify(table).match(/北京市/g)).toHaveLength(1);
  });

  const ids = ['und_a', 'und_b', 'und_c'];
  const keep = (filters: Parameters<typeof tableMatcher>[1]) => ids.filter(tableMatcher(table, filters));

  it('keeps the records with one of each facet’s chosen values: OR within a facet, AND across', () => {
    expect(keep({})).toEqual(ids);
    expect(keep({ province: { any: ['北京市'] } })).toEqual(['und_a', 'und_c']);
    expect(keep({ province: { any: ['北京市', '湖北省'] } })).toEqual(ids);
    expect(keep({ province: { any: ['北京市'] }, measure: { any: ['结对帮扶'] } })).toEqual(['und_a']);
    expect(keep({ year: { any: ['2014'] }, level: { any: ['村', '县区'] } })).toEqual(['und_b', 'und_c']);
  });

  it('keeps nothing for a value, a facet or a record it does not know', () => {
    expect(keep({ province: { any: ['无'] } })).toEqual([]);
    expect(keep({ city: { any: ['4210'] } })).toEqual([]);
    expect(['und_zzz'].filter(tableMatcher(table, {}))).toEqual([]);
  });

  it('counts a selection as the finder shows it: each chosen facet under the other facets only', async () => {
    const options: FacetOptions = { measureNames: new Map([['pairing', '结对帮扶']]), cityProvinces: new Map(), years: [2003, 2014], defaultSort: 'year' };
    const counted = await countSelection(table, ids, parseSelection('?province=北京市', options), options);
    expect(counted?.total).toBe(2);
    // 湖北省 would add und_b to the two shown; 北京市 itself has its two.
    expect(counted?.counts.province).toEqual({ 北京市: 2, 湖北省: 3 });
    // Other facets count within the two shown.
    expect(counted?.counts.level).toEqual({ 乡镇: 1, 县区: 0, 村: 1 });
    expect(await countSelection(table, ids, parseSelection('?province=北京市', options), options, () => true)).toBeUndefined();
  });
});
