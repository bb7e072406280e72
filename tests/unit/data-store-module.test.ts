import { describe, expect, it } from 'vitest';
import { splitStoreLiteral } from '../../src/lib/data-store-module.ts';

/** The module as Astro writes it (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const astroModule = (text: string) => `export default JSON.parse(${JSON.stringify(text)})`;
/** What the module's default export evaluates to. */
const evaluate = (code: string): unknown => new Function(code.replace(/^export default /, 'return '))();

describe('the content store module split into short literals', () => {
  // Chinese, quotes, backslashes, line breaks and a character outside the BMP, so cuts fall
  // inside escapes' sources and between the halves of a surrogate pair.
  const entry = ['cases', { title: '康桥村“强村公司”\\试点', body: '第一段\n第二段 𠮷𠮷𠮷 "引号"' }];
  const store = JSON.stringify(Array.from({ length: 40 }, () => entry));

  it('evaluates to the same store as Astro’s one literal', () => {
    for (const length of [1, 2, 7, 100]) {
      const split = splitStoreLiteral(astroModule(store), length);
      expect(split).not.toBeNull();
      expect(evaluate(split!)).toEqual(evaluate(astroModule(store)));
    }
  });

  it('writes no literal longer than asked', () => {
    const split = splitStoreLiteral(astroModule(store), 100)!;
    const literals = JSON.parse(split.slice('export default JSON.parse('.length, -".join(''))".length)) as string[];
    expect(literals.length).toBe(Math.ceil(store.length / 100));
    expect(Math.max(...literals.map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('leaves a short store and any other form of module as Astro wrote it', () => {
    expect(splitStoreLiteral(astroModule('[]'), 100)).toBeNull();
    expect(splitStoreLiteral('export default new Map()', 1)).toBeNull();
    expect(splitStoreLiteral(`export default {"cases":[(await import("astro:data-layer-content-chunk:0123456789abcdef.txt"))]}`, 1)).toBeNull();
    expect(splitStoreLiteral('export default JSON.parse(not + json)', 1)).toBeNull();
  });
});
