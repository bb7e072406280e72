import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromRoot } from '../../src/lib/paths.ts';
import { casebook } from '../../src/integrations/casebook.ts';
import { CONTENT_DATA_META, DATA_STORE_FILE, DATA_STORE_MODULE_ID, moduleReadingStore, storeOutsideBundlePlugin } from '../../src/lib/data-store-module.ts';

/** The module as Astro writes it (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const astroModule = (text: string) => `export default JSON.parse(${JSON.stringify(text)})`;
/** What a module's default export evaluates to (with `readFileSync` for the module that reads a file). */
const evaluate = (code: string): unknown => new Function('readFileSync', code.replace(/^import .*\n/, '').replace(/^export default /, 'return '))(readFileSync);

type LoadHook = { order: string; filter: { id: RegExp }; handler: () => { code: string; meta: unknown } | null };

describe('the content store kept out of the bundle', () => {
  // Chinese, quotes, backslashes, line breaks and a character outside the BMP.
  const entry = ['cases', { title: '康桥村“强村公司”\\试点', body: '第一段\n第二段 𠮷𠮷𠮷 "引号"' }];
  const store = JSON.stringify(Array.from({ length: 40 }, () => entry));

  it('loads the store module, before Astro does, as code that reads the same store Astro would have quoted', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'store-')), 'data-store.json');
    writeFileSync(file, store);
    const load = storeOutsideBundlePlugin(file).load as unknown as LoadHook;
    expect(load.order).toBe('pre');
    expect(load.filter.id.test(DATA_STORE_MODULE_ID)).toBe(true);
    expect(load.filter.id.test(`${DATA_STORE_MODULE_ID}-chunk:0123456789abcdef.txt`)).toBe(false);
    const loaded = load.handler()!;
    expect(loaded.code).toBe(moduleReadingStore(file));
    // The code stays small whatever the store's size: the bundler never sees the store.
    expect(loaded.code.length).toBeLessThan(200);
    expect(evaluate(loaded.code)).toEqual(evaluate(astroModule(store)));
    // The same mark as Astro's own module (its code names only the file, so page hashes would not change without it either).
    expect(loaded.meta).toEqual(CONTENT_DATA_META);
  });

  it('leaves the module to Astro while no store has been written', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'store-')), 'data-store.json');
    expect((storeOutsideBundlePlugin(file).load as unknown as LoadHook).handler()).toBeNull();
  });

  it('marks the module as Astro itself does', () => {
    // The mark is Astro's internal convention; read from its source so an upgrade that changes it fails here.
    const source = readFileSync(fromRoot('node_modules', 'astro', 'dist', 'core', 'build', 'incremental-metadata.js'), 'utf8');
    const [, key] = /ASTRO_INCREMENTAL_META_KEY = "([^"]+)"/.exec(source)!;
    const [, kind] = /kind: "([^"]+)"/.exec(source)!;
    expect(CONTENT_DATA_META).toEqual({ [key!]: { kind } });
  });
});

describe('where the casebook integration points the store module', () => {
  /** The store modules the integration's setup adds for a command, in a site folder holding both store files. */
  const setup = (command: string, collectionStorage: unknown) => {
    const root = mkdtempSync(join(tmpdir(), 'site-'));
    for (const dir of ['cache', '.astro']) {
      mkdirSync(join(root, dir));
      writeFileSync(join(root, dir, DATA_STORE_FILE), '[]');
    }
    const plugins: { name: string; load: LoadHook }[] = [];
    const hook = casebook().hooks['astro:config:setup'] as unknown as (options: unknown) => void;
    hook({
      command,
      config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(join(root, 'cache/')), experimental: { collectionStorage } },
      updateConfig: (config: { vite: { plugins: typeof plugins } }) => plugins.push(...config.vite.plugins),
    });
    return { root, modules: plugins.map((plugin) => plugin.load.handler()?.code) };
  };

  it('reads the store file of a build from its cache folder, and the dev server’s from .astro/', () => {
    const build = setup('build', 'single-file');
    expect(build.modules).toEqual([moduleReadingStore(join(build.root, 'cache', DATA_STORE_FILE))]);
    const dev = setup('dev', 'single-file');
    expect(dev.modules).toEqual([moduleReadingStore(join(dev.root, '.astro', DATA_STORE_FILE))]);
  });

  it('leaves the store to Astro under its chunked storage, which writes no single file', () => {
    expect(setup('build', 'chunked').modules).toEqual([]);
    expect(setup('dev', { type: 'chunked', chunkSize: 1024 }).modules).toEqual([]);
  });
});
