// The bare stack the casebook's build is measured against (issue 13): Astro 7 and its MDX
// integration with nothing else, one plain page per case. scripts/bench/bare-astro-build.ts
// sets the corpus and output folders.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  outDir: process.env['BARE_OUT'],
  cacheDir: process.env['BARE_CACHE'],
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
