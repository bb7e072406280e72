/**
 * Figures in an article: a number (Arabic or Chinese: 143个, 三户, 十几万元) with a unit from
 * content/units.yaml, the hedge the text puts around it (约 近 超过 … / 余 多 以上 …) and
 * ranges (2-5万元, 五六年). Each figure keeps the sentence it came from, so the editor can
 * check it and write a proper label.
 *
 * Nothing is dropped silently: every other number in the text comes back in `unused` with its
 * line and the reason it was not made a figure (a year, an ordinal, no unit, part of a name…),
 * so the editor can go through them and keep what matters.
 */
import { PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, UNITS, UNIT_NAMES, type Qualifier, type Unit } from '../../schema/units.ts';
import { parseChineseNumber } from './numerals.ts';
import { lineOf, lineStarts } from '../text-lines.ts';

export interface FoundMetric {
  /** A first label taken from the words before the figure; the editor rewrites it. */
  label: string;
  value: number;
  max?: number;
  unit: Unit;
  qualifier?: Qualifier;
  /** The sentence the figure came from. */
  sentence: string;
  /** Line of `text` (1-based) the figure stands on. */
  line: number;
}

interface Positioned extends UnusedNumber {
  at: number;
}

export interface UnusedNumber {
  /** The number as written, with the character after it: “20万专”, “2014年”. */
  text: string;
  /** Line of `text` (1-based), which is also the line of the saved report. */
  line: number;
  /** Why it is not a figure, in Chinese. */
  reason: string;
}

export interface ExtractOptions {
  /** Most figures kept; later ones are listed as unused. */
  max?: number;
  /** Lines (1-based) whose numbers are not the report's own facts, with the reason (编者按). */
  skipLines?: ReadonlyMap<number, string>;
}

// % is not escaped: in a `u` regex an escape of a character that needs none is an error.
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unitInfo = (u: string) => UNITS[u];

/** Units as written after a number, with the 万/亿 multipliers split off (5万余斤 = 5 万斤, 余). */
const BASE_UNITS = [...new Set(UNIT_NAMES.map((u) => u.replace(/^[万亿](?=.)/u, '')))].sort((a, b) => b.length - a.length);

/** Other spellings of the schema's qualifiers. */
const PREFIX_ALIASES: Record<string, Qualifier> = { 超: '超过', 达到: '达', 近: '近', 约: '约', 大约: '约', 不到: '不足' };
const prefixWords = [...new Set([...PREFIX_QUALIFIERS, ...Object.keys(PREFIX_ALIASES)])].sort((a, b) => b.length - a.length);
const suffixWords = [...SUFFIX_QUALIFIERS].sort((a, b) => b.length - a.length);

const CN = '零〇一二两三四五六七八九十百千几';
/** An Arabic number, or a Chinese one; 万/亿 inside a Chinese number only when digits follow (一万二千). */
const NUMBER = String.raw`\d+(?:\.\d+)?几?|[${CN}]+(?:[万亿][${CN}]+)*`;
const FIGURE = new RegExp(
  `(${prefixWords.map(escape).join('|')})?` +
    `(${NUMBER})(?:\\s*[-—–~～至到]\\s*(${NUMBER}))?` +
    `(余|多)?([万亿])?(余|多)?` +
    `(${BASE_UNITS.map(escape).join('|')})` +
    `(${suffixWords.map(escape).join('|')})?`,
  'gu',
);

/**
 * Words a Chinese numeral counts with. A run of numeral characters is a number only before
 * one of these (三户, 五六年) or a unit; elsewhere it is part of a word (一些, 统一, 三农).
 */
const CLASSIFIERS = new Set([...BASE_UNITS.map((u) => u[0]!), ...'万亿年月日岁位批座所支种类级倍成轮届季点处间栋头只口亩'.split('')]);
/** Every number-like run in the text: Arabic digits (with decimals), or Chinese numerals before a classifier. */
const TOKEN = new RegExp(`\\d+(?:\\.\\d+)?|[${CN}]+(?:[万亿][${CN}]+)*`, 'gu');

