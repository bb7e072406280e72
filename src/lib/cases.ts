/**
 * Queries over the published cases, shared by every page. Sorting uses the Chinese collator,
 * never the loader's file order.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareCases } from './sorting.ts';

export type CaseEntry = CollectionEntry<'cases'>;

let cache: Promise<CaseEntry[]> | undefined;

/** Published cases, newest work first. Drafts never reach a page or the index. */
export function publishedCases(): Promise<CaseEntry[]> {
  cache ??= getCollection('cases', (c) => !c.data.draft).then((all) => all.sort((a, b) => compareCases(a.data, b.data)));
  return cache;
}
