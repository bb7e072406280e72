import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as devalue from 'devalue';
import type { LoaderContext } from 'astro/loaders';
import { fromRoot } from '../../src/lib/paths.ts';
import { closeSharedStores, openSharedStores, shareStores, sharedStoreSnapshot } from '../../src/lib/shared-content-store.ts';
import { moduleReadingStore } from '../../src/lib/data-store-module.ts';

/** Astro's own store (not exported by the package, so imported from its file): the test compares with what it writes. */
type AstroStore = { scopedStore(name: string): LoaderContext['store']; toString(): string };
const { MutableDataStore } = (await import(pathToFileURL(fromRoot('node_modules', 'astro', 'dist', 'content', 'mutable-data-store.js')).href)) as {
  MutableDataStore: new () => AstroStore;
};

/** What Astro's store file holds, read back as the store module's default export is read (devalue.unflatten). */
const astroFileValue = (store: AstroStore) => devalue.unflatten(JSON.parse(store.toString()));

/** Runs a collection's loader as Astro's content sync does, with a scoped store of `store`. */
const runLoader = async (name: string, collection: { loader: { load: (context: LoaderContext) => Promise<void> } }, store: AstroStore) =>
  collection.loader.load({ collection: name, store: store.scopedStore(name) } as LoaderContext);

/** Loaders that put entries into the store in an order of their own (not Astro's file order). */
const loaderOf = (entries: { id: string; data: Record<string, unknown>; rendered?: { html: string } }[]) => ({
  name: 'test',
  load: async ({ store }: LoaderContext) => {
    for (const entry of entries) store.set(entry);
  },
});

const collectionsOf = () => ({
  cases: {
    loader: loaderOf([
      { id: 'zhangjiazhuang', data: { title: '张家庄村', metrics: [{ label: '集体收入', value: 35, unit: '万元' }] }, rendered: { html: '<p>第一段</p>' } },
      { id: 'kangqiao', data: { title: '康桥村', year: 2019 }, rendered: { html: '<p>“强村公司”</p>' } },
      { id: 'anji-2', data: { title: '安吉', draft: true } },
    ]),
  },
  collections: {
    loader: loaderOf([
      { id: 'course-b', data: { cases: ['kangqiao'] } },
      { id: 'course-a', data: { cases: [] } },
    ]),
  },
  // No problems: an empty collection, which Astro leaves out of its file.
  contentProblems: { loader: loaderOf([]) },
});

afterEach(closeSharedStores);

describe('the content store the pages of a build read', () => {
  it('is, once every collection has loaded, the value Astro’s store file would give the pages', async () => {
    openSharedStores();
    const collections = shareStores(collectionsOf());
    const store = new MutableDataStore();
    for (const [name, collection] of Object.entries(collections)) await runLoader(name, collection, store);
    const snapshot = sharedStoreSnapshot();
    expect(snapshot).toEqual(astroFileValue(store));
    // In Astro's order, collections and entries by name.
    expect([...snapshot!.keys()]).toEqual(['cases', 'collections']);
    expect([...snapshot!.get('cases')!.keys()]).toEqual(['anji-2', 'kangqiao', 'zhangjiazhuang']);
    // The module the pages import returns it instead of reading the file.
    const file = join(mkdtempSync(join(tmpdir(), 'store-')), 'data-store.json');
    writeFileSync(file, '"the file was read"');
    const evaluate = (code: string): unknown =>
      new Function('readFileSync', code.replace(/^import .*\n/, '').replace(/^export default /, 'return '))(readFileSync);
    expect(evaluate(moduleReadingStore(file))).toEqual(snapshot);
    // Outside a build the module reads the file.
    closeSharedStores();
    expect(evaluate(moduleReadingStore(file))).toBe('the file was read');
  });

  it('is not shared while a collection’s loader has not run, so the pages read the file', async () => {
    openSharedStores();
    const collections = shareStores(collectionsOf());
    const store = new MutableDataStore();
    await runLoader('cases', collections.cases, store);
    await runLoader('collections', collections.collections, store);
    expect(sharedStoreSnapshot()).toBeUndefined();
    await runLoader('contentProblems', collections.contentProblems, store);
    expect(sharedStoreSnapshot()).toBeDefined();
  });

  it('holds only the collections the content config defines now', async () => {
    openSharedStores();
    const store = new MutableDataStore();
    const { old } = shareStores({ old: { loader: loaderOf([{ id: 'gone', data: {} }]) } });
    await runLoader('old', old, store);
    const collections = shareStores(collectionsOf());
    for (const [name, collection] of Object.entries(collections)) await runLoader(name, collection, store);
    expect([...sharedStoreSnapshot()!.keys()]).toEqual(['cases', 'collections']);
  });

  it('is not shared for a collection without a loader object, whose store cannot be known', async () => {
    openSharedStores();
    const { cases } = shareStores({ cases: collectionsOf().cases, remote: { loader: async () => [{ id: 'x' }] } });
    await runLoader('cases', cases, new MutableDataStore());
    expect(sharedStoreSnapshot()).toBeUndefined();
  });

  it('is not shared outside a build, where the loaders still fill Astro’s store', async () => {
    const { cases } = shareStores(collectionsOf());
    const store = new MutableDataStore();
    await runLoader('cases', cases, store);
    expect(sharedStoreSnapshot()).toBeUndefined();
    expect([...(astroFileValue(store) as Map<string, Map<string, unknown>>).get('cases')!.keys()]).toHaveLength(3);
  });
});
