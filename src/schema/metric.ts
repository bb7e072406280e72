/** A figure from the source, kept with the hedge the source used and normalised for comparison. */
import { z } from 'astro/zod';
import { formatFigure, normalise } from '../lib/metrics.ts';
import { QUALIFIERS, UNIT_NAMES, type Qualifier } from './units.ts';

/** Characters of a metric's label; CONTRIBUTING.md states it (a unit test keeps the two in step). */
export const LABEL_LENGTH = { min: 2, max: 60 } as const;

export const metricSchema = z
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
  })
  .transform((m) => {
    const figure = { value: m.value, max: m.max, unit: m.unit, qualifier: m.qualifier as Qualifier | undefined };
    return { ...m, display: formatFigure(figure), normalised: normalise(figure) };
  });

export type Metric = z.output<typeof metricSchema>;
