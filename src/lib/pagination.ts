/**
 * Numbered paging for the listing pages. Astro's paginate() makes the pages; this decides which
 * page numbers a page links to, so that a 200-page listing shows a short, stable row of links.
 */

/** A page number to link, or `null` where numbers are left out (shown as …). */
export type PageLink = number | null;

/**
 * The first and last page, the current one and `around` pages on each side of it; gaps of one
 * page are filled in rather than shown as …, which would save nothing.
 */
export function pageLinks(current: number, last: number, around = 2): PageLink[] {
  const shown = new Set<number>([1, last]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous === 2) links.push(n - 1);
    else if (previous !== undefined && n - previous > 2) links.push(null);
    links.push(n);
  });
  return links;
}

/** Site-relative path of page `n` of a listing whose first page is at `first` ('measures/x/'). */
export const pagePath = (first: string, n: number): string => (n === 1 ? first : `${first}${n}/`);
