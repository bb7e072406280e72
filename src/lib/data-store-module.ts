/**
 * Astro hands the whole content store (every case with its rendered body: 76 MB at 10,000
 * cases) to the bundler as one module, `export default JSON.parse("…")`, with the store as a
 * single string literal. Bundling that literal was half the bundler's time (at 10,000 cases,
 * 12 s with it and 6 s without, in a rebuild after one case changed as in a cold build), and
 * V8 compiles a string literal in time that grows with the square of its length (86 s to
 * import at 10,000 cases, until the build cut the literal into pieces of a million
 * characters). So the module's text is written to a file beside the build's cache, and the
 * module reads that file when it runs: the bundler never sees the store, and the value is the
 * same string parsed the same way.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Plugin } from 'vite';

/** Astro's resolved id of the content store module (astro/dist/content/consts.js). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/**
 * The store's text from Astro's module, or null when the code is not the single-literal form
 * this was written for (then Astro's own code stands, only slower).
 */
export function storeText(code: string): string | null {
  if (!code.startsWith(PREFIX) || !code.endsWith(SUFFIX)) return null;
  try {
    const text: unknown = JSON.parse(code.slice(PREFIX.length, -SUFFIX.length));
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/** A module whose default export is the JSON in `file`, parsed when the module runs. */
export const moduleReadingStore = (file: string): string =>
  `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;

/** The Vite plugin that moves Astro's content store out of the bundle into `file`. */
export function storeOutsideBundlePlugin(file: string): Plugin {
  return {
    name: 'casebook:store-outside-bundle',
    transform: {
      filter: { id: new RegExp(`^${DATA_STORE_MODULE_ID}$`) },
      handler(code) {
        const text = storeText(code);
        if (text === null) {
          // After an Astro upgrade that changed the module's form the build still works, only slower.
          if (code.length > 1_000_000) this.warn('内容库模块的格式与预期不同，未能移出打包；构建仍然正确，但大语料下会更慢（见 src/lib/data-store-module.ts）');
          return null;
        }
        // Written whole under another name first: a build killed meanwhile leaves the last file as it was.
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(`${file}.writing-${process.pid}`, text);
        renameSync(`${file}.writing-${process.pid}`, file);
        return { code: moduleReadingStore(file), map: { mappings: '' } };
      },
    },
  };
}
