import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../src/lib/import/numerals.ts';

describe('Chinese numerals', () => {
  it.each([
    ['三', 3],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三十五', 35],
    ['一百零五', 105],
    ['一百五', 150],
    ['一千二', 1200],
    ['一千零二', 1002],
    ['两千', 2000],
    ['三千五百', 3500],
    ['一万二', 12_000],
    ['一万二千三百', 12_300],
    ['三亿', 300_000_000],
    ['二〇一四', 2014],
    ['零', 0],
  ])('reads %s as %d', (text, value) => expect(parseChineseNumber(text)).toEqual({ value }));

  it('reads 几 as an estimate with a lower bound', () => {
    expect(parseChineseNumber('十几')).toEqual({ value: 10, approximate: true });
    expect(parseChineseNumber('十几万')).toEqual({ value: 100_000, approximate: true });
    expect(parseChineseNumber('三十几')).toEqual({ value: 30, approximate: true });
    expect(parseChineseNumber('一百几十')).toEqual({ value: 100, approximate: true });
  });

  it('reads two neighbouring digits as a range', () => {
    expect(parseChineseNumber('五六')).toEqual({ value: 5, max: 6 });
    expect(parseChineseNumber('三四十')).toEqual({ value: 30, max: 40 });
    expect(parseChineseNumber('十五六')).toEqual({ value: 15, max: 16 });
    expect(parseChineseNumber('七八万')).toEqual({ value: 70_000, max: 80_000 });
  });

  it.each(['', '几', '几十', '万', '五三', '百十', '一百十', '十十', '一些'])('refuses %j', (text) => expect(parseChineseNumber(text)).toBeUndefined());
});