/** Characters that end a clause: the label is taken from within one clause. */
const CLAUSE_BREAK = /[，,。；;：:！!？?、（(）)\n“”"]/;
const SENTENCE_END = /[。！？!?；;\n]/;

function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e]!)) e++;
  return text.slice(s, Math.min(text.length, e + 1)).trim();
}

function clauseBefore(text: string, at: number): string {
  let s = at;
  while (s > 0 && !CLAUSE_BREAK.test(text[s - 1]!) && at - s < 30) s--;
  return text.slice(s, at).trim();
}

function clauseAfter(text: string, at: number): string {
  let e = at;
  while (e < text.length && !CLAUSE_BREAK.test(text[e]!) && e - at < 24) e++;
  return text.slice(at, e).trim();
}

/** Words that sit between a label and its figure and say nothing on their own. */
const FILLER = /(?:共|共计|累计|总计|合计|计|达到|达|为|是|有|约|近|超过|超|了|的)+$/;

function labelFor(text: string, start: number, end: number): string {
  const rawBefore = clauseBefore(text, start);
  const before = rawBefore.replace(FILLER, '');
  const after = clauseAfter(text, end);
  let label = before.length >= 4 ? before : `${before}${before && after ? '…' : ''}${after}`;
  // 占28%: the subject sits in the clause before.
  if (label.length < 4) {
    const clauseStart = start - rawBefore.length;
    const previous = clauseStart > 0 ? clauseBefore(text, clauseStart - 1) : '';
    if (previous) label = `${previous}，${label}`;
  }
  label = label.replace(/^(?:其中|同时|并且?|另外|此外|目前|截至目前)/, '').trim();
  if (label.length > 60) label = label.slice(-60);
  return label.length >= 2 ? label : '待核实的数字';
}

/** Reads one number as written: Arabic (10几 is an estimate) or Chinese. */
function readNumber(written: string): { value: number; max?: number; approximate?: boolean; estimate?: boolean } | undefined {
  if (/^\d/.test(written)) return { value: Number(written.replace(/几$/, '')), ...(written.endsWith('几') ? { approximate: true } : {}) };
  if (written.startsWith('几')) return { value: 0, estimate: true };
  return parseChineseNumber(written);
}

/** Spans inside “…”, 「…」, 《…》 and "…" within one line: numbers there belong to names and slogans. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/“[^”\n]{0,40}”|「[^」\n]{0,40}」|《[^》\n]{0,60}》|"[^"\n]{0,40}"/gu)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * A number before 年 is a span of time only where the words say so (为期3年, 连续三年, 两年来);
 * elsewhere 3年 is as often part of a name (三年行动计划) or a date, so the editor decides.
 */
const DURATION_BEFORE = /(?:为期|历时|连续|用了|经过|长达|期限|坚持了?|整整)$/u;
const DURATION_AFTER = /^(?:来|间|内|多来|时间|的时间)/u;

interface Candidate {
  start: number;
  end: number;
  numberStart: number;
  metric?: Omit<FoundMetric, 'line'>;
  reason?: string;
}

