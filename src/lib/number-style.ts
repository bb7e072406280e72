/**
 * One way of writing numbers across a case's body, its frontmatter text and the site's own
 * tables (src/lib/metrics.ts, src/lib/format.ts), as CONTRIBUTING.md states it:
 *
 * - ranges take the one dash the site prints, “—” (2—5 万元, 2002—2004 年);
 * - digits are half-width, without thousands separators (18300, as figures are displayed);
 * - a number of ten or more is written in Arabic numerals (20年, not 二十年); small numbers
 *   (三项工程, 两个村), estimates (十几万, 五六年) and names in quotes stay as written;
 * - no space between a number and the Chinese around it (761万元, 2014年), as the site's tables
 *   print figures and as official texts write them; a reader's query typed without spaces then
 *   finds the sentence too (search matches text as written).
 *
 * Pure: it reads lines and returns what to change, so the content check and tests share it.
 */
import { parseChineseNumber } from './import/numerals.ts';
import { UNIT_NAMES } from '../schema/units.ts';

export const RANGE_DASH = '—';

export interface NumberStyleProblem {
  /** 1-based line in the lines given. */
  line: number;
  message: string;
}

/** A dash or tilde between two numbers that is not the range dash. */
const WRONG_RANGE = /(?<![\d.-])(\d+(?:\.\d+)?)\s*([-–－~～])\s*(\d+(?:\.\d+)?)(?![\d-])/gu;
/** 2014-09-11, 2014-09: dates keep their hyphens. */
const ISO_DATE = /^\d{4}-\d{1,2}(?:-\d{1,2})?$/;
const FULL_WIDTH_DIGITS = /[０-９]+/gu;
/** A number and a Chinese character with spaces between them, either way round: 761 万, 第 2. */
const SPACED = /\d[ \t\u00a0\u2009]+[\u4e00-\u9fff]|[\u4e00-\u9fff][ \t\u00a0\u2009]+\d/gu;
const GROUPED = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/gu;
/** Units and counting words after which a Chinese numeral is a figure. */
const COUNTED = [...new Set([...UNIT_NAMES.map((u) => u.replace(/^[万亿](?=.)/u, '')), '岁', '位', '倍', '批', '座', '所', '种'])].sort(
  (a, b) => b.length - a.length,
);
const CHINESE_FIGURE = new RegExp(`([零〇一二两三四五六七八九十百千万亿几]+)(${COUNTED.join('|')})`, 'gu');
/** Text in quotes or title marks is a name or a quotation: left as written. */
const QUOTED = /“[^”]*”|「[^」]*」|《[^》]*》|"[^"]*"/gu;
/** Addresses carry digits and hyphens of their own. */
const URL = /\b(?:https?:\/\/|\/)[^\s)）\]]*/gu;

const halfWidth = (s: string): string => s.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Blanks out quoted text and addresses, keeping the length so columns stay put. */
const blank = (m: string) => ' '.repeat(m.length);
const masked = (line: string, names: readonly string[]): string =>
  names.reduce((text, name) => text.replaceAll(name, blank), line.replace(QUOTED, blank).replace(URL, blank));

/**
 * `names` are written as they are wherever they occur: place names such as 十八家子镇 or
 * 三十里铺村 hold numerals that are not figures.
 */
export function numberStyleProblems(lines: readonly string[], names: readonly string[] = []): NumberStyleProblem[] {
  const problems: NumberStyleProblem[] = [];
  lines.forEach((raw, i) => {
    const line = masked(raw, names);
    const add = (message: string) => problems.push({ line: i + 1, message });
    for (const m of line.matchAll(WRONG_RANGE)) {
      if (ISO_DATE.test(`${m[1]}-${m[3]}`) || ISO_DATE.test(m[0].replace(/\s/g, ''))) continue;
      add(`数字范围用一字线“${RANGE_DASH}”：把“${m[0]}”写成“${m[1]}${RANGE_DASH}${m[3]}”`);
    }
    for (const m of raw.matchAll(SPACED)) {
      // A space left by a masked quote or address is not the editor's.
      if (line.slice(m.index, m.index + m[0].length) !== m[0]) continue;
      add(`数字和汉字之间不空格：把“${m[0]}”写成“${m[0].replace(/[ \t\u00a0\u2009]+/g, '')}”`);
    }
    for (const m of line.matchAll(FULL_WIDTH_DIGITS)) add(`数字用半角：把“${m[0]}”写成“${halfWidth(m[0])}”`);
    for (const m of line.matchAll(GROUPED)) add(`数字不加千位分隔符：把“${m[0]}”写成“${m[0].replace(/,/g, '')}”`);
    for (const m of line.matchAll(CHINESE_FIGURE)) {
      const n = parseChineseNumber(m[1]!);
      // Estimates (十几, 五六) and numbers under ten read better in characters.
      if (!n || n.approximate || n.max !== undefined || n.value < 10) continue;
      // 三万元 is 3 万元 in the casebook's style, not 30000 元.
      const big = /[万亿]$/u.exec(m[1]!)?.[0];
      const head = big ? parseChineseNumber(m[1]!.slice(0, -1)) : undefined;
      const written = big && head ? `${head.value}${big}${m[2]}` : `${n.value}${m[2]}`;
      add(`十以上的数用阿拉伯数字：把“${m[0]}”写成“${written}”`);
    }
  });
  return problems;
}
