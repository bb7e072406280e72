import { describe, expect, it } from 'vitest';
import { tidyExcerpt } from '../src/lib/excerpt.ts';

// Excerpts as Pagefind 1.6 returned them in Chromium for the seed cases.
describe('tidyExcerpt', () => {
  it('joins the highlight of one word that Pagefind marked segment by segment', () => {
    expect(tidyExcerpt('担任党组织“<mark>第一</mark><mark>书记</mark>”，帮村里理清思路。')).toBe('担任党组织“<mark>第一书记</mark>”，帮村里理清思路。');
  });

  it('turns the ". " Pagefind puts between blocks into a Chinese full stop', () => {
    expect(tidyExcerpt('引用时应加以区分。 主要做法. <mark>网</mark><mark>格</mark>化服务品牌工程：机关党员')).toBe(
      '主要做法。<mark>网格</mark>化服务品牌工程：机关党员…',
    );
    expect(tidyExcerpt('合作经济组织 8个. — 讲话当年上半年')).toBe('合作经济组织 8个。—讲话当年上半年…');
  });

  it('drops the short tail of the previous sentence and the space after punctuation', () => {
    expect(tidyExcerpt('元。 选好用好带头人和人才. <mark>第一</mark><mark>书记</mark>当“尖兵”：区里对<mark>第一</mark><mark>书记</mark>既“重派”又“严')).toBe(
      '选好用好带头人和人才。<mark>第一书记</mark>当“尖兵”：区里对<mark>第一书记</mark>既“重派”又“严…',
    );
    expect(tidyExcerpt('；区直机关还挑选 14 名优秀干部下村。 依托')).toBe('区直机关还挑选 14 名优秀干部下村。依托…');
  });

  it('keeps a long opening, spaces around numbers and Latin text, and the marks themselves', () => {
    const text = '区财政每年拿出 20 万元专项经费，以奖代补，奖励<mark>集体经济</mark>有进步的村。';
    expect(tidyExcerpt(text)).toBe(text);
    expect(tidyExcerpt('据东台报业<mark>网 </mark>2016 年 12 月 9 日的报道')).toBe('据东台报业<mark>网 </mark>2016 年 12 月 9 日的报道…');
    expect(tidyExcerpt('采用 O2O 模式。')).toBe('采用 O2O 模式。');
  });

  it('does not start with a highlight that it cut', () => {
    expect(tidyExcerpt('<mark>集体</mark>。后文')).toBe('<mark>集体</mark>。后文…');
  });
});
