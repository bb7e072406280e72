/**
 * Used by `npm run build` (scripts/build.ts), which always builds into a fresh staging folder:
 * the pages Astro can skip are hard links to the published version (src/lib/reuse-pages.ts)
 * instead of copies from Astro's cache. Astro must therefore not empty the output folder, which
 * is fresh anyway.
 */
import type { AstroConfig, AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { linkPages, previousPages, reusableVersion, reusingPrerenderer } from '../lib/reuse-pages.ts';

export function reusePublishedPages(published: string | undefined): AstroIntegration {
  let config: AstroConfig;
  return {
    name: 'casebook:reuse-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const cacheDir = fileURLToPath(config.cacheDir);
        const from = reusableVersion(cacheDir, published);
        if (!from) return;
        const staging = fileURLToPath(config.outDir);
        const started = performance.now();
        const linked = linkPages(from, staging, previousPages(cacheDir));
        logger.info(`从已发布的网站链接了 ${linked.size} 个页面（没变的页面不再复制），用时 ${Math.round(performance.now() - started)} ms`);
        setPrerenderer((inner) => reusingPrerenderer(inner, { staging, base: config.base, linked }));
      },
    },
  };
}
