/**
 * In `astro build`, the pages read the content store the content sync has just filled, in the
 * same process, instead of the copy Astro wrote to disk. Astro's sync writes its whole store to a
 * file (the next build's content cache) and the pages' store module then reads that file again:
 * at 10,000 cases 76 MB read and parsed, 3.4 s of a one-case rebuild's page writing and a second
 * copy of every case in memory (scripts/bench/notes.md, 2026-12-04). The entries are the ones the
 * loaders gave Astro's store, so the pages see the same values either way.
 *
 * Each collection's loader is wrapped (shareStores, content.config.ts) so that its scoped store
 * is known here; the store module (data-store-module.ts) takes them only when every collection's
 * loader has run in this process, and otherwise reads the file as Astro does. The integration
 * opens the registry for `astro build` only: the dev server changes its store on every edit and
 * keeps reading the file Astro rewrites.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

type ScopedStore = LoaderContext['store'];

/** The content store as Astro's store module gives it to the pages: collection → id → entry. */
export type StoreCollections = Map<string, Map<string, unknown>>;

interface Registry {
  /** Every collection the content config defines (shareStores). */
  expected: Set<string>;
  /** The scoped store of each collection whose loader has run. */
  loaded: Map<string, ScopedStore>;
}

const REGISTRY = Symbol.for('casebook.shared-content-stores');
/** What the store module's code calls (it cannot import this module: it runs from the built pages). */
const SNAPSHOT = Symbol.for('casebook.shared-content-store');
type WithRegistry = typeof globalThis & { [REGISTRY]?: Registry; [SNAPSHOT]?: () => StoreCollections | undefined };

/** For `astro build`: from now on, loaders that run share their stores with the pages. */
export function openSharedStores(): void {
  const global = globalThis as WithRegistry;
  global[REGISTRY] = { expected: new Set(), loaded: new Map() };
  global[SNAPSHOT] = sharedStoreSnapshot;
}

export function closeSharedStores(): void {
  const global = globalThis as WithRegistry;
  delete global[REGISTRY];
  delete global[SNAPSHOT];
}

/**
 * The collections with each loader wrapped so that its store is shared (when the registry is
 * open). Every collection of the content config must pass through here, and a collection whose
 * loader is not an object loader never shares its store: in both cases the pages read the file.
 */
export function shareStores<C extends Record<string, object>>(collections: C): C {
  const registry = () => (globalThis as WithRegistry)[REGISTRY];
  const open = registry();
  if (open) open.expected = new Set(Object.keys(collections));
  const shared = Object.entries(collections).map(([name, collection]) => {
    const { loader } = collection as { loader?: Partial<Loader> };
    const original = loader?.load;
    if (typeof original !== 'function') return [name, collection];
    const load = (context: LoaderContext) => {
      registry()?.loaded.set(context.collection, context.store);
      return original.call(loader, context);
    };
    return [name, { ...collection, loader: { ...loader, load } }];
  });
  return Object.fromEntries(shared) as C;
}

/** Astro's order in its store file: collections, and entries within each, by name (data-store-writer.js). */
const byName = ([a]: [string, unknown], [b]: [string, unknown]) => a.localeCompare(b);

/**
 * The shared stores as Astro's store file holds them (an empty collection is left out, as Astro
 * leaves it out), or undefined when the registry is closed or a collection's loader has not run.
 */
export function sharedStoreSnapshot(): StoreCollections | undefined {
  const registry = (globalThis as WithRegistry)[REGISTRY];
  if (!registry || registry.expected.size === 0 || [...registry.expected].some((name) => !registry.loaded.has(name))) return undefined;
  const collections: [string, Map<string, unknown>][] = [];
  // Only the collections the content config defines now (a store from an earlier config would be stale).
  for (const name of registry.expected) {
    const entries = registry.loaded.get(name)!.entries();
    if (entries.length > 0) collections.push([name, new Map(entries.sort(byName))]);
  }
  return new Map(collections.sort(byName));
}

/** The expression the store module's code evaluates: the shared stores, or undefined. */
export const SHARED_STORE_EXPRESSION = `globalThis[Symbol.for(${JSON.stringify(SNAPSHOT.description)})]?.()`;
