/**
 * Pure helpers for metric figures: normalising to base units and writing them the way
 * Chinese reports do (700余人次, 超过90%, 2—5万元).
 *
 * A normalised figure keeps what the source said about its precision. 300多万元 is not an exact
 * 3000000元: it is at least that much and the source did not say how much more. Every figure
 * therefore carries `approximate`, `bound` and the limits the source guarantees (`atLeast`,
 * `atMost`), and a sum of figures says 至少/至多/约 when any of its parts is hedged.
 */
import { PREFIX_QUALIFIERS, UNITS, type Qualifier, type Unit } from '../schema/units.ts';

export interface Figure {
  value: number;
  max?: number | undefined;
  unit: Unit;
  qualifier?: Qualifier | undefined;
}

/** Which side the source bounded a figure on: 超过90% is a lower bound, 不足5人 an upper one. */
export type Bound = 'lower' | 'upper' | '';

export interface QualifierMeaning {
  /** The source gave a round or estimated number, not a count (约、近、余、多). */
  approximate: boolean;
  bound: Bound;
}

/**
 * What each qualifier says about the true number. 余 and 多 (300多万) are estimates that are
 * also lower bounds: the figure is at least 300万. 近 (近300人) is just under: an upper bound.
 * 达 (达300万元, "reached") states the number itself, so it is exact.
 */
export const QUALIFIER_MEANING: Readonly<Record<Qualifier, QualifierMeaning>> = {
  约: { approximate: true, bound: '' },
  近: { approximate: true, bound: 'upper' },
  超过: { approximate: false, bound: 'lower' },
  不足: { approximate: false, bound: 'upper' },
  达: { approximate: false, bound: '' },
  余: { approximate: true, bound: 'lower' },
  多: { approximate: true, bound: 'lower' },
  以上: { approximate: false, bound: 'lower' },
  以下: { approximate: false, bound: 'upper' },
};

export interface NormalisedFigure {
  kind: string;
  unit: string;
  /** Whether figures of this kind add up across labels (content/units.yaml `additive`). */
  additive: boolean;
  /** The source's number in the base unit; for a range, its lower end. */
  value: number;
  /** The upper end of a range in the base unit. */
  max?: number;
  qualifier?: Qualifier;
  approximate: boolean;
  bound: Bound;
  /** The least the true number can be, as far as the source says; absent when it sets none (约300). */
  atLeast?: number;
  /** The most the true number can be, as far as the source says; absent when it sets none (300多). */
  atMost?: number;
}

/** Avoids float noise such as 0.1 * 3 = 0.30000000000000004 in normalised values. */
const tidy = (n: number): number => Number.parseFloat(n.toPrecision(12));

export function normalise(figure: Figure): NormalisedFigure {
  const info = UNITS[figure.unit];
  // The schema's enum admits only listed units, so this is a bug in the caller, not an editor's slip.
  if (!info) throw new Error(`未知单位“${figure.unit}”：不在 content/units.yaml 里`);
  const meaning = figure.qualifier ? QUALIFIER_MEANING[figure.qualifier] : { approximate: false, bound: '' as const };
  const value = tidy(figure.value * info.factor);
  const max = figure.max === undefined ? undefined : tidy(figure.max * info.factor);
  const result: NormalisedFigure = { kind: info.kind, unit: info.base, additive: info.additive, value, approximate: meaning.approximate, bound: meaning.bound };
  if (max !== undefined) result.max = max;
  if (figure.qualifier) result.qualifier = figure.qualifier;
  // A bound on one side leaves the other open; 约 leaves both open, unless a range gives them.
  const top = max ?? value;
  if (meaning.bound === 'lower') result.atLeast = value;
  else if (meaning.bound === 'upper') result.atMost = top;
  else if (!meaning.approximate || max !== undefined) {
    result.atLeast = value;
    result.atMost = top;
  }
  return result;
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });
const amount = (value: number, max?: number): string =>
  max === undefined ? numberFormat.format(value) : `${numberFormat.format(value)}—${numberFormat.format(max)}`;