/** Why a figure-shaped match is not a figure, or undefined when it is one. */
function judge(text: string, m: RegExpMatchArray, quoted: [number, number][]): Candidate {
  const [whole, prefix, low, high, inner1, multiplier, inner2, baseUnit, suffix] = m as unknown as string[];
  const start = m.index!;
  const numberStart = start + (prefix?.length ?? 0);
  const end = start + whole!.length;
  const c: Candidate = { start, end, numberStart };
  const before = text[numberStart - 1] ?? '';
  const after = text.slice(end, end + 4);
  const unit = `${multiplier ?? ''}${baseUnit}`;
  if (before === '第') return { ...c, reason: '序号（第…），不是数量' };
  if (quoted.some(([s, e]) => numberStart > s && numberStart < e)) return { ...c, reason: '在引号或书名号里，是名称或口号的一部分' };
  if (!unitInfo(unit)) return { ...c, reason: `“${multiplier}”后的“${baseUnit}”不在单位表（content/units.yaml）里` };
  const lowNumber = readNumber(low!);
  const highNumber = high !== undefined ? readNumber(high) : undefined;
  if (/^[百千万亿]+$/u.test(low!)) return { ...c, reason: '概数或名称的一部分（千亩、百万元），没有确切的值' };
  if (!lowNumber || (high !== undefined && !highNumber)) return { ...c, reason: '读不出这个数' };
  if (lowNumber.estimate || highNumber?.estimate) return { ...c, reason: '约数（几十、几百），没有确切的值' };
  if (baseUnit === '年') {
    if (/^(?:19|20)\d\d$/.test(low!) || /^[〇零一二两三四五六七八九]{4}$/u.test(low!)) return { ...c, reason: '年份，记在 year / period' };
    if (/^前/u.test(after))
      return { ...c, reason: `时间（${lowNumber.max ? `约 ${lowNumber.value}—${lowNumber.max}` : lowNumber.value} 年前），不是数据；请核对 year / period` };
    if (/^[代级底初末终度]/u.test(after)) return { ...c, reason: '年代或年级，不是数量' };
    if (!DURATION_BEFORE.test(text.slice(Math.max(0, numberStart - 4), numberStart)) && !DURATION_AFTER.test(after))
      return { ...c, reason: '可能是时长，也可能是名称或日期的一部分；是时长时请记为 unit: 年' };
  }
  if (baseUnit === '周' && after.startsWith('年')) return { ...c, reason: '周年，不是时长' };
  let value = lowNumber.value;
  let max = highNumber ? highNumber.value : lowNumber.max;
  if (highNumber?.max !== undefined) max = highNumber.max;
  if (max !== undefined && !(max > value)) return { ...c, reason: `区间的上限不大于下限` };
  let qualifier: Qualifier | undefined =
    (prefix ? (PREFIX_ALIASES[prefix] ?? (prefix as Qualifier)) : undefined) ?? ((inner1 ?? inner2 ?? suffix) as Qualifier | undefined);
  // 十几万元, 10几万元: a lower bound, as 10多万元 says it.
  if ((lowNumber.approximate || highNumber?.approximate) && !qualifier) qualifier = '多';
  value = Number(value.toPrecision(12));
  return {
    ...c,
    metric: {
      label: labelFor(text, start, end),
      value,
      ...(max !== undefined ? { max } : {}),
      unit,
      ...(qualifier ? { qualifier } : {}),
      sentence: sentenceAround(text, numberStart, end),
    },
  };
}

/** Why a number that no figure pattern took is not one. */
function reasonForBare(text: string, start: number, end: number, written: string, quoted: [number, number][]): string | undefined {
  const before = text[start - 1] ?? '';
  const after = text.slice(end, end + 3);
  const chinese = !/^\d/.test(written);
  // A Chinese numeral run is a number only before a classifier; otherwise it is part of a word.
  if (chinese && !CLASSIFIERS.has(after[0] ?? '')) return undefined;
  if (chinese && /^[百千万亿]+$/u.test(written)) return undefined;
  if (chinese && written === '一' && !/^[万亿]/u.test(after)) return undefined;
  if (before === '第') return '序号（第…），不是数量';
  if (quoted.some(([s, e]) => start > s && start < e)) return '在引号或书名号里，是名称或口号的一部分';
  if (/^(?:19|20)\d\d$/.test(written) && /^(?:年|[-/.]\d)/u.test(after)) return '年份或日期，记在 year / period 或 source.date';
  if (/^[月日号时点]/u.test(after) || (!chinese && (/^[:：]\d/.test(after) || /\d[:：]$/.test(text.slice(start - 2, start))))) return '日期或时刻';
  if (/^[-/.]\d/.test(after) || /\d[-/.]$/.test(text.slice(start - 2, start))) return '日期或编号的一部分';
  if (/^[万亿]/u.test(after)) return `“${after[0]}”后没有单位表（content/units.yaml）里的单位`;
  if (new RegExp(`^\\s*[-—–~～至到]\\s*[\\d${CN}]`, 'u').test(after)) return '区间的下限：区间的上限后面没有单位表里的单位';
  // 38、27个 share the unit; 1、抓班子 numbers a point.
  if (/^、/u.test(after))
    return new RegExp(`^、\\s*[\\d${CN}]`, 'u').test(after) ? '并列的几个数共用最后一个数的单位：需要时请拆成几项数据' : '序号（1、2、…），不是数量';
  if (/^[.．]\p{Script=Han}/u.test(after) && (start === 0 || text[start - 1] === '\n')) return '序号（1.、2.…），不是数量';
  const next = after.trim()[0];
  if (!next || /[\p{P}\s]/u.test(next)) return '后面没有单位';
  return `后面的“${next}”不在单位表（content/units.yaml）里`;
}

