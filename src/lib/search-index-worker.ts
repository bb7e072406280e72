/**
 * The worker thread of src/lib/search-index.ts: makes one search record per case
 * (search-record.ts), splits them into parts (search-parts.ts), has Pagefind index
 * each part whose records are not already in the cache, puts the parts together as the site's
 * `pagefind/` folder, writes the facet table beside it and sends back the counts, or the reason
 * it failed, in Chinese.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import * as pagefind from 'pagefind';
import { searchRecord, type SearchRecord } from './search-record.ts';
import { FACETS } from './facets.ts';
import { FACET_TABLE_FILE, makeFacetTable } from './facet-table.ts';
import { indexedPageCount, readFragments } from './pagefind-index.ts';
import { PART_CASES, PART_FOLDER, splitByKey } from './search-parts.ts';
import { compareByRegion, compareCases } from './sorting.ts';
import { fromRoot } from './paths.ts';
import { codeFingerprint } from './case-check-memo.ts';
import type { SearchIndexJob, SearchIndexResult } from './search-index.ts';

/** What a part's Pagefind output depends on besides its records. */
const PAGEFIND_VERSION = (JSON.parse(readFileSync(fromRoot('node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;

/** The files of a Pagefind index the browser reads for a merged part (not the bundle's scripts and styles). */
const PART_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

/** Puts a cached folder's files into the site by hard link (a copy across disks): cached files are never changed in place. */
function linkTree(from: string, to: string, keep: (name: string) => boolean = () => true): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!keep(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
  }
}

/** A part's rows of the facet table, read from its fragments once, when it is indexed, and kept beside it in the cache. */
const ROWS_FILE = 'facet-rows.json';
type FacetRow = { id: string; url: string; filters: Record<string, string[]> };

/** What a cached part's folder depends on besides its records (bump when its layout changes). */
const CACHE_LAYOUT = 'rows-1';

/** Indexes one part into `out` (written beside it first, so a killed build leaves no half part under that name). */
async function indexPart(records: readonly SearchRecord[], out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
  // One custom record per case, in pair tokens (src/lib/search-tokens.ts): language "und", so
  // Pagefind applies no Chinese segmentation of its own. Sent without waiting for each answer:
  // the binary takes its messages in order, so the index is byte for byte the one that adding
  // them one by one writes (checked on 2,000 cases), and the pipe is never idle.
  const added = await Promise.all(records.map((record) => index.addCustomRecord({ ...record, language: 'und' })));
  const addErrors = added.flatMap((a) => a.errors);
  if (addErrors.length > 0) throw new Error(`Pagefind 索引出错：${addErrors.join('；')}`);
  const writing = `${out}.writing-${process.pid}`;
  rmSync(writing, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: writing });
  if (written.errors.length > 0) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
  // Pagefind keeps an index until told otherwise; one part at a time is what bounds its memory.
  await index.deleteIndex();
  // The facet table needs each record's Pagefind id, which only the written fragments tell.
  const rows = readFragments(writing).map(({ id, url, filters }): FacetRow => ({ id, url, filters }));
  writeFileSync(join(writing, ROWS_FILE), JSON.stringify(rows));
  renameSync(writing, out);
}

/**
 * Which records key (the name of a cached part) each part's inputs gave last time, so a part
 * whose cases all kept their loader digests, under the same code, is reused without making its
 * records again: making the records of 10,000 cases takes about 20 s of this thread, while a
 * rebuild after one case changed needs those of one part.
 */
const KNOWN_INPUTS_FILE = 'known-inputs.json';

/** A case's record address, without the base path: Pagefind adds it in the browser (baseUrl, src/client/finder.ts). */
const caseRecordUrl = (id: string): string => `/cases/${id}/`;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

async function build({ cases, dir, cacheDir, chunkSize }: SearchIndexJob): Promise<SearchIndexResult> {
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  // In the pages' order (newest work first), so the index is the same whichever way the cases arrived.
  const sorted = [...cases].sort((a, b) => compareCases(a.data, b.data));
  const perPart = Number(process.env['CASEBOOK_SEARCH_PART_CASES'] ?? PART_CASES);
  const parts = splitByKey(sorted, ({ data }) => caseRecordUrl(data.id), perPart);
  // Shorter chunks in a part: a query fetches one chunk of each part, about one chunk of a whole index in all.
  const partChunkSize = Math.max(500, Math.round(chunkSize / parts.length));
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(partChunkSize);
  const settings = `${PAGEFIND_VERSION}\n${CACHE_LAYOUT}\n${partChunkSize}`;
  // The records are made by code under src/ from the vocabulary, the units and the lockfile's packages.
  const code = codeFingerprint();
  const knownFile = join(cacheDir, KNOWN_INPUTS_FILE);
  const known = new Map<string, string>(existsSync(knownFile) ? (JSON.parse(readFileSync(knownFile, 'utf8')) as [string, string][]) : []);
  const nowKnown = new Map<string, string>();
  const pagefindDir = join(dir, 'pagefind');
  const kept = new Set<string>([KNOWN_INPUTS_FILE]);
  const rows: FacetRow[] = [];
  let indexedNow = 0;
  let made = 0;
  for (const [i, part] of parts.entries()) {
    const inputs = sha256(`${settings}\n${code}\n${part.map(({ data, digest }) => `${data.id}@${digest}`).join('\n')}`);
    let key = known.get(inputs);
    if (key === undefined || !existsSync(join(cacheDir, key))) {
      const records = part.map(({ data, html }) => searchRecord(data, html, caseRecordUrl(data.id)));
      made += records.length;
      key = sha256(`${settings}\n${JSON.stringify(records)}`);
      // Records can come out the same after a change of code or of a case's dates: then the part stands.
      if (!existsSync(join(cacheDir, key))) {
        await indexPart(records, join(cacheDir, key));
        indexedNow++;
      }
    }
    nowKnown.set(inputs, key);
    const cached = join(cacheDir, key);
    kept.add(key);
    for (const row of JSON.parse(readFileSync(join(cached, ROWS_FILE), 'utf8')) as FacetRow[]) rows.push(row);
    // The first part is the bundle the pages load; the others are merged into it in the browser.
    if (i === 0) linkTree(cached, pagefindDir, (name) => name !== ROWS_FILE);
    else linkTree(cached, join(pagefindDir, `${PART_FOLDER}${i}`), (name) => PART_FILES.test(name));
  }
  writeFileSync(knownFile, JSON.stringify([...nowKnown]));
  // Parts no longer in use (their records changed) would only fill the disk.
  for (const name of readdirSync(cacheDir)) if (!kept.has(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  // The table lists the records in region order, from which the page makes both sorted orders (search-parts.ts).
  const rank = new Map([...cases].sort((a, b) => compareByRegion(a.data, b.data)).map(({ data }, i) => [caseRecordUrl(data.id), i]));
  const table = makeFacetTable(
    rows.sort((a, b) => rank.get(a.url)! - rank.get(b.url)!),
    FACETS,
    parts.length,
  );
  writeFileSync(join(dir, FACET_TABLE_FILE), JSON.stringify(table));
  return {
    // One record per case: a part is made, or taken from the cache, for exactly its cases.
    records: cases.length,
    indexed: indexedPageCount(pagefindDir),
    parts: parts.length,
    reused: parts.length - indexedNow,
    made,
    ms: Math.round(performance.now() - started),
  };
}

try {
  parentPort!.postMessage({ result: await build(workerData as SearchIndexJob) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  await pagefind.close();
}
