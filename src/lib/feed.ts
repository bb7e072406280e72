/**
 * RSS items for cases. Feed readers show an item's description as HTML, so text from a case
 * is escaped for HTML before @astrojs/rss escapes it again for XML: a summary that reads
 * `<img onerror=…>` reaches the reader as those characters, not as an element.
 */
import type { CaseData } from '../schema/case.ts';
import { caseUrl } from './urls.ts';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function feedItem(data: CaseData) {
  return {
    title: data.title,
    description: escapeHtml(data.summary),
    link: caseUrl(data.id),
    pubDate: new Date(`${data.source.date}T00:00:00Z`),
    categories: [data.region.province, `${data.year}年`],
  };
}
