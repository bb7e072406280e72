/**
 * 并排对比: two to four cases side by side, one column each. The choice lives in the URL
 * (/compare/?ids=a,b,c), so a comparison is a link; while picking, it is kept in this browser
 * (src/client/compare-store.ts). This module is the logic of both, with no DOM: which ids,
 * and which rows the table has.
 */
import { CASE_ID_PATTERN } from '../schema/ids.ts';
import type { OpenCase } from './open-data.ts';
import { formatYears } from './format.ts';

export const MIN_COMPARED = 2;
/** Four columns still fit a landscape A4 page and a laptop screen. */
export const MAX_COMPARED = 4;

export interface CompareIds {
  /** Well-formed ids, once each, in order, at most MAX_COMPARED. */
  ids: string[];
  /** Parts of the list that cannot be case ids (named to the reader). */
  malformed: string[];
  /** Well-formed ids past the fourth, left out. */
  extra: string[];
}

export function parseCompareIds(raw: string | null | undefined): CompareIds {
  const result: CompareIds = { ids: [], malformed: [], extra: [] };
  for (const part of (raw ?? '').split(',')) {
    const id = part.trim();
    if (!id) continue;
    if (!CASE_ID_PATTERN.test(id)) result.malformed.push(id);
    else if (result.ids.includes(id) || result.extra.includes(id)) continue;
    else if (result.ids.length < MAX_COMPARED) result.ids.push(id);
    else result.extra.push(id);
  }
  return result;
}

export const serializeCompareIds = (ids: readonly string[]): string => ids.join(',');

/** Adds or removes `id`; adding to a full list leaves it as it is (the caller says why). */
export function toggleCompareId(ids: readonly string[], id: string): string[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id);
  return ids.length < MAX_COMPARED ? [...ids, id] : [...ids];
}

/** How the table marks a measure that other compared cases list too, in words (never colour alone). */
export function sharedMark(sharedBy: number, compared: number): string {
  if (sharedBy < 2) return '';
  return sharedBy === compared ? '共同' : `${sharedBy}个案例共有`;
}

export interface ComparedMeasure {
  id: string;
  name: string;
  primary: boolean;
  /** How many of the compared cases list it (1 when only this one). */
  sharedBy: number;
}

export interface ComparedMetric {
  label: string;
  /** As the source wrote it, hedge included: 300多万元, 超过90%, 2—5万元. */
  display: string;
  note: string | null;
}

/** One row of the table; `cells` has one entry per compared case, in column order. */
export type CompareRow =
  | { type: 'text'; key: string; label: string; cells: string[] }
  | { type: 'list'; key: string; label: string; cells: string[][] }
  | { type: 'measures'; key: string; label: string; cells: ComparedMeasure[][] }
  | { type: 'metrics'; key: string; label: string; kind: string; cells: ComparedMetric[][] };

export interface Comparison {
  columns: { id: string; title: string }[];
  rows: CompareRow[];
  /** Measures every compared case lists, in the first case's order. */
  sharedByAll: string[];
}

const regionText = (r: OpenCase['region']): string => [r.province, r.city, r.county, r.town, r.village].filter((x): x is string => !!x).join(' › ');

/**
 * The rows comparing `cases`: summary, region, level, year, measures (the shared ones first and
 * marked), one row per kind of figure (金额, 人数 …, in `kindOrder`, the order of
 * content/units.yaml) holding each case's figures of that kind, and the learning objectives.
 */
export function compareRows(cases: readonly OpenCase[], kindOrder: readonly string[] = []): Comparison {
  const listing = new Map<string, number>();
  for (const c of cases) for (const m of new Set(c.measures.map((x) => x.id))) listing.set(m, (listing.get(m) ?? 0) + 1);
  const measures = cases.map((c) =>
    c.measures
      .map((m) => ({ id: m.id, name: m.name, primary: m.primary, sharedBy: listing.get(m.id)! }))
      // Stable: within the same count, the case's own order (most important first) stays.
      .sort((a, b) => b.sharedBy - a.sharedBy),
  );

  const kinds = [...new Set(cases.flatMap((c) => c.metrics.map((m) => m.normalised.kind)))];
  const place = (kind: string) => (kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length);
  kinds.sort((a, b) => place(a) - place(b) || (a < b ? -1 : a > b ? 1 : 0));
  const metricRows: CompareRow[] = kinds.map((kind) => ({
    type: 'metrics',
    key: `metrics-${kind}`,
    label: `数据：${kind}`,
    kind,
    cells: cases.map((c) => c.metrics.filter((m) => m.normalised.kind === kind).map((m) => ({ label: m.label, display: m.display, note: m.note }))),
  }));

  return {
    columns: cases.map((c) => ({ id: c.id, title: c.title })),
    rows: [
      { type: 'text', key: 'summary', label: '摘要', cells: cases.map((c) => c.summary) },
      { type: 'text', key: 'region', label: '地区', cells: cases.map((c) => regionText(c.region)) },
      { type: 'text', key: 'level', label: '层级', cells: cases.map((c) => c.level) },
      { type: 'text', key: 'year', label: '年份', cells: cases.map((c) => formatYears(c.year, c.period ?? undefined)) },
      { type: 'measures', key: 'measures', label: '措施', cells: measures },
      ...metricRows,
      { type: 'list', key: 'objectives', label: '学习目标', cells: cases.map((c) => [...c.objectives]) },
    ],
    sharedByAll: cases.length ? cases[0]!.measures.map((m) => m.id).filter((id) => listing.get(id) === cases.length) : [],
  };
}
