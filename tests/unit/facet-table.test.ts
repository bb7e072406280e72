import { describe, expect, it } from 'vitest';
import { countWithTable, makeFacetTable } from '../../src/lib/facet-table.ts';

describe('the facet table for several-word counts', () => {
  const table = makeFacetTable(
    [
      { id: 'und_a', filters: { province: ['北京市'], measure: ['能人治村', '结对帮扶'], year: ['2003'], level: ['乡镇'] } },
      { id: 'und_b', filters: { province: ['湖北省'], measure: ['结对帮扶'], year: ['2014'], level: ['县区'] } },
      { id: 'und_c', filters: { province: ['北京市'], measure: [], year: ['2014'], level: ['村'] } },
    ],
    ['measure', 'province', 'year', 'level'],
  );

  it('counts each value over exactly the given results', () => {
    expect(countWithTable(table, ['und_a', 'und_c'])).toEqual({
      measure: { 能人治村: 1, 结对帮扶: 1 },
      province: { 北京市: 2 },
      year: { '2003': 1, '2014': 1 },
      level: { 乡镇: 1, 村: 1 },
    });
    expect(countWithTable(table, [])).toEqual({});
  });

  it('stores values once and records as indexes', () => {
    expect(table.values.province).toEqual(['北京市', '湖北省']);
    expect(JSON.stringify(table).match(/北京市/g)).toHaveLength(1);
  });
});
