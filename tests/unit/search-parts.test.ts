import { describe, expect, it } from 'vitest';
import { inPageOrder, partCount, splitByKey } from '../../src/lib/search-parts.ts';

const urls = (n: number) => Array.from({ length: n }, (_, i) => `/cases/case-${i}/`);

describe('splitting the search index into parts', () => {
  it('keeps a small casebook in one part and gives about 1,250 cases to each part of a large one', () => {
    expect(partCount(0)).toBe(1);
    expect(partCount(5)).toBe(1);
    expect(partCount(1_000)).toBe(1);
    expect(partCount(10_000)).toBe(8);
    expect(partCount(30_000)).toBe(24);
  });

  it('puts every record in exactly one part of about equal size, in the order given', () => {
    const records = urls(10_000);
    const parts = splitByKey(records, (r) => r, 2500);
    expect(parts).toHaveLength(4);
    expect(parts.flat().sort()).toEqual([...records].sort());
    for (const part of parts) {
      expect(part.length).toBeGreaterThan(2200);
      expect(part.length).toBeLessThan(2800);
      expect(part).toEqual(records.filter((r) => part.includes(r)));
    }
  });

  it('leaves the other parts as they were when a case changes or one is added', () => {
    const before = splitByKey(urls(10_000), (r) => r, 2500);
    const after = splitByKey([...urls(10_000), '/cases/new-case/'], (r) => r, 2500);
    const changed = after.filter((part, i) => JSON.stringify(part) !== JSON.stringify(before[i]));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('/cases/new-case/');
  });
});

describe('putting merged results in the pages’ orders', () => {
  // rank: the place in region order; a, b, c, d as the table lists them.
  const places = new Map([
    ['a', { rank: 0, year: 2015 }],
    ['b', { rank: 1, year: 2020 }],
    ['c', { rank: 2, year: 2015 }],
    ['d', { rank: 3, year: 2020 }],
  ]);
  const results = ['d', 'c', 'x', 'b', 'a'].map((id) => ({ id }));
  const order = (sort: 'year' | 'region') => inPageOrder(results, sort, (id) => places.get(id)).map((r) => r.id);

  it('by region follows the table; by year, newest first and then the table', () => {
    expect(order('region')).toEqual(['a', 'b', 'c', 'd', 'x']);
    expect(order('year')).toEqual(['b', 'd', 'a', 'c', 'x']);
  });

  it('puts a first order (relevance) before the page’s, which breaks only its ties', () => {
    const score = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 1],
      ['x', 2],
    ]);
    // Higher scores first.
    expect(
      inPageOrder(
        results,
        'year',
        (id) => places.get(id),
        (r) => -score.get(r.id)!,
      ).map((r) => r.id),
    ).toEqual(['b', 'c', 'x', 'd', 'a']);
  });
});
