/**
 * Queries over the published cases and collections, shared by every page. Sorting uses the Chinese collator,
 * never the loader's file order.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareCases, compareChinese } from './sorting.ts';
import { relatedCases } from './related.ts';
import type { CollectionRecord } from '../schema/collection.ts';
import { withDerived } from '../schema/metric.ts';

export type CaseEntry = CollectionEntry<'cases'>;

let cache: Promise<CaseEntry[]> | undefined;

/**
 * Published cases, newest work first. Drafts never reach a page or the index. The content store
 * keeps each metric as written (src/loaders/cases.ts); its display and normalised figure are
 * worked out here, once per build, with the schema's own function.
 */
export function publishedCases(): Promise<CaseEntry[]> {
  cache ??= getCollection('cases', (c) => !c.data.draft).then((all) =>
    all.map((entry) => ({ ...entry, data: { ...entry.data, metrics: entry.data.metrics.map(withDerived) } })).sort((a, b) => compareCases(a.data, b.data)),
  );
  return cache;
}

export type CollectionWithCases = CollectionRecord & { entries: CaseEntry[] };

let collectionsCache: Promise<CollectionWithCases[]> | undefined;

/**
 * 专题 with their cases in the collection's own order, by title. The check has refused any
 * collection that names a missing or draft case, so every id finds its case.
 */
export function publishedCollections(): Promise<CollectionWithCases[]> {
  collectionsCache ??= Promise.all([getCollection('collections'), publishedCases()]).then(([collections, cases]) => {
    const byId = new Map(cases.map((c) => [c.id, c]));
    return collections
      .map(({ id, data }) => ({ id, ...data, entries: data.cases.map((caseId) => byId.get(caseId)).filter((c): c is CaseEntry => c !== undefined) }))
      .sort((a, b) => compareChinese(a.title, b.title));
  });
  return collectionsCache;
}

export interface RelatedEntry {
  entry: CaseEntry;
  /** Measure ids both cases list, rarest first. */
  shared: string[];
}

let related: Promise<Map<string, RelatedEntry[]>> | undefined;

/** Ranks every published case's relatives once per build (src/lib/related.ts). */
async function rankRelated(): Promise<Map<string, RelatedEntry[]>> {
  const cases = await publishedCases();
  const byId = new Map(cases.map((c) => [c.id, c]));
  const ranked = relatedCases(cases.map(({ data }) => ({ id: data.id, province: data.region.provinceCode, level: data.level, measures: data.measures })));
  return new Map([...ranked].map(([id, list]) => [id, list.map((r) => ({ entry: byId.get(r.id)!, shared: r.shared }))]));
}

/** 相关案例 of a published case: 3–5 others, computed for all cases at once and shared by every case page. */
export async function relatedEntries(id: string): Promise<RelatedEntry[]> {
  related ??= rankRelated();
  return (await related).get(id) ?? [];
}
