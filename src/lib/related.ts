/**
 * 相关案例: for each case, 3–5 other cases an instructor could set beside it. Computed once per
 * build for every case at the same time.
 *
 * Ranking: cases sharing more of this case's measures, rarer measures weighing more (a measure
 * almost every case lists says little about kinship); ties go to the same province, then the
 * same level, then the id, so every build ranks the same way. When fewer than three cases
 * share a measure, cases of the same province and level fill the list.
 *
 * Cost: an inverted index (measure → cases) makes the work per case depend on the lengths of
 * the posting lists of its measures, and a measure used by a tenth of 10,000 cases has a list
 * of 1,000: walking every list would be quadratic in the number of cases. So each case walks,
 * in each of its measures' lists, at most `window` cases around its own place in the list.
 * Each list is ordered so that those neighbours are the likeliest relatives: by the cases'
 * other measures, rarest first, then province, level and id. Each case thus visits at most
 * measures × window candidates, whatever the size of the casebook — the whole ranking is
 * O(N·k) for N cases of at most k measures (plus sorting the lists once, O(N·k·log N)).
 * A list no longer than the window is walked whole, so a casebook of a hundred or so cases is
 * ranked exactly; on 10,000 generated cases the related cases found carry about 92% of the
 * weight of the exact best ones (tests/unit/related.test.ts holds a floor on this).
 */

export interface RelatedInput {
  id: string;
  /** Province, by code or name: only compared for equality. */
  province: string;
  level: string;
  /** Measure ids, most important first (the order does not matter here). */
  measures: readonly string[];
}

export interface RelatedCase {
  id: string;
  /** Measures both cases list, rarest first; empty for a case chosen by place and level alone. */
  shared: string[];
}

export interface RelatedOptions {
  /** Fewest related cases to show when that many other cases exist (3). */
  min?: number;
  /** Most related cases to show (5). */
  max?: number;
  /** How many neighbours a case visits in one posting list (see the module comment). */
  window?: number;
  /** Counts candidate visits, to show the work grows linearly (tests, the timing script). */
  stats?: { visits: number };
}

export const RELATED_MIN = 3;
export const RELATED_MAX = 5;
/**
 * Neighbours visited per measure. Large enough that the cases sharing this one's rarer measures
 * are found, small enough that 10,000 cases rank in well under a second.
 */
export const RELATED_WINDOW = 128;

/** Smoothed inverse document frequency: always above zero, so any shared measure counts. */
export const rarityWeight = (caseCount: number, casesWithMeasure: number): number => Math.log(1 + caseCount / casesWithMeasure);

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Calls `visit` with up to `window` entries of `list` nearest to index `at` (alternately after
 * and before it), skipping `at` itself. When one side runs out, the other side supplies the rest.
 */
function walkAround(list: readonly number[], at: number, window: number, visit: (j: number) => void): number {
  let before = at - 1;
  let after = at + 1;
  let seen = 0;
  for (; seen < window && (before >= 0 || after < list.length); seen++)
    visit(after < list.length && (seen % 2 === 0 || before < 0) ? list[after++]! : list[before--]!);
  return seen;
}

/** Inserts `j` into `best` (kept sorted by `better`, at most `size` long) if it belongs there. */
function keepBest(best: number[], j: number, size: number, better: (a: number, b: number) => number): void {
  if (best.length === size && better(j, best[size - 1]!) >= 0) return;
  let at = best.length === size ? size - 1 : best.length;
  while (at > 0 && better(j, best[at - 1]!) < 0) {
    best[at] = best[at - 1]!;
    at--;
  }
  best[at] = j;
}

/** Small integers for strings, in order of first appearance: the inner loops compare numbers. */
function interner(): { code: (key: string) => number; keys: string[] } {
  const codes = new Map<string, number>();
  const keys: string[] = [];
  const code = (key: string) => {
    let c = codes.get(key);
    if (c === undefined) codes.set(key, (c = keys.push(key) - 1));
    return c;
  };
  return { code, keys };
}