/**
 * Every figure in `text`, and every other number with the reason it is not one. Years (2003年)
 * and ordinals (第3期) are not figures; 万/亿 combine with the unit only when the unit list
 * has that unit (万元, 万公斤 — not 万个).
 */
export function extractFigures(text: string, options: ExtractOptions = {}): { metrics: FoundMetric[]; unused: UnusedNumber[] } {
  const starts = lineStarts(text);
  const quoted = quotedSpans(text);
  const metrics: FoundMetric[] = [];
  const unused: Positioned[] = [];
  const covered: [number, number][] = [];
  const seen = new Map<string, number>();
  const show = (s: number, e: number) => text.slice(s, Math.min(text.length, e + 1)).replace(/\n.*$/s, '');
  for (const m of text.matchAll(FIGURE)) {
    const c = judge(text, m, quoted);
    const line = lineOf(starts, c.numberStart);
    // A figure glued to digits before it (12345 read from 2345) is not one.
    if (/[\d.]/.test(text[m.index - 1] ?? '')) continue;
    // 一个, 一批, 一户: a lone 一 before a classifier reads as "a", not as a count.
    if (m[2] === '一' && m[3] === undefined && !m[5]) continue;
    covered.push([c.numberStart, c.end]);
    const skip = options.skipLines?.get(line);
    if (skip) {
      unused.push({ at: c.numberStart, text: show(c.numberStart, c.end - 1), line, reason: skip });
      continue;
    }
    if (!c.metric) {
      unused.push({ at: c.numberStart, text: show(c.numberStart, c.end - 1), line, reason: c.reason! });
      continue;
    }
    const key = `${c.metric.label}|${c.metric.value}|${c.metric.max}|${c.metric.unit}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      unused.push({ at: c.numberStart, text: show(c.numberStart, c.end - 1), line, reason: `与第 ${earlier} 行的数据重复` });
      continue;
    }
    seen.set(key, line);
    if (metrics.length >= (options.max ?? Infinity)) {
      unused.push({ at: c.numberStart, text: show(c.numberStart, c.end - 1), line, reason: `超过导入上限 ${options.max} 项，未记入；需要时请手工补上` });
      continue;
    }
    metrics.push({ ...c.metric, line });
  }
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered.some(([s, e]) => start >= s && start < e)) continue;
    if (/[\d.]/.test(text[start - 1] ?? '')) continue;
    const reason = reasonForBare(text, start, end, m[0], quoted);
    if (!reason) continue;
    const line = lineOf(starts, start);
    unused.push({ at: start, text: show(start, end), line, reason: options.skipLines?.get(line) ?? reason });
  }
  unused.sort((a, b) => a.at - b.at);
  return { metrics, unused: unused.map(({ at: _at, ...u }) => u) };
}

/** The figures alone, for callers that do not report the rest. */
export function extractMetrics(text: string): FoundMetric[] {
  return extractFigures(text).metrics;
}
