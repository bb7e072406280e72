/** A figure from the source, kept with the hedge the source used and normalised for comparison. */
import { z } from 'astro/zod';
import { formatFigure, normalise } from '../lib/metrics.ts';
import { QUALIFIERS, UNIT_NAMES, type Qualifier } from './units.ts';

/** Characters of a metric's label; CONTRIBUTING.md states it (a unit test keeps the two in step). */
export const LABEL_LENGTH = { min: 2, max: 60 } as const;

/** A metric as the editor writes it. */
const writtenMetricSchema = z
  .strictObject({
    /** What was counted, in a few words: 年外销水产品, 发放贴息贷款. */
    label: z.string().min(LABEL_LENGTH.min).max(LABEL_LENGTH.max),
    /** The number as the source gives it, in `unit` (for 350万元 write 350 and unit 万元). */
    value: z.number().nonnegative(),
    /** Upper bound when the source gives a range (2—5万元: value 2, max 5). */
    max: z.number().nonnegative().optional(),
    /** Unit of `value`; money, weight and area are normalised to 元, 公斤 and 平方米. */
    unit: z.enum(UNIT_NAMES),
    /** How the source hedged the figure: 约 近 超过 不足 达 (before) or 余 多 以上 以下 (after). */
    qualifier: z.enum(QUALIFIERS).optional(),
    /** A remark for readers, e.g. what the figure covers or a conflict between sources. */
    note: z.string().optional(),
  })
  .refine((m) => m.max === undefined || m.max > m.value, {
    path: ['max'],
    message: '区间上限 max 必须大于下限 value',
  });

export type WrittenMetric = z.output<typeof writtenMetricSchema>;

/** The written metric with the fields worked out from it: how to show it, and its normalised figure. */
export function withDerived(m: WrittenMetric) {
  const figure = { value: m.value, max: m.max, unit: m.unit, qualifier: m.qualifier as Qualifier | undefined };
  return { ...m, display: formatFigure(figure), normalised: normalise(figure) };
}

export const metricSchema = writtenMetricSchema.transform(withDerived);

export type Metric = z.output<typeof metricSchema>;

/**
 * What the content store keeps of a metric: what the editor wrote. The derived fields are a
 * quarter of the store at 10,000 cases, and Astro rewrites and bundles the whole store on every
 * build; `publishedCases()` works them out again with `withDerived`.
 */
export function writtenPart({ display: _display, normalised: _normalised, ...written }: Metric): WrittenMetric {
  return written;
}
