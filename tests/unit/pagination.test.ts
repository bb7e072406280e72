import { describe, expect, it } from 'vitest';
import { pageLinks, pagePath } from '../../src/lib/pagination.ts';
import { pagerHtml, resultItemHtml } from '../../src/lib/result-markup.ts';

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

describe('result markup shared by server and browser', () => {
  it('marks the current page and links its neighbours with rel', () => {
    const html = pagerHtml(2, 3, (n) => `/all/${n}/`);
    expect(html).toContain('<a href="/all/1/" data-page="1" rel="prev">上一页</a>');
    expect(html).toContain('<a href="/all/2/" data-page="2" aria-current="page">2</a>');
    expect(html).toContain('<a href="/all/3/" data-page="3" rel="next">下一页</a>');
  });

  it('escapes every text it is given, except the excerpt HTML it is handed ready', () => {
    const html = resultItemHtml({
      id: 'a"b',
      url: '/cases/a/',
      title: '<b>标题</b>',
      meta: 'A & B',
      textHtml: '<mark>党员</mark>',
      tags: [{ href: '/measures/x/', name: '"措施"' }],
      tagsLabel: '主要措施',
      headingLevel: 3,
    });
    expect(html).toContain('<h3><a href="/cases/a/">&lt;b&gt;标题&lt;/b&gt;</a></h3>');
    expect(html).toContain('<p class="meta">A &amp; B</p><p class="excerpt"><mark>党员</mark></p>');
    expect(html).toContain('<ul class="tags" aria-label="主要措施"><li><a href="/measures/x/">&quot;措施&quot;</a></li></ul>');
    // The hook for per-case buttons, filled in the browser (src/client/case-actions.ts).
    expect(html).toContain('<div class="case-actions no-print" data-case-id="a&quot;b"></div>');
  });
});
