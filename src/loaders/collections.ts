/**
 * 专题 (content/collections/*.yaml) as a content collection. The files are checked in the same
 * pass as the cases (checkCaseDirectory, which knows which case ids exist and which are drafts),
 * so the case loader publishes the collections that passed here, as content-report.ts does with
 * problems; this loader only keeps Astro's store in step. YAML is read as data, never executed.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionRecord } from '../schema/collection.ts';

export interface CollectionFeed {
  publish(collections: readonly CollectionRecord[]): void;
  loader: Loader;
}

export function collectionFeed(): CollectionFeed {
  let context: LoaderContext | undefined;
  let latest: readonly CollectionRecord[] = [];
  const write = () => {
    if (!context) return;
    const { store, generateDigest } = context;
    const keep = new Set(latest.map((c) => c.id));
    for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
    for (const { id, ...data } of latest) store.set({ id, data, digest: generateDigest(data) });
  };
  return {
    publish(collections) {
      latest = collections;
      write();
    },
    loader: {
      name: 'casebook-collections',
      load: async (loaderContext) => {
        context = loaderContext;
        write();
      },
    },
  };
}
