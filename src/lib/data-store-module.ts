/**
 * Astro bundles the whole content store (every case with its rendered body: 151 MB at 10,000
 * cases) as one module, `export default JSON.parse("…")`, with the store as a single string
 * literal. V8 compiles a string literal in time that grows with the square of its length: on
 * Node 22, importing that module took 86 s at 10,000 cases, 3.8 s at 2,000 and 0.6 s at 1,000,
 * while the same text cut into literals of a million characters each, joined at run time,
 * imports in 6.5 s. So the build rewrites the module that way; the value is the same string.
 */
import type { Plugin } from 'vite';

/** Astro's resolved id of the content store module (astro/dist/content/consts.js). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/** Characters per literal: V8 compiles a million-character literal in milliseconds. */
export const LITERAL_LENGTH = 1_000_000;

/**
 * The store module with its one literal cut into pieces of at most `length` characters, or
 * null when the code is not the single-literal form this was written for (then Astro's own
 * code stands, only slower).
 */
export function splitStoreLiteral(code: string, length = LITERAL_LENGTH): string | null {
  if (!code.startsWith(PREFIX) || !code.endsWith(SUFFIX)) return null;
  let text: unknown;
  try {
    text = JSON.parse(code.slice(PREFIX.length, -SUFFIX.length));
  } catch {
    return null;
  }
  if (typeof text !== 'string' || text.length <= length) return null;
  const pieces: string[] = [];
  // A cut may fall inside a surrogate pair; each half is written as an escape and joins back.
  for (let start = 0; start < text.length; start += length) pieces.push(JSON.stringify(text.slice(start, start + length)));
  return `${PREFIX}[${pieces.join(',\n')}].join(''))`;
}

/** The Vite plugin that applies splitStoreLiteral to Astro's content store module. */
export function splitStoreLiteralPlugin(): Plugin {
  return {
    name: 'casebook:split-store-literal',
    transform: {
      filter: { id: new RegExp(`^${DATA_STORE_MODULE_ID}$`) },
      handler(code) {
        const split = splitStoreLiteral(code);
        // After an Astro upgrade that changed the module's form the build still works, only slower.
        if (split === null && code.length > LITERAL_LENGTH)
          this.warn('内容库模块的格式与预期不同，未能拆分；构建仍然正确，但大语料下会更慢（见 src/lib/data-store-module.ts）');
        return split === null ? null : { code: split, map: { mappings: '' } };
      },
    },
  };
}
