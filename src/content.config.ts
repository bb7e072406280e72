import { defineCollection } from 'astro:content';
import { caseLoader } from './loaders/cases.ts';
import { contentReport, problemSchema } from './loaders/content-report.ts';
import { caseSchema } from './schema/case.ts';
import { collectionFeed } from './loaders/collections.ts';
import { collectionSchema } from './schema/collection.ts';
import { SITE } from './config.ts';
import { shareStores } from './lib/shared-content-store.ts';

const report = contentReport();
const feed = collectionFeed();

// The schema gives getCollection('cases') its types; the loader validates with it itself (in
// Chinese) and stores only data that passed, so Astro has nothing left to check.
const cases = defineCollection({ loader: caseLoader(SITE.casesDir, report, feed), schema: caseSchema });
/** 专题: content/collections/*.yaml, checked with the cases (their ids must name published cases). */
const caseCollections = defineCollection({ loader: feed.loader, schema: collectionSchema });
/** What the last check of the cases found (dev only; a build stops instead). */
const contentProblems = defineCollection({ loader: report.loader, schema: problemSchema });

// Every collection is shared: in a build the pages read the store the sync filled (src/lib/shared-content-store.ts).
export const collections = shareStores({ cases, collections: caseCollections, contentProblems });
