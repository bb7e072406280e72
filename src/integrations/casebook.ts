/**
 * The casebook's build hooks: before the build, a Vite plugin that lets V8 compile Astro's
 * content store module quickly (src/lib/data-store-module.ts); after the pages are written,
 * Pagefind indexes them through its Node API, and the build fails when Pagefind reports an
 * error or the number of indexed cases differs from the number of case pages built. (Case
 * files are checked by the content loader, src/loaders/cases.ts, before any page is built.)
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { FACET_TABLE_FILE, makeFacetTable } from '../lib/facet-table.ts';
import { FACETS } from '../lib/facets.ts';
import type { SearchRecord } from '../lib/search-record.ts';
import * as pagefind from 'pagefind';
import { readPagefindFile } from '../lib/pagefind-index.ts';
import { ContentError } from '../lib/content-error.ts';
import { splitStoreLiteralPlugin } from '../lib/data-store-module.ts';

/**
 * Positions per index chunk. Pagefind's default (about 20,000) makes the chunk holding a
 * common pair token weigh 100 KB or more, and every query downloads whole chunks; with 5,000
 * the median query at 10,000 cases downloads 74 KB of index (docs/benchmarks.md). The setting
 * is marked unstable by Pagefind, so package.json pins pagefind to the version it was measured on.
 */
export const INDEX_CHUNK_SIZE = 5000;

export function casebook(): AstroIntegration {
  return {
    name: 'casebook',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [splitStoreLiteralPlugin()] } });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const published = pages.filter((p) => /^cases\/[^/]+\/$/.test(p.pathname)).length;
        const outDir = fileURLToPath(dir);
        const recordsFile = join(outDir, 'search-records.json');
        const started = performance.now();
        try {
          const records = JSON.parse(readFileSync(recordsFile, 'utf8')) as SearchRecord[];
          // Read by the Pagefind binary, which the Node API starts on its first call.
          process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(INDEX_CHUNK_SIZE);
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
          // One custom record per case, in pair tokens (src/lib/search-tokens.ts): language
          // "und", so Pagefind applies no Chinese segmentation of its own.
          for (const record of records) {
            const added = await index.addCustomRecord({ ...record, language: 'und' });
            if (added.errors.length > 0) throw new Error(`Pagefind 索引出错：${added.errors.join('；')}`);
          }
          const pagefindDir = join(outDir, 'pagefind');
          const written = await index.writeFiles({ outputPath: pagefindDir });
          if (written.errors.length > 0) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
          writeFileSync(join(outDir, FACET_TABLE_FILE), JSON.stringify(makeFacetTable(readFragments(pagefindDir), FACETS)));
          const indexed = indexedPageCount(pagefindDir);
          if (indexed !== published || records.length !== published)
            throw new ContentError(`搜索索引收录了 ${indexed} 个案例，但已发布的案例有 ${published} 个；每个案例必须恰好对应一条搜索记录`);
          // The benchmark reads this line for its phase breakdown (scripts/bench/phases.ts).
          logger.info(`Pagefind：已为 ${indexed} 个案例建立索引，用时 ${Math.round(performance.now() - started)} ms`);
        } finally {
          rmSync(recordsFile, { force: true });
          await pagefind.close();
        }
      },
    },
  };
}

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** Pages in the written index, summed over its languages (the casebook has one: zh-cn). */
export function indexedPageCount(pagefindDir: string): number {
  const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  return Object.values(entry.languages).reduce((sum, lang) => sum + lang.page_count, 0);
}

/** Each written record's Pagefind id (its fragment's file name) and filters. */
function readFragments(pagefindDir: string): { id: string; filters: Record<string, string[]> }[] {
  const dir = join(pagefindDir, 'fragment');
  // A fragment holds its record as JSON.
  return readdirSync(dir).map((file) => ({
    id: file.replace(/\.pf_fragment$/, ''),
    filters: (JSON.parse(readPagefindFile(join(dir, file)).content.toString('utf8')) as { filters: Record<string, string[]> }).filters,
  }));
}
