/**
 * The markup of one case in a result list and of the page links under a list, written once
 * and used both by the pages Astro renders (CaseList.astro, Pagination.astro) and by the
 * results the browser renders (src/client/finder.ts), so the two cannot drift apart.
 */
import { escapeHtml } from './html.ts';
import { pageLinks } from './pagination.ts';

export interface ResultItem {
  /**
   * The case id, for the per-case buttons (caseActionsHtml). Left out where a list needs none:
   * the 相关案例 under a case, whose page has one 加入讲义 and 加入对比, for the case itself.
   */
  id?: string;
  url: string;
  title: string;
  /** Region · level · year, as plain text. */
  meta: string;
  /** The summary or an excerpt, as HTML that is already escaped (an excerpt carries <mark>). */
  textHtml: string;
  /** The measure links shown under the item. */
  tags: readonly { href: string; name: string }[];
  /** What the tag list is called for screen readers (主要措施, 措施). */
  tagsLabel: string;
  headingLevel: 2 | 3;
}

/**
 * Where per-case buttons that need JavaScript go (加入讲义, 加入对比):
 * empty in the HTML, so nothing shows without JavaScript; src/client/case-actions.ts fills it,
 * in lists the server renders, lists the browser renders and on the case page alike.
 */
export const caseActionsHtml = (id: string): string => `<div class="case-actions no-print" data-case-id="${escapeHtml(id)}"></div>`;

/** The inside of the item's <li>. */
export function resultItemHtml(item: ResultItem): string {
  const h = `h${item.headingLevel}`;
  const tags = item.tags.map((t) => `<li><a href="${escapeHtml(t.href)}">${escapeHtml(t.name)}</a></li>`).join('');
  return (
    `<${h}><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></${h}>` +
    `<p class="meta">${escapeHtml(item.meta)}</p><p class="excerpt">${item.textHtml}</p>` +
    (tags ? `<ul class="tags" aria-label="${escapeHtml(item.tagsLabel)}">${tags}</ul>` : '') +
    (item.id ? caseActionsHtml(item.id) : '')
  );
}

/**
 * The inside of a pager's <nav>: 上一页, numbered links with the current page marked, 下一页.
 * Every link carries data-page, which the browser's results use to turn pages without a reload.
 */
export function pagerHtml(current: number, last: number, href: (page: number) => string): string {
  const link = (page: number, label: string, rel?: 'prev' | 'next') =>
    `<a href="${escapeHtml(href(page))}" data-page="${page}"${rel ? ` rel="${rel}"` : ''}${page === current && !rel ? ' aria-current="page"' : ''}>${label}</a>`;
  const items = pageLinks(current, last).map((n) => (n === null ? '<li aria-hidden="true">…</li>' : `<li>${link(n, String(n))}</li>`));
  if (current > 1) items.unshift(`<li>${link(current - 1, '上一页', 'prev')}</li>`);
  if (current < last) items.push(`<li>${link(current + 1, '下一页', 'next')}</li>`);
  return `<ul>${items.join('')}</ul>`;
}
