/**
 * The worker thread of src/lib/search-index.ts: makes one search record per case
 * (search-record.ts), has Pagefind index them, writes the index and the facet table into the
 * job's folder and sends back the counts, or the reason it failed, in Chinese.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchRecord } from './search-record.ts';
import { FACETS, regionSortKey } from './facets.ts';
import { FACET_TABLE_FILE, makeFacetTable } from './facet-table.ts';
import { indexedPageCount, readFragments } from './pagefind-index.ts';
import { compareCases } from './sorting.ts';
import type { SearchIndexJob, SearchIndexResult } from './search-index.ts';

async function build({ cases, dir }: SearchIndexJob): Promise<SearchIndexResult> {
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // In the pages' order (newest work first), so the index is the same whichever way the cases arrived.
  const records = [...cases]
    .sort((a, b) => compareCases(a.data, b.data))
    .map(({ data, html }) => searchRecord(data, html, `/cases/${data.id}/`, regionSortKey(data.region.code)));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
  // One custom record per case, in pair tokens (src/lib/search-tokens.ts): language "und", so
  // Pagefind applies no Chinese segmentation of its own. Sent without waiting for each answer:
  // the binary takes its messages in order, so the index is byte for byte the one that adding
  // them one by one writes (checked on 2,000 cases), and the pipe is never idle.
  const added = await Promise.all(records.map((record) => index.addCustomRecord({ ...record, language: 'und' })));
  const addErrors = added.flatMap((a) => a.errors);
  if (addErrors.length > 0) throw new Error(`Pagefind 索引出错：${addErrors.join('；')}`);
  const pagefindDir = join(dir, 'pagefind');
  const written = await index.writeFiles({ outputPath: pagefindDir });
  if (written.errors.length > 0) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
  writeFileSync(join(dir, FACET_TABLE_FILE), JSON.stringify(makeFacetTable(readFragments(pagefindDir), FACETS)));
  return { records: records.length, indexed: indexedPageCount(pagefindDir), ms: Math.round(performance.now() - started) };
}

try {
  parentPort!.postMessage({ result: await build(workerData as SearchIndexJob) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  await pagefind.close();
}
