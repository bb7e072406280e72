/**
 * Keeps the handout, the comparison and the pages of unused measures out of the sitemap. @astrojs/sitemap's
 * `filter` is synchronous and runs when the build is done; which measures are unused is worked
 * out from the case files once, when the build starts, so the config itself reads no content.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { SITE } from '../config.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';
import { inSitemap, unusedMeasureIds } from '../lib/sitemap.ts';

export function sitemapScope(base: string): { filter: (page: string) => boolean; integration: AstroIntegration } {
  let unused: readonly string[] | undefined;
  return {
    filter: (page) => {
      // The hook below always runs first; a failed build is better than a sitemap of empty pages.
      if (unused === undefined) throw new Error('网站地图：尚未统计措施的使用情况（sitemapScope 的集成没有运行）');
      return inSitemap(page, base, unused);
    },
    integration: {
      name: 'casebook-sitemap-scope',
      hooks: {
        'astro:build:start': async () => {
          unused = await unusedMeasureIds(resolve(PROJECT_ROOT, SITE.casesDir));
        },
      },
    },
  };
}
