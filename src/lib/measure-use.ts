/**
 * Which measures of the vocabulary the published cases use, and how often. A measure no case
 * uses has nothing to show: its page would be empty, a facet for it could never narrow a
 * search, and a sitemap entry would send crawlers to that empty page. Pages, facets, the
 * sitemap and the link check all ask this one function, so they agree on what is "used".
 */

export interface MeasureUse {
  /** Cases per measure id, for every measure of the vocabulary (0 when unused), in vocabulary order. */
  counts: ReadonlyMap<string, number>;
  /** Ids with at least one case, in vocabulary order. */
  used: readonly string[];
  /** Ids with no case, in vocabulary order. */
  unused: readonly string[];
}

/**
 * Counts each vocabulary measure over the given cases' measure lists. Pass published cases
 * only: a draft does not make a measure's page worth publishing. A case that lists a measure
 * twice counts once; ids outside the vocabulary are ignored (the schema refuses them).
 */
export function measureUse(measureLists: Iterable<readonly string[]>, vocabulary: readonly { readonly id: string }[]): MeasureUse {
  const counts = new Map<string, number>(vocabulary.map((m) => [m.id, 0]));
  for (const list of measureLists) {
    for (const id of new Set(list)) {
      const n = counts.get(id);
      if (n !== undefined) counts.set(id, n + 1);
    }
  }
  const ids = vocabulary.map((m) => m.id);
  return { counts, used: ids.filter((id) => counts.get(id)! > 0), unused: ids.filter((id) => counts.get(id) === 0) };
}

/** How many measures at most a case page shows as 主要措施; the rest are 其他措施. */
export const MAX_PRIMARY_MEASURES = 3;

/**
 * A case's measures split into 主要措施 and 其他措施, in the order written (most important
 * first). `primaryMeasures` says how many lead; without it the first three do (all, if fewer).
 */
export function splitMeasures(c: { measures: readonly string[]; primaryMeasures?: number | undefined }): { primary: string[]; other: string[] } {
  const n = c.primaryMeasures ?? Math.min(MAX_PRIMARY_MEASURES, c.measures.length);
  return { primary: c.measures.slice(0, n), other: c.measures.slice(n) };
}
