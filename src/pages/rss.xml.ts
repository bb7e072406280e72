/** RSS feed of the newest cases, so training centres can follow additions. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE } from '../config.ts';
import { publishedCases } from '../lib/cases.ts';
import { url } from '../lib/urls.ts';
import { feedItem } from '../lib/feed.ts';
import { compareAdded } from '../lib/sorting.ts';

export async function GET(context: APIContext) {
  const cases = await publishedCases();
  return rss({
    title: SITE.title,
    description: SITE.description,
    // The channel links to the casebook's home under its base; item links are base-aware already.
    site: new URL(url(), context.site ?? 'http://localhost:4321').href,
    customData: '<language>zh-cn</language>',
    items: cases
      .map((c) => c.data)
      .sort(compareAdded)
      .slice(0, 50)
      .map((data) => feedItem(data)),
  });
}
