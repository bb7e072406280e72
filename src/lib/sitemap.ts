/**
 * What the sitemap leaves out: pages a search engine should not send readers to. The handout
 * and compare pages are a reader's own selection, empty for a visitor arriving from a search.
 * (A measure no published case uses gets no page at all, so it needs no rule here.)
 */

/** Whether a page belongs in the sitemap; `page` is the absolute URL @astrojs/sitemap passes. */
export function inSitemap(page: string, base: string): boolean {
  const root = base.replace(/\/?$/, '/');
  const path = new URL(page).pathname;
  const left = new Set([`${root}handout/`, `${root}compare/`]);
  return !left.has(path.endsWith('/') ? path : `${path}/`);
}
