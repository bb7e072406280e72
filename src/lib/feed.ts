/**
 * RSS items for cases. Feed readers show an item's description as HTML, so text from a case
 * is escaped for HTML before @astrojs/rss escapes it again for XML: a summary that reads
 * `<img onerror=…>` reaches the reader as those characters, not as an element.
 */
import type { CaseData } from '../schema/case.ts';
import { caseUrl } from './urls.ts';
import { escapeHtml } from './html.ts';

export function feedItem(data: CaseData) {
  return {
    title: data.title,
    description: escapeHtml(data.summary),
    link: caseUrl(data.id),
    // The day the case joined the casebook, not its source's date (src/lib/provenance.ts).
    pubDate: new Date(`${data.added ?? data.source.date}T00:00:00Z`),
    categories: [data.region.province, `${data.year}年`],
  };
}
