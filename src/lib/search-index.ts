/**
 * The search index is built beside the pages, not after them. Pagefind works on one core for
 * about a minute and a half at 10,000 cases, and Astro renders the pages on one core for about
 * as long; done one after the other they made the casebook's build half as long again as the
 * bare stack's. So in `astro build` the content loader, as soon as it has checked the cases,
 * hands the published ones to a worker thread that makes their search records and drives
 * Pagefind into a folder of its own, while Astro goes on to bundle and render. The casebook
 * integration waits for it when the pages are written, moves the index into the site and
 * checks that it holds exactly one record per case page.
 *
 * The loader runs in Vite's module graph and the integration in Node's, so they do not share
 * this module's state; the integration opens a channel on `globalThis` (only for `astro build`,
 * so the dev server, `astro sync` and `astro check` index nothing).
 */
import { typeScriptWorker } from './worker-thread.ts';
import type { CaseData } from '../schema/case.ts';

/** A published case as the loader stores it: the search record is made from these. */
export interface IndexedCase {
  data: CaseData;
  html: string;
  /** The loader's digest of the case as stored (data and rendered body): a part whose cases all kept theirs needs no new records. */
  digest: string;
}

/** What the worker sends back when the index is written. */
export interface SearchIndexResult {
  /** Search records made (one per published case). */
  records: number;
  /** Pages in the written index, by Pagefind's own count. */
  indexed: number;
  /** Parts the index is in (search-parts.ts), and how many of them came from the cache unchanged. */
  parts: number;
  reused: number;
  /** Cases whose search records were made in this build (the others' parts were known by their digests). */
  made: number;
  /** From the loader's hand-over to the written index. */
  ms: number;
}

export interface SearchIndexChannel {
  /** Starts indexing these cases (a later call replaces an earlier one). */
  start(cases: readonly IndexedCase[]): void;
}

const CHANNEL = Symbol.for('casebook.search-index');
type WithChannel = typeof globalThis & { [CHANNEL]?: SearchIndexChannel };

export function openSearchIndexChannel(channel: SearchIndexChannel): void {
  (globalThis as WithChannel)[CHANNEL] = channel;
}

export function closeSearchIndexChannel(): void {
  delete (globalThis as WithChannel)[CHANNEL];
}

/** The channel to hand published cases to, or undefined when this is not a build. */
export function searchIndexChannel(): SearchIndexChannel | undefined {
  return (globalThis as WithChannel)[CHANNEL];
}

export interface SearchIndexJob {
  cases: readonly IndexedCase[];
  /** Where the worker writes `pagefind/` and the facet table. */
  dir: string;
  /** Where indexed parts are kept between builds, by a hash of their records (and of their cases' digests). */
  cacheDir: string;
  /** Pagefind positions per index chunk of a whole index (src/integrations/casebook.ts); a part's chunks are shorter. */
  chunkSize: number;
}

/**
 * Builds the index in a worker thread. `wait()` gives its counts or the reason it failed; until
 * it is called the worker does not keep the process alive, so a build that fails elsewhere ends.
 */
export function indexInWorker(job: SearchIndexJob): { wait: () => Promise<SearchIndexResult>; stop: () => void } {
  const worker = typeScriptWorker(new URL('./search-index-worker.ts', import.meta.url), { workerData: job });
  worker.unref();
  const done = new Promise<SearchIndexResult>((resolve, reject) => {
    worker.on('message', (message: { result?: SearchIndexResult; error?: string }) =>
      message.result ? resolve(message.result) : reject(new Error(message.error ?? 'Pagefind 没有写出索引')),
    );
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`建立搜索索引的线程意外退出（退出码 ${code}）`)));
  });
  // Read only when the integration waits; until then a failure is not an unhandled rejection.
  done.catch(() => undefined);
  return {
    wait: () => {
      // Waited for: nothing else may be keeping the event loop alive now.
      worker.ref();
      return done;
    },
    stop: () => void worker.terminate(),
  };
}
