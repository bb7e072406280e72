/**
 * Units a metric may use, and how each converts to the base unit of its kind, so that
 * figures of one kind compare and add up across cases (350 万元 and 3150 万元 are both yuan).
 */
export interface UnitInfo {
  /** The kind of quantity, used to group figures that can be added up. */
  kind: string;
  /** The unit every figure of this kind is normalised to. */
  base: string;
  /** How many base units one of this unit is. */
  factor: number;
}

const money = (factor: number): UnitInfo => ({ kind: '金额', base: '元', factor });
const weight = (factor: number): UnitInfo => ({ kind: '重量', base: '公斤', factor });
const area = (factor: number): UnitInfo => ({ kind: '面积', base: '平方米', factor });
const count = (kind: string, base: string, factor = 1): UnitInfo => ({ kind, base, factor });
/** Spans of time (a 1 周 course, a 3 年 lease), in days; months and years at their usual 30 and 365. */
const duration = (factor: number): UnitInfo => ({ kind: '时长', base: '天', factor });

export const UNITS = {
  元: money(1),
  万元: money(10_000),
  亿元: money(100_000_000),
  人: count('人数', '人'),
  名: count('人数', '人'),
  万人: count('人数', '人', 10_000),
  人次: count('人次', '人次'),
  万人次: count('人次', '人次', 10_000),
  户: count('户数', '户'),
  万户: count('户数', '户', 10_000),
  个: count('个数', '个'),
  家: count('家数', '家'),
  件: count('件数', '件'),
  条: count('条数', '条'),
  项: count('项数', '项'),
  次: count('次数', '次'),
  场次: count('场次', '场次'),
  期: count('期数', '期'),
  村: count('村数', '村'),
  单: count('单数', '单'),
  股: count('股数', '股'),
  辆: count('辆数', '辆'),
  幢: count('幢数', '幢'),
  公斤: weight(1),
  万公斤: weight(10_000),
  斤: weight(0.5),
  万斤: weight(5_000),
  吨: weight(1_000),
  平方米: area(1),
  万平方米: area(10_000),
  亩: area(666.67),
  万亩: area(6_666_700),
  公里: count('长度', '公里'),
  天: duration(1),
  周: duration(7),
  个月: duration(30),
  年: duration(365),
  '%': count('比例', '%'),
} as const satisfies Record<string, UnitInfo>;

export type Unit = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as [Unit, ...Unit[]];

/**
 * How the source hedged a figure. Prefix qualifiers stand before the number (约 5 万元),
 * suffix ones after it (700 余人次), as Chinese writes them.
 */
export const PREFIX_QUALIFIERS = ['约', '近', '超过', '不足', '达'] as const;
export const SUFFIX_QUALIFIERS = ['余', '多', '以上', '以下'] as const;
export const QUALIFIERS = [...PREFIX_QUALIFIERS, ...SUFFIX_QUALIFIERS] as [string, ...string[]];
export type Qualifier = (typeof PREFIX_QUALIFIERS)[number] | (typeof SUFFIX_QUALIFIERS)[number];