/** Related cases of every case, by id. Cases with a duplicate id are taken once (the first). */
export function relatedCases(input: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedCase[]> {
  const min = options.min ?? RELATED_MIN;
  const max = options.max ?? RELATED_MAX;
  const window = options.window ?? RELATED_WINDOW;
  const stats = options.stats ?? { visits: 0 };

  const seenIds = new Set<string>();
  const cases = input.filter((c) => !seenIds.has(c.id) && seenIds.add(c.id));
  const n = cases.length;
  const provinceCode = interner();
  const levelCode = interner();
  const measureCode = interner();
  const province = Int32Array.from(cases, (c) => provinceCode.code(c.province));
  const level = Int32Array.from(cases, (c) => levelCode.code(c.level));
  const measures = cases.map((c) => Int32Array.from(new Set(c.measures), measureCode.code));
  const measureIds = measureCode.keys;
  const idRank = new Int32Array(n);
  cases
    .map((_, i) => i)
    .sort((a, b) => byCodePoint(cases[a]!.id, cases[b]!.id))
    .forEach((i, r) => (idRank[i] = r));
  // Province, level, id: neighbours in this order are the cases the tie-breaks prefer.
  const order = cases
    .map((_, i) => i)
    .sort((a, b) => byCodePoint(cases[a]!.province, cases[b]!.province) || byCodePoint(cases[a]!.level, cases[b]!.level) || idRank[a]! - idRank[b]!);
  const rank = new Int32Array(n);
  order.forEach((i, r) => (rank[i] = r));

  // The inverted index. Rarity first: it decides how each list is ordered.
  const postings: number[][] = measureIds.map(() => []);
  for (const i of order) for (const m of measures[i]!) postings[m]!.push(i);
  const weight = Float64Array.from(postings, (list) => rarityWeight(n, list.length));
  const rarestFirst = (a: number, b: number) => postings[a]!.length - postings[b]!.length || byCodePoint(measureIds[a]!, measureIds[b]!);
  const byRarity = measures.map((ms) => [...ms].sort(rarestFirst));
  const rarityRank = new Int32Array(measureIds.length);
  measureIds
    .map((_, m) => m)
    .sort(rarestFirst)
    .forEach((m, r) => (rarityRank[m] = r));
  const rarityTuples = byRarity.map((ms) => Int32Array.from(ms, (m) => rarityRank[m]!));
  // Each list of measure m is ordered by its cases' other measures, rarest first, then by
  // province, level and id: a case's neighbours in the list share its rarest other measures,
  // the ones that weigh most, and among those, its province and level.
  postings.forEach((list, m) => {
    const skip = rarityRank[m]!;
    list.sort((a, b) => {
      const ta = rarityTuples[a]!;
      const tb = rarityTuples[b]!;
      for (let x = 0, y = 0; ; x++, y++) {
        if (ta[x] === skip) x++;
        if (tb[y] === skip) y++;
        if (x >= ta.length || y >= tb.length) return x >= ta.length && y >= tb.length ? rank[a]! - rank[b]! : x >= ta.length ? -1 : 1;
        if (ta[x] !== tb[y]) return ta[x]! - tb[y]!;
      }
    });
  });
  /** Where each case stands in the list of each of its measures. */
  const positions = measures.map((ms) => new Int32Array(ms.length));
  postings.forEach((list, m) => list.forEach((i, at) => (positions[i]![measures[i]!.indexOf(m)] = at)));

  const result = new Map<string, RelatedCase[]>();
  // Scores of the current case's candidates, reset after each case through `touched`.
  const score = new Float64Array(n);
  const touched: number[] = [];
  let visits = 0;
  // The callbacks are made once, not per case: 30,000 cases would otherwise feed the garbage
  // collector a few hundred thousand closures. They read the case being ranked from `i`.
  let i = 0;
  let weightOfList = 0;
  const addScore = (j: number) => {
    if (score[j] === 0) touched.push(j);
    score[j]! += weightOfList;
  };
  const closer = (a: number, b: number) =>
    Number(province[b] === province[i]) - Number(province[a] === province[i]) ||
    Number(level[b] === level[i]) - Number(level[a] === level[i]) ||
    idRank[a]! - idRank[b]!;
  const better = (a: number, b: number) => score[b]! - score[a]! || closer(a, b);
  for (i = 0; i < n; i++) {
    const ms = measures[i]!;
    for (let k = 0; k < ms.length; k++) {
      weightOfList = weight[ms[k]!]!;
      visits += walkAround(postings[ms[k]!]!, positions[i]![k]!, window, addScore);
    }
    const chosen: number[] = [];
    for (const j of touched) keepBest(chosen, j, max, better);
    for (const j of touched) score[j] = 0;
    touched.length = 0;
    if (chosen.length < min) {
      // Nothing (or too little) shared: the cases nearest in the province, level, id order.
      const nearby: number[] = [];
      visits += walkAround(order, rank[i]!, window, (j) => {
        if (!chosen.includes(j)) keepBest(nearby, j, min - chosen.length, closer);
      });
      chosen.push(...nearby);
    }
    // A windowed walk may have seen a candidate in some of the shared lists only; name them all.
    result.set(
      cases[i]!.id,
      chosen.map((j) => ({ id: cases[j]!.id, shared: byRarity[i]!.filter((m) => measures[j]!.includes(m)).map((m) => measureIds[m]!) })),
    );
  }
  stats.visits += visits;
  return result;
}
