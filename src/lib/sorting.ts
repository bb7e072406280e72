/** Ordering of cases and names, by Chinese conventions. */
const collator = new Intl.Collator('zh-CN');

export const compareChinese = (a: string, b: string): number => collator.compare(a, b);

interface Sortable {
  year: number;
  title: string;
  region: { code: string };
}

/** Newest work first; within a year by region code (north to south-west, as GB/T 2260 orders), then title. */
export function compareCases(a: Sortable, b: Sortable): number {
  return b.year - a.year || a.region.code.localeCompare(b.region.code) || compareChinese(a.title, b.title);
}

/** By region code first, for the "sort by region" view. */
export function compareByRegion(a: Sortable, b: Sortable): number {
  return a.region.code.localeCompare(b.region.code) || b.year - a.year || compareChinese(a.title, b.title);
}

/**
 * Newest additions first: by the date a case joined the casebook (`added`, filled in by the
 * loader), not by its source's date, so a case added today with a 2003 source is news.
 */
export function compareAdded(a: Sortable & { added?: string | undefined }, b: Sortable & { added?: string | undefined }): number {
  return (b.added ?? '').localeCompare(a.added ?? '') || compareCases(a, b);
}
