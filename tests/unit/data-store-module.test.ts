import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moduleReadingStore, storeText } from '../../src/lib/data-store-module.ts';

/** The module as Astro writes it (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const astroModule = (text: string) => `export default JSON.parse(${JSON.stringify(text)})`;
/** What a module's default export evaluates to (with `readFileSync` for the module that reads a file). */
const evaluate = (code: string): unknown => new Function('readFileSync', code.replace(/^import .*\n/, '').replace(/^export default /, 'return '))(readFileSync);

describe('the content store kept out of the bundle', () => {
  // Chinese, quotes, backslashes, line breaks and a character outside the BMP.
  const entry = ['cases', { title: '康桥村“强村公司”\\试点', body: '第一段\n第二段 𠮷𠮷𠮷 "引号"' }];
  const store = JSON.stringify(Array.from({ length: 40 }, () => entry));

  it('reads back the same store as Astro’s one literal', () => {
    const text = storeText(astroModule(store));
    expect(text).toBe(store);
    const file = join(mkdtempSync(join(tmpdir(), 'store-')), 'store.json');
    writeFileSync(file, text!);
    expect(evaluate(moduleReadingStore(file))).toEqual(evaluate(astroModule(store)));
  });

  it('leaves any other form of module as Astro wrote it', () => {
    expect(storeText('export default new Map()')).toBeNull();
    expect(storeText(`export default {"cases":[(await import("astro:data-layer-content-chunk:0123456789abcdef.txt"))]}`)).toBeNull();
    expect(storeText('export default JSON.parse(not + json)')).toBeNull();
    expect(storeText('export default JSON.parse(42)')).toBeNull();
  });
});
