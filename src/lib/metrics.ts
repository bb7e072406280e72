/**
 * Pure helpers for metric figures: normalising to base units and writing them the way
 * Chinese reports do (700余人次, 超过90%, 2—5万元).
 */
import { PREFIX_QUALIFIERS, UNITS, type Qualifier, type Unit } from '../schema/units.ts';

export interface Figure {
  value: number;
  max?: number | undefined;
  unit: Unit;
  qualifier?: Qualifier | undefined;
}

export interface NormalisedFigure {
  kind: string;
  unit: string;
  value: number;
  max?: number;
}

/** Avoids float noise such as 0.1 * 3 = 0.30000000000000004 in normalised values. */
const tidy = (n: number): number => Number.parseFloat(n.toPrecision(12));

export function normalise(figure: Figure): NormalisedFigure {
  const info = UNITS[figure.unit];
  // The schema's enum admits only listed units, so this is a bug in the caller, not an editor's slip.
  if (!info) throw new Error(`未知单位“${figure.unit}”：不在 content/units.yaml 里`);
  const result: NormalisedFigure = { kind: info.kind, unit: info.base, value: tidy(figure.value * info.factor) };
  if (figure.max !== undefined) result.max = tidy(figure.max * info.factor);
  return result;
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/** Writes a figure in Chinese style: qualifier placement, an en-dash range, no space before the unit. */
export function formatFigure(figure: Figure): string {
  const amount = figure.max === undefined ? numberFormat.format(figure.value) : `${numberFormat.format(figure.value)}—${numberFormat.format(figure.max)}`;
  const q = figure.qualifier;
  if (!q) return `${amount}${figure.unit}`;
  if ((PREFIX_QUALIFIERS as readonly string[]).includes(q)) return `${q}${amount}${figure.unit}`;
  // 以上/以下 follow the unit (90%以上), 余/多 stand between number and unit (700余人次).
  if (q === '以上' || q === '以下') return `${amount}${figure.unit}${q}`;
  return `${amount}${q}${figure.unit}`;
}

/** Adds up figures of one kind (all in base units); ranges count by their lower bound. */
export function sumNormalised(figures: readonly NormalisedFigure[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const f of figures) totals.set(`${f.kind}（${f.unit}）`, tidy((totals.get(`${f.kind}（${f.unit}）`) ?? 0) + f.value));
  return totals;
}
