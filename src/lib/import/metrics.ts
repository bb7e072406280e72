/**
 * Figures in an article: a number with a unit from src/schema/units.ts, the hedge the text
 * puts around it (约 近 超过 … / 余 多 以上 …) and ranges (2-5万元). Each figure keeps the
 * sentence it came from, so the editor can check it and write a proper label.
 */
import { PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, UNITS, UNIT_NAMES, type Qualifier, type Unit } from '../../schema/units.ts';

export interface FoundMetric {
  /** A first label taken from the words before the figure; the editor rewrites it. */
  label: string;
  value: number;
  max?: number;
  unit: Unit;
  qualifier?: Qualifier;
  /** The sentence the figure came from. */
  sentence: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');

/** Units as written after a number, with the 万/亿 multipliers split off (5万余斤 = 5 万斤, 余). */
// Durations are left to the editor: after a number, 年 and 月 are far more often a date (2014年, 5月) than a span.
const BASE_UNITS = [...new Set(UNIT_NAMES.filter((u) => UNITS[u]?.kind !== '时长').map((u) => u.replace(/^[万亿](?=.)/, '')))].sort((a, b) => b.length - a.length);

/** Other spellings of the schema's qualifiers. */
const PREFIX_ALIASES: Record<string, Qualifier> = { 超: '超过', 达到: '达', 近: '近', 约: '约', 大约: '约', 不到: '不足' };
const prefixWords = [...new Set([...PREFIX_QUALIFIERS, ...Object.keys(PREFIX_ALIASES)])].sort((a, b) => b.length - a.length);
const suffixWords = [...SUFFIX_QUALIFIERS].sort((a, b) => b.length - a.length);

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const FIGURE = new RegExp(
  `(${prefixWords.map(escape).join('|')})?` +
    `(${NUMBER})(?:\\s*[-—–~～至到]\\s*(${NUMBER}))?` +
    `(余|多)?([万亿])?(余|多)?` +
    `(${BASE_UNITS.map(escape).join('|')})` +
    `(${suffixWords.map(escape).join('|')})?`,
  'g',
);

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

/**
 * Every figure in `text`. Years (2003年) and ordinals (第3期) are not figures; 万/亿 combine
 * with the unit only when the schema has that unit (万元, 万公斤 — not 万个).
 */
export function extractMetrics(text: string): FoundMetric[] {
  const found: FoundMetric[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(FIGURE)) {
    const [whole, prefix, low, high, inner1, multiplier, inner2, baseUnit, suffix] = m;
    const start = m.index;
    if (text[start - 1] === '第' || /[\d.]/.test(text[start - 1] ?? '')) continue;
    // 3个月 is a duration, left to the editor with the other durations, not 3 个.
    if (baseUnit === '个' && text[start + whole.length] === '月') continue;
    const unit = `${multiplier ?? ''}${baseUnit}` as Unit;
    if (!UNIT_NAMES.includes(unit)) continue;
    const value = Number(low);
    const max = high !== undefined ? Number(high) : undefined;
    if (max !== undefined && !(max > value)) continue;
    const qualifier: Qualifier | undefined =
      (prefix ? (PREFIX_ALIASES[prefix] ?? (prefix as Qualifier)) : undefined) ??
      ((inner1 ?? inner2 ?? suffix) as Qualifier | undefined);
    const numberStart = start + (prefix?.length ?? 0);
    const label = labelFor(text, start, start + whole.length);
    const key = `${label}|${value}|${max}|${unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({
      label,
      value,
      ...(max !== undefined ? { max } : {}),
      unit,
      ...(qualifier ? { qualifier } : {}),
      sentence: sentenceAround(text, numberStart, start + whole.length),
    });
  }
  return found;
}
