// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { casebook } from './src/integrations/casebook.ts';
import { inSitemap } from './src/lib/sitemap.ts';

const base = process.env.CASEBOOK_BASE ?? '/';

export default defineConfig({
  // The one place the sub-path is set; every link, the search bundle and feeds derive from it.
  // CASEBOOK_BASE lets a deployment (and the sub-path tests) move the site without editing code.
  base,
  // Unset (or empty), a local preview: feeds and the sitemap point at localhost, and the build says so.
  site: process.env.CASEBOOK_SITE || 'http://localhost:4321',
  trailingSlash: 'always',
  // Sätteri, Astro 7's default, leaves `**注意：**正文` unbolded; remark with the CJK-friendly
  // emphasis rules renders it as Chinese writers expect.
  // Case bodies never reach this processor (src/lib/render-body.ts renders them); it serves the
  // project's own Markdown and MDX pages.
  markdown: { processor: unified({ remarkPlugins: [remarkCjkFriendly] }) },
  // The sitemap leaves out the handout and the comparison, a reader's own selections.
  integrations: [mdx(), sitemap({ filter: (page) => inSitemap(page, base) }), casebook()],
  devToolbar: { enabled: false },
  vite: {
    server: {
      watch: {
        // Built sites and benchmark corpora hold hundreds of thousands of files: watching them
        // uses up the system's file watchers, and the dev server then misses an editor's edits.
        ignored: ['**/dist/**', '**/.dist-versions/**', '**/.tmp/bench/**', '**/.tmp/large-build/**'],
        // A save can empty a file before writing its text, and chokidar drops a second change to
        // the same file within 50 ms: the loader would check the empty file and never see the text.
        // A change is reported once the file's size has held for 100 ms.
        awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 20 },
      },
    },
  },
  // A rebuild renders again only the pages whose code or data changed: every page with many
  // siblings (cases, listings, per-case JSON) returns a cache key from src/lib/page-cache.ts.
  experimental: { incrementalBuild: true },
});
