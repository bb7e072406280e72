/**
 * Units a metric may use, and how each converts to the base unit of its kind, so that
 * figures of one kind compare and add up across cases (350 万元 and 3150 万元 are both yuan).
 *
 * The list lives in content/units.yaml so editors can add a unit by pull request, as they add
 * measures to content/measures.yaml; this module reads it once, checks its shape, and is the
 * only reader: the case schema, the importer, the data page and the CSV codebook all take
 * units from here.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { fromRoot } from '../lib/paths.ts';

export const UNITS_FILE = fromRoot('content', 'units.yaml');

export interface UnitInfo {
  /** The kind of quantity, used to group figures that can be added up. */
  kind: string;
  /** The unit every figure of this kind is normalised to. */
  base: string;
  /** How many base units one of this unit is. */
  factor: number;
  /** Whether figures of this kind add up across labels (money with money); see content/units.yaml. */
  additive: boolean;
}

/** A unit is written straight after the number (3150万元), so it holds no digit, space or punctuation but %. */
const UNIT_NAME = /^(?:\p{Script=Han}+|%)$/u;
const UNIT_NAME_MESSAGE = '单位只能由汉字组成（或写 %）';
const unitName = z.string().regex(UNIT_NAME, UNIT_NAME_MESSAGE);

const kindSchema = z.strictObject({
  /** What is counted: 金额, 人数, 时长. */
  kind: z.string().min(1),
  /** The unit figures of this kind are converted to; it must be listed with factor 1. */
  base: unitName,
  /**
   * Whether two figures of this kind with different labels make a meaningful sum: yes for 金额
   * and 人数, no for 个 or 项, which count whatever the label names. Required, so whoever adds
   * a kind decides it instead of inheriting a default.
   */
  additive: z.boolean({ error: 'additive 应写 true（不同指标的数可以相加，如金额、人数）或 false（只能同一指标内比较，如个、项）' }),
  /** Each unit of the kind with how many base units one of it is. */
  units: z.record(z.string(), z.number().positive()),
});

export const unitsFileSchema = z
  .array(kindSchema)
  .min(1)
  .superRefine((kinds, ctx) => {
    const seen = new Set<string>();
    kinds.forEach((k, i) => {
      if (k.units[k.base] !== 1) ctx.addIssue({ code: 'custom', path: [i, 'base'], message: `基本单位“${k.base}”必须列在 units 里，折算数为 1` });
      for (const name of Object.keys(k.units)) {
        // Checked here rather than on the record's keys, whose failure zod words only in English.
        if (!UNIT_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [i, 'units', name], message: `“${name}”：${UNIT_NAME_MESSAGE}` });
        if (seen.has(name)) ctx.addIssue({ code: 'custom', path: [i, 'units', name], message: `单位“${name}”重复` });
        seen.add(name);
      }
    });
  });

export function loadUnits(file = UNITS_FILE): Record<string, UnitInfo> {
  const result = unitsFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}：${i.message}`);
    throw new Error(`单位表 ${file} 有误：\n${lines.join('\n')}`);
  }
  const units: Record<string, UnitInfo> = {};
  for (const k of result.data) for (const [name, factor] of Object.entries(k.units)) units[name] = { kind: k.kind, base: k.base, factor, additive: k.additive };
  return units;
}

export const UNITS: Readonly<Record<string, UnitInfo>> = loadUnits();

/** A unit name from content/units.yaml; the schema's enum is what enforces it. */
export type Unit = string;
export const UNIT_NAMES = Object.keys(UNITS) as [Unit, ...Unit[]];

/**
 * How the source hedged a figure. Prefix qualifiers stand before the number (约 5 万元),
 * suffix ones after it (700 余人次), as Chinese writes them.
 */
export const PREFIX_QUALIFIERS = ['约', '近', '超过', '不足', '达'] as const;
export const SUFFIX_QUALIFIERS = ['余', '多', '以上', '以下'] as const;
export const QUALIFIERS = [...PREFIX_QUALIFIERS, ...SUFFIX_QUALIFIERS] as [string, ...string[]];
export type Qualifier = (typeof PREFIX_QUALIFIERS)[number] | (typeof SUFFIX_QUALIFIERS)[number];
