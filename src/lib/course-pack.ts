/**
 * What a 专题 page works out from its cases: the link that opens them as a course pack on the
 * handout page, and the class hours of the whole collection.
 */

/**
 * The handout page with these cases, in this order, under this title (`handoutPath` is the
 * base-aware path of /handout/). The handout page opens such a link as a preview that can be
 * saved as a named handout, printed or exported to Word.
 */
export function coursePackUrl(handoutPath: string, ids: readonly string[], title: string): string {
  // Case ids are ASCII (CASE_ID_PATTERN), so the list needs no encoding and stays readable.
  return `${handoutPath}?ids=${ids.join(',')}&title=${encodeURIComponent(title)}`;
}

export interface CollectionHours {
  hours: number;
  /** Where the figure comes from: the collection's own `hours`, or the cases' teaching notes. */
  from: 'collection' | 'cases';
  /** Cases whose teaching notes give no hours (only when adding up the cases). */
  without: number;
}

/**
 * The collection's hours as its file states them; otherwise the sum of its cases' teaching
 * hours, saying how many cases gave none; undefined when neither gives any.
 */
export function collectionHours(stated: number | undefined, caseHours: readonly (number | undefined)[]): CollectionHours | undefined {
  if (stated !== undefined) return { hours: stated, from: 'collection', without: 0 };
  const known = caseHours.filter((h): h is number => h !== undefined);
  if (known.length === 0) return undefined;
  return { hours: known.reduce((a, b) => a + b, 0), from: 'cases', without: caseHours.length - known.length };
}

/** 共10课时 / 共6课时（另有1个案例未定课时）, as the pages print it. */
export function hoursText(h: CollectionHours): string {
  return `共${h.hours}课时${h.without > 0 ? `（另有${h.without}个案例未定课时）` : ''}`;
}
