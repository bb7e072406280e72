/**
 * 并排对比: two to four cases side by side, one column each. The choice lives in the URL
 * (/compare/?ids=a,b,c), so a comparison is a link; while picking, it is kept in this browser
 * (src/client/compare-store.ts). This module is the logic of both, with no DOM: which ids
 * (compare-ids.ts, apart so that the 加入对比 on every page does not carry the table's code),
 * and which rows the table has.
 */
import type { OpenCase } from './open-data.ts';
import { formatYears } from './format.ts';

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
