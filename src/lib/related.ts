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
 * The lists are ordered by province, level and id, so those neighbours are the cases of the
 * same province and level first: the ones the tie-breaks prefer anyway. Each case thus visits
 * at most measures × window candidates, whatever the size of the casebook — the whole build
 * is O(N·k) for N cases of at most k measures (plus one sort of the N cases). A list no longer
 * than the window is walked whole, so a casebook of a few hundred cases is ranked exactly.
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
 * Neighbours visited per measure. Large enough that a case sharing two or three measures with
 * this one in its province is found, small enough that 10,000 cases rank in well under a second.
 */
export const RELATED_WINDOW = 64;

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

  // The inverted index, each list in `order`, and where each case stands in each of its lists.
  const postings: number[][] = measureIds.map(() => []);
  const positions = measures.map((ms) => new Int32Array(ms.length));
  for (const i of order) measures[i]!.forEach((m, k) => (positions[i]![k] = postings[m]!.push(i) - 1));
  const weight = Float64Array.from(postings, (list) => rarityWeight(n, list.length));
  const rarestFirst = (a: number, b: number) => postings[a]!.length - postings[b]!.length || byCodePoint(measureIds[a]!, measureIds[b]!);
  const byRarity = measures.map((ms) => [...ms].sort(rarestFirst));

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
