/**
 * Geometry and data of the charts drawn at build time as inline SVG (no chart library, no
 * script in the browser): bars scaled to the largest value, and a tile-grid map of China's 34
 * province-level divisions shaded by case count. Components draw; this decides.
 */

export interface Bar {
  label: string;
  value: number;
  href?: string | undefined;
  /** The label in full, for the table, when the chart shows it shortened. */
  fullLabel?: string | undefined;
  /** What to print beside the bar, when not the bare value (a figure as its source hedged it). */
  display?: string | undefined;
}

/** Bar lengths in `width` units, the largest value filling it; a non-zero value stays visible. */
export function barLengths(bars: readonly Bar[], width: number): number[] {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return bars.map((b) => (max === 0 || b.value === 0 ? 0 : Math.max(1, (b.value / max) * width)));
}

/**
 * One tile per province-level division: row and column on an 8-column grid that keeps each
 * near its neighbours (north-east at the top right, Xinjiang and Tibet at the left, Hainan,
 * Hong Kong and Macao at the bottom). Names as people say them; `match` finds the GB/T 2260 name.
 */
export const PROVINCE_TILES: readonly { short: string; row: number; col: number }[] = [
  { short: '黑龙江', row: 0, col: 7 },
  { short: '内蒙古', row: 1, col: 4 },
  { short: '北京', row: 1, col: 5 },
  { short: '吉林', row: 1, col: 7 },
  { short: '新疆', row: 2, col: 0 },
  { short: '甘肃', row: 2, col: 2 },
  { short: '宁夏', row: 2, col: 3 },
  { short: '山西', row: 2, col: 4 },
  { short: '河北', row: 2, col: 5 },
  { short: '天津', row: 2, col: 6 },
  { short: '辽宁', row: 2, col: 7 },
  { short: '青海', row: 3, col: 1 },
  { short: '陕西', row: 3, col: 3 },
  { short: '河南', row: 3, col: 4 },
  { short: '山东', row: 3, col: 5 },
  { short: '西藏', row: 4, col: 0 },
  { short: '四川', row: 4, col: 2 },
  { short: '重庆', row: 4, col: 3 },
  { short: '湖北', row: 4, col: 4 },
  { short: '安徽', row: 4, col: 5 },
  { short: '江苏', row: 4, col: 6 },
  { short: '云南', row: 5, col: 2 },
  { short: '贵州', row: 5, col: 3 },
  { short: '湖南', row: 5, col: 4 },
  { short: '江西', row: 5, col: 5 },
  { short: '浙江', row: 5, col: 6 },
  { short: '上海', row: 5, col: 7 },
  { short: '广西', row: 6, col: 3 },
  { short: '广东', row: 6, col: 4 },
  { short: '福建', row: 6, col: 5 },
  { short: '台湾', row: 6, col: 7 },
  { short: '海南', row: 7, col: 3 },
  { short: '澳门', row: 7, col: 4 },
  { short: '香港', row: 7, col: 5 },
];

/** How many shades of the accent colour the map uses for provinces with cases. */
export const SHADES = 4;

export interface Tile {
  short: string;
  row: number;
  col: number;
  /** GB/T 2260 name and code, where the gazetteer has the division. */
  name: string;
  code?: string | undefined;
  count: number;
  /** 0 for no cases, 1..SHADES by the count's rank among provinces with cases. */
  shade: number;
}

/** The tiles with their counts and shades; shades split the provinces with cases into equal groups by count. */
export function provinceTiles(divisions: readonly { name: string; code: string }[], counts: ReadonlyMap<string, number>): Tile[] {
  const tiles = PROVINCE_TILES.map((t) => {
    const division = divisions.find((d) => d.name.startsWith(t.short));
    const count = division ? (counts.get(division.code) ?? 0) : 0;
    return { ...t, name: division?.name ?? t.short, code: division?.code, count, shade: 0 };
  });
  const ranked = [...new Set(tiles.filter((t) => t.count > 0).map((t) => t.count))].sort((a, b) => a - b);
  for (const t of tiles) if (t.count > 0) t.shade = 1 + Math.floor((ranked.indexOf(t.count) * SHADES) / ranked.length);
  return tiles;
}

/** A figure of one case, as the measure page's comparison shows it. */
export interface ComparableFigure {
  caseTitle: string;
  href: string;
  label: string;
  /** As the source said it (qualifier, range, unit): 超过300万元. */
  display: string;
  kind: string;
  unit: string;
  /** In the base unit; for a range its lower end, so bars never claim more than the source. */
  value: number;
}

/**
 * The figures of a measure's cases that can stand on one axis: those of the kind (and base
 * unit) that the most cases report, largest first — only when at least two cases report it,
 * since one case compared with itself says nothing.
 */
export function comparableFigures(figures: readonly ComparableFigure[], limit = 12): { kind: string; unit: string; figures: ComparableFigure[] } | undefined {
  // Each kind's number of cases is counted once: the sort below compares them many times.
  const kinds = [...Map.groupBy(figures, (f) => `${f.kind}\u0000${f.unit}`).values()].map((list) => ({ list, cases: new Set(list.map((f) => f.href)).size }));
  const best = kinds.filter((k) => k.cases >= 2).sort((a, b) => b.cases - a.cases || b.list.length - a.list.length)[0]?.list;
  if (!best) return undefined;
  return { kind: best[0]!.kind, unit: best[0]!.unit, figures: [...best].sort((a, b) => b.value - a.value).slice(0, limit) };
}
