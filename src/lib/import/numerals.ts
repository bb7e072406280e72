/**
 * Chinese numerals as reports write them: 三户, 一万二千, 二〇一四, and the loose forms that
 * carry a hedge — 十几万 (ten-odd ten-thousands, "10多万") and 五六年 (five or six years, a
 * range). Written here rather than taken from npm: the maintained packages read 十几万 as
 * exactly 100000 and 五六 as 56, and one reads 两千 as 0, so each would turn a hedged or
 * ranged figure into a precise, wrong one.
 */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Every character a Chinese numeral is made of, for building a pattern around it. */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿几';

export interface ChineseNumber {
  /** The number, or the lower bound of a range or of an 几 estimate. */
  value: number;
  /** Upper bound when the text gives two neighbouring digits (五六 → 5—6). */
  max?: number;
  /** 几 stands for an unknown digit: 十几 is "10多", a lower bound, not 10. */
  approximate?: true;
}

/**
 * Reads a run of plain digits: 二〇一四 → 2014. Two digits without a 〇 (五三) are too rare
 * as a number to guess at.
 */
function digitString(text: string): number | undefined {
  if (![...text].every((c) => c in DIGITS)) return undefined;
  if (text.length === 2 && !/[〇零]/u.test(text)) return undefined;
  return Number([...text].map((c) => DIGITS[c]).join(''));
}

/**
 * A section below 万 (up to 9999), with an optional 几 in the place of one digit. 一千二 means
 * 1200 (the digit after the last unit is one place lower), as people say and write it.
 */
function section(text: string): { value: number; approximate: boolean } | undefined {
  if (text === '') return { value: 0, approximate: false };
  let value = 0;
  let digit: number | undefined;
  let approximate = false;
  let lastUnit = 0;
  for (const c of text) {
    if (c in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined; // 三四 handled as a range elsewhere
      digit = DIGITS[c];
    } else if (c === '几') {
      if (digit !== undefined && digit !== 0) return undefined;
      approximate = true;
      digit = 0;
    } else if (c in SMALL_UNITS) {
      const unit = SMALL_UNITS[c]!;
      if (lastUnit !== 0 && unit >= lastUnit) return undefined;
      // Only 十 may stand without its digit (十五 = 一十五), and only at the start.
      if (digit === undefined && (unit !== 10 || lastUnit !== 0)) return undefined;
      value += (digit ?? 1) * unit;
      lastUnit = unit;
      digit = undefined;
    } else return undefined;
  }
  // A digit straight after a unit is one place lower (一千二 = 1200); after 零 it is ones (一千零二).
  if (digit !== undefined) value += lastUnit > 1 && !/零.$/u.test(text) ? (digit * lastUnit) / 10 : digit;
  return { value, approximate };
}

/**
 * Reads a Chinese numeral, or returns undefined when the text is not one. 几 in front (几十,
 * 几百) has no lower bound worth stating, so it is refused too; the caller lists such a
 * figure as an estimate instead of inventing a value.
 */
export function parseChineseNumber(text: string): ChineseNumber | undefined {
  if (text === '' || text.startsWith('几')) return undefined;
  // 五六, 三四十, 七八百, 十五六: two neighbouring digits are a range.
  const range = /^(.*?)([一二三四五六七八九])([二三四五六七八九])([十百千万亿]*)$/u.exec(text);
  if (range && DIGITS[range[3]!] === DIGITS[range[2]!]! + 1 && !/[一二两三四五六七八九〇零]$/u.test(range[1]!)) {
    const low = parseChineseNumber(`${range[1]}${range[2]}${range[4]}`);
    const high = parseChineseNumber(`${range[1]}${range[3]}${range[4]}`);
    if (low && high && !low.approximate && !high.approximate) return { value: low.value, max: high.value };
  }
  if (!/[十百千万亿几]/u.test(text)) {
    const plain = digitString(text);
    return plain === undefined ? undefined : { value: plain };
  }
  let total = 0;
  let approximate = false;
  let rest = text;
  for (const [big, factor] of Object.entries(BIG_UNITS).reverse()) {
    const at = rest.indexOf(big);
    if (at === -1) continue;
    const head = section(rest.slice(0, at));
    if (!head) return undefined;
    // 万 alone (万人) is not a number here; the unit pattern reads it.
    if (at === 0) return undefined;
    total += head.value * factor;
    approximate ||= head.approximate;
    rest = rest.slice(at + 1);
    // 一万二 is 12000: a lone digit after 万 counts in thousands.
    if (/^[一二两三四五六七八九]$/u.test(rest)) return { value: total + DIGITS[rest]! * (factor / 10), ...(approximate ? { approximate } : {}) };
  }
  const tail = section(rest);
  if (!tail) return undefined;
  total += tail.value;
  approximate ||= tail.approximate;
  return approximate ? { value: total, approximate: true } : { value: total };
}
