/** Proposes measures for an article from the `keywords` of content/measures.yaml. */
import type { Measure } from '../../schema/vocabulary.ts';

export interface MeasureMatch {
  id: string;
  name: string;
  /** Keywords found, each with how often it occurs. */
  keywords: { keyword: string; count: number }[];
  score: number;
}

const occurrences = (text: string, word: string): number => (word ? text.split(word).length - 1 : 0);

/** Measures whose keywords occur in the text, most mentioned first. */
export function matchMeasures(text: string, measures: readonly Measure[]): MeasureMatch[] {
  return measures
    .map((m) => {
      const keywords = m.keywords.map((keyword) => ({ keyword, count: occurrences(text, keyword) })).filter((k) => k.count > 0);
      // Distinct keywords weigh more than one keyword repeated.
      const score = keywords.length * 2 + keywords.reduce((sum, k) => sum + Math.min(k.count, 5), 0);
      return { id: m.id, name: m.name, keywords, score };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