/** Writes a figure in Chinese style: qualifier placement, a “—” range, no space before the unit. */
export function formatFigure(figure: Figure): string {
  const text = amount(figure.value, figure.max);
  const q = figure.qualifier;
  if (!q) return `${text}${figure.unit}`;
  if ((PREFIX_QUALIFIERS as readonly string[]).includes(q)) return `${q}${text}${figure.unit}`;
  // 以上/以下 follow the unit (90%以上), 余/多 stand between number and unit (700余人次).
  if (q === '以上' || q === '以下') return `${text}${figure.unit}${q}`;
  return `${text}${q}${figure.unit}`;
}

/**
 * Writes a normalised figure with its hedge. 余 and 多 cannot stay as they are: 300多万元 is
 * 3000000—3999999元, which “3000000多元” would misstate, so they become 超过.
 */
export function formatNormalised(n: NormalisedFigure): string {
  const q = n.qualifier === '余' || n.qualifier === '多' ? '超过' : n.qualifier;
  return formatFigure({ value: n.value, max: n.max, unit: n.unit, qualifier: q });
}

export interface Total {
  kind: string;
  unit: string;
  /** Sum of the figures' own numbers (a range by its lower end); exact only when `exact`. */
  value: number;
  /** Sum of the guaranteed lower limits, when every figure has one. */
  atLeast?: number;
  /** Sum of the guaranteed upper limits, when every figure has one. */
  atMost?: number;
  /** True only when every figure added was an exact number. */
  exact: boolean;
  /** How many figures went into the total. */
  count: number;
  /** The total as a reader should see it: 500000元, 至少3000000元, 约120人, 2000—5000元. */
  display: string;
}

/** Writes a total: exact, a range, 至少, 至多, or 约 when the hedges point both ways. */
export function formatTotal(t: Omit<Total, 'display'>): string {
  if (t.atLeast !== undefined && t.atMost !== undefined) return `${amount(t.atLeast, t.atLeast === t.atMost ? undefined : t.atMost)}${t.unit}`;
  if (t.atLeast !== undefined) return `至少${amount(t.atLeast)}${t.unit}`;
  if (t.atMost !== undefined) return `至多${amount(t.atMost)}${t.unit}`;
  return `约${amount(t.value)}${t.unit}`;
}

/**
 * Adds up figures kind by kind. Kinds that do not add up (个、项、家 count whatever the label
 * says; % and durations never add) are left out rather than summed into a number that means
 * nothing; a total is exact only when every figure in it is.
 */
export function sumFigures(figures: readonly NormalisedFigure[]): Map<string, Total> {
  const groups = Map.groupBy(
    figures.filter((f) => f.additive),
    (f) => f.kind,
  );
  const totals = new Map<string, Total>();
  for (const [kind, group] of groups) {
    const sum = (pick: (f: NormalisedFigure) => number | undefined): number | undefined => {
      let s = 0;
      for (const f of group) {
        const v = pick(f);
        if (v === undefined) return undefined;
        s += v;
      }
      return tidy(s);
    };
    const atLeast = sum((f) => f.atLeast);
    const atMost = sum((f) => f.atMost);
    const base = {
      kind,
      unit: group[0]!.unit,
      value: sum((f) => f.value)!,
      exact: atLeast !== undefined && atLeast === atMost,
      count: group.length,
      ...(atLeast === undefined ? {} : { atLeast }),
      ...(atMost === undefined ? {} : { atMost }),
    };
    totals.set(kind, { ...base, display: formatTotal(base) });
  }
  return totals;
}

/**
 * Compares two figures of one kind by what the sources guarantee: 1 when `a` is surely larger,
 * -1 when surely smaller, 0 when both are the same exact number, and undefined when the hedges
 * overlap (约300人 against 280人) and no honest answer exists.
 */
export function compareFigures(a: NormalisedFigure, b: NormalisedFigure): -1 | 0 | 1 | undefined {
  if (a.kind !== b.kind) return undefined;
  if (a.atLeast !== undefined && b.atMost !== undefined && a.atLeast > b.atMost) return 1;
  if (b.atLeast !== undefined && a.atMost !== undefined && b.atLeast > a.atMost) return -1;
  const exact = (f: NormalisedFigure) => f.atLeast !== undefined && f.atLeast === f.atMost;
  if (exact(a) && exact(b) && a.atLeast === b.atLeast) return 0;
  return undefined;
}
