/**
 * One way of writing numbers across a case's body, its frontmatter text and the site's own
 * tables (src/lib/metrics.ts, src/lib/format.ts), as CONTRIBUTING.md states it:
 *
 * - ranges take the one dash the site prints, “—” (2—5 万元, 2002—2004 年);
 * - digits are half-width, without thousands separators (18300, as figures are displayed);
 * - a number of ten or more is written in Arabic numerals (20 年, not 二十年); small numbers
 *   (三项工程, 两个村), estimates (十几万, 五六年) and names in quotes stay as written.
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
const masked = (line: string): string => line.replace(QUOTED, (m) => ' '.repeat(m.length)).replace(URL, (m) => ' '.repeat(m.length));

export function numberStyleProblems(lines: readonly string[]): NumberStyleProblem[] {
  const problems: NumberStyleProblem[] = [];
  lines.forEach((raw, i) => {
    const line = masked(raw);
    const add = (message: string) => problems.push({ line: i + 1, message });
    for (const m of line.matchAll(WRONG_RANGE)) {
      if (ISO_DATE.test(`${m[1]}-${m[3]}`) || ISO_DATE.test(m[0].replace(/\s/g, ''))) continue;
      add(`数字范围用一字线“${RANGE_DASH}”：把“${m[0]}”写成“${m[1]}${RANGE_DASH}${m[3]}”`);
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
      const written = big && head ? `${head.value} ${big}${m[2]}` : `${n.value} ${m[2]}`;
      add(`十以上的数用阿拉伯数字：把“${m[0]}”写成“${written}”`);
    }
  });
  return problems;
}
