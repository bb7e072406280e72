import { describe, expect, it } from 'vitest';
import { pageLinks, pagePath } from '../../src/lib/pagination.ts';

describe('page links', () => {
  it('lists every page of a short listing', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the first, the last and two pages either side of the current one', () => {
    expect(pageLinks(100, 200)).toEqual([1, null, 98, 99, 100, 101, 102, null, 200]);
    expect(pageLinks(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pageLinks(200, 200)).toEqual([1, null, 198, 199, 200]);
  });

  it('shows a single missing page as its number, not as a gap', () => {
    expect(pageLinks(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageLinks(5, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 12]);
    expect(pageLinks(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
  });

  it('puts later pages under the first page’s address', () => {
    expect(pagePath('measures/x/', 1)).toBe('measures/x/');
    expect(pagePath('measures/x/', 3)).toBe('measures/x/3/');
  });
});
