import { describe, expect, it } from 'vitest';
import { RANGE_DASH, numberStyleProblems } from '../../src/lib/number-style.ts';
import { formatFigure } from '../../src/lib/metrics.ts';
import { formatYears } from '../../src/lib/format.ts';

const problems = (...lines: string[]) => numberStyleProblems(lines).map((p) => `${p.line} ${p.message}`);

describe('one number style', () => {
  it('is the style the site itself prints: the range dash of figures and periods', () => {
    expect(formatFigure({ value: 2, max: 5, unit: '万元' })).toBe(`2${RANGE_DASH}5万元`);
    expect(formatYears(2003, { start: 2002, end: 2004 })).toContain(`2002${RANGE_DASH}2004`);
    expect(problems(formatFigure({ value: 2, max: 5, unit: '万元' }), formatYears(2003, { start: 2002, end: 2004 }))).toEqual([]);
  });

  it('accepts the house style', () => {
    expect(
      problems(
        '每个项目可获2—5万元贷款，2002至2004年共发放3150万元。',
        '全区18300多人受益，三项工程、两个村，集资十几万元，五六年前还是穷村。',
        '他说“第 2 次”就够了',
        'date: 2014-09-11',
        'url: http://example.org/2014-09/11/c_1-2.htm',
        '参见[案例](/cases/shashi-2014/)',
        '提出“十大工程”和《二十条措施》',
        '- 1. 第一条',
      ),
    ).toEqual([]);
  });

  it('names each slip with its line and the fix', () => {
    expect(problems('可获2–5万元，5-30万元，3~4个月', '１２个村，共18,300人', '相差二十年，集资三万元，建成三十五户', '投入 761 万元')).toEqual([
      '1 数字范围用一字线“—”：把“2–5”写成“2—5”',
      '1 数字范围用一字线“—”：把“5-30”写成“5—30”',
      '1 数字范围用一字线“—”：把“3~4”写成“3—4”',
      '2 数字用半角：把“１２”写成“12”',
      '2 数字不加千位分隔符：把“18,300”写成“18300”',
      '3 十以上的数用阿拉伯数字：把“二十年”写成“20年”',
      '3 十以上的数用阿拉伯数字：把“三万元”写成“3万元”',
      '3 十以上的数用阿拉伯数字：把“三十五户”写成“35户”',
      '4 数字和汉字之间不空格：把“入 7”写成“入7”',
      '4 数字和汉字之间不空格：把“1 万”写成“1万”',
    ]);
  });
});

describe('place names', () => {
  it('leaves the numerals of a named place alone, and still checks the rest of the line', () => {
    expect(numberStyleProblems(['十八家子镇有三十五户'], ['十八家子镇']).map((p) => p.message)).toEqual(['十以上的数用阿拉伯数字：把“三十五户”写成“35户”']);
    expect(numberStyleProblems(['十八家子镇有三十五户']).map((p) => p.message)).toHaveLength(2);
  });
});
