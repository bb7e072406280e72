/**
 * The casebook's build hooks: before the build, a Vite plugin that keeps Astro's content store
 * out of the bundle (src/lib/data-store-module.ts); during `astro build`, the
 * channel through which the content loader hands the published cases to the search index
 * worker (src/lib/search-index.ts), which builds the Pagefind index while the pages are
 * rendered; after the pages are written, it waits for that index, moves it into the site, and
 * fails the build when Pagefind reported an error or the number of indexed cases differs from
 * the number of case pages built. (Case files are checked by the content loader,
 * src/loaders/cases.ts, before any page is built.)
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { cpSync, renameSync, rmSync } from 'node:fs';
import { FACET_TABLE_FILE } from '../lib/facet-table.ts';
import { ContentError } from '../lib/content-error.ts';
import { DATA_STORE_FILE, storeOutsideBundlePlugin } from '../lib/data-store-module.ts';
import { closeSearchIndexChannel, indexInWorker, openSearchIndexChannel } from '../lib/search-index.ts';
import { closeSharedStores, openSharedStores } from '../lib/shared-content-store.ts';

/**
 * Positions per index chunk. Pagefind's default (about 20,000) makes the chunk holding a
 * common pair token weigh 100 KB or more, and every query downloads whole chunks; with 5,000
 * the median query at 10,000 cases downloads 74 KB of index (docs/benchmarks.md). An index in
 * parts (search-parts.ts) divides it among them: a query fetches a chunk of each part. The setting
 * is marked unstable by Pagefind, so package.json pins pagefind to the version it was measured on.
 */
export const INDEX_CHUNK_SIZE = 5000;

/** Moves a finished file or folder into the site (a copy where the two are on different disks). */
function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
  }
}

export function casebook(): AstroIntegration {
  let building = false;
  let indexDir: string | undefined;
  let indexing: ReturnType<typeof indexInWorker> | undefined;
  return {
    name: 'casebook',
    hooks: {
      'astro:config:setup': ({ updateConfig, command, config }) => {
        building = command === 'build';
        // Before the content sync: its loaders share their stores with the pages of this build.
        if (building) openSharedStores();
        // Where Astro's content sync writes the store: the dev server keeps it in .astro/, a build in its cache folder.
        const storeDir = building ? fileURLToPath(config.cacheDir) : join(fileURLToPath(config.root), '.astro');
        // Astro's chunked storage (experimental.collectionStorage) writes no single store file, and
        // one left from before would be stale: then Astro loads its store itself.
        const storage = config.experimental.collectionStorage ?? 'single-file';
        if (storage === 'single-file') updateConfig({ vite: { plugins: [storeOutsideBundlePlugin(join(storeDir, DATA_STORE_FILE))] } });
      },
      'astro:config:done': ({ config }) => {
        if (!building) return;
        // One folder per cache: the worker empties it first, so a killed build leaves nothing behind for long.
        const dir = join(fileURLToPath(config.cacheDir), 'search-index');
        const cacheDir = join(fileURLToPath(config.cacheDir), 'search-index-parts');
        indexDir = dir;
        openSearchIndexChannel({
          start(cases) {
            indexing?.stop();
            indexing = indexInWorker({ cases, dir, cacheDir, chunkSize: INDEX_CHUNK_SIZE });
          },
        });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        closeSearchIndexChannel();
        closeSharedStores();
        const published = pages.filter((p) => /^cases\/[^/]+\/$/.test(p.pathname)).length;
        const outDir = fileURLToPath(dir);
        const waitStarted = performance.now();
        try {
          if (!indexing || !indexDir) throw new ContentError('搜索索引没有建立：内容加载器没有交出已发布的案例');
          const result = await indexing.wait().catch((error: unknown) => {
            throw new Error(`建立搜索索引失败：${error instanceof Error ? error.message : String(error)}`);
          });
          const waited = Math.round(performance.now() - waitStarted);
          moveInto(join(indexDir, 'pagefind'), join(outDir, 'pagefind'));
          moveInto(join(indexDir, FACET_TABLE_FILE), join(outDir, FACET_TABLE_FILE));
          const { indexed, records } = result;
          if (indexed !== published || records !== published)
            throw new ContentError(`搜索索引收录了 ${indexed} 个案例，但已发布的案例有 ${published} 个；每个案例必须恰好对应一条搜索记录`);
          // The benchmark reads this line for its phase breakdown (scripts/bench/phases.ts).
          const parts = result.parts > 1 ? `，分 ${result.parts} 份，其中 ${result.reused} 份未变、沿用上次的` : result.reused > 0 ? '，未变、沿用上次的' : '';
          const made = result.made < indexed ? `；只为其中 ${result.made} 个案例重新生成了搜索记录` : '';
          logger.info(`Pagefind：已为 ${indexed} 个案例建立索引${parts}${made}，用时 ${result.ms} ms（与写页面同时进行，页面写完后又等了 ${waited} ms）`);
        } finally {
          indexing = undefined;
          if (indexDir) rmSync(indexDir, { recursive: true, force: true });
        }
      },
    },
  };
}
