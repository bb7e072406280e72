/**
 * Astro hands the whole content store (every case with its rendered body: 76 MB at 10,000
 * cases) to the bundler as one module, `export default JSON.parse("…")`, with the store as a
 * single string literal. Bundling that literal was half the bundler's time (at 10,000 cases,
 * 12 s with it and 6 s without), and V8 compiles a string literal in time that grows with the
 * square of its length (86 s to import at 10,000 cases). So this plugin loads the module itself,
 * before Astro's plugin does: its code reads the store file Astro's content sync has just
 * written when it runs. The bundler never sees the store, the value is the same string parsed
 * the same way, and nobody reads, checks, quotes and writes 76 MB on the way (4.5 s of each
 * 10,000-case build when the module was still made by Astro and then rewritten). In a build the
 * code does not even read the file: it takes the store the sync filled in the same process
 * (shared-content-store.ts).
 */
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { SHARED_STORE_EXPRESSION } from './shared-content-store.ts';

/** Astro's resolved id of the content store module (astro/dist/content/consts.js). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/** The store file Astro's content sync writes (getDataStoreFile, astro/dist/content/paths.js): `.astro/` in dev, the cache folder in a build. */
export const DATA_STORE_FILE = 'data-store.json';

/**
 * The mark Astro gives the module (createContentDataIncrementalMetadata,
 * astro/dist/core/build/incremental-metadata.js): its incremental build leaves content data out
 * of the pages' code hashes and follows each page's entries instead. This module's code names
 * only the file, so it would not change those hashes anyway; the mark keeps it what Astro takes
 * it for.
 */
export const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } } as const;

/**
 * A module whose default export is, in `astro build`, the store the content sync filled in this
 * process (shared-content-store.ts), and otherwise the JSON in `file`, parsed when the module runs.
 */
export const moduleReadingStore = (file: string): string =>
  `import { readFileSync } from 'node:fs';\nexport default ${SHARED_STORE_EXPRESSION} ?? JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;

/** The Vite plugin that loads Astro's content store module from `storeFile` instead of bundling it. */
export function storeOutsideBundlePlugin(storeFile: string): Plugin {
  return {
    name: 'casebook:store-outside-bundle',
    load: {
      // Before Astro's own load of the same id, which would read the whole store to quote it.
      order: 'pre',
      filter: { id: new RegExp(`^${DATA_STORE_MODULE_ID}$`) },
      handler() {
        // No store yet (no content synced): Astro's own module, an empty store.
        if (!existsSync(storeFile)) return null;
        return { code: moduleReadingStore(storeFile), map: { mappings: '' }, meta: CONTENT_DATA_META };
      },
    },
  };
}
