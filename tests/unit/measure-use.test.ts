import { describe, expect, it } from 'vitest';
import { measureUse, splitMeasures } from '../../src/lib/measure-use.ts';

const VOCABULARY = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

describe('measureUse', () => {
  it('counts the cases of every measure and splits used from unused, in vocabulary order', () => {
    const use = measureUse([['c', 'a'], ['a'], ['c']], VOCABULARY);
    expect([...use.counts]).toEqual([
      ['a', 2],
      ['b', 0],
      ['c', 2],
      ['d', 0],
    ]);
    expect(use.used).toEqual(['a', 'c']);
    expect(use.unused).toEqual(['b', 'd']);
  });

  it('counts a case once however often it lists a measure, and ignores ids outside the vocabulary', () => {
    const use = measureUse([['b', 'b', 'x']], VOCABULARY);
    expect(use.counts.get('b')).toBe(1);
    expect(use.counts.has('x')).toBe(false);
    expect(use.used).toEqual(['b']);
  });

  it('marks every measure unused when there are no cases', () => {
    expect(measureUse([], VOCABULARY).unused).toEqual(['a', 'b', 'c', 'd']);
  });

  it('accepts any iterable of lists, such as a generator over cases', () => {
    function* lists() {
      yield ['d'];
    }
    expect(measureUse(lists(), VOCABULARY).used).toEqual(['d']);
  });
});

describe('splitMeasures', () => {
  it('shows the first three as primary unless the case says how many', () => {
    expect(splitMeasures({ measures: ['a', 'b', 'c', 'd', 'e'] })).toEqual({ primary: ['a', 'b', 'c'], other: ['d', 'e'] });
    expect(splitMeasures({ measures: ['a', 'b', 'c', 'd'], primaryMeasures: 1 })).toEqual({ primary: ['a'], other: ['b', 'c', 'd'] });
    expect(splitMeasures({ measures: ['a', 'b'] })).toEqual({ primary: ['a', 'b'], other: [] });
  });
});
