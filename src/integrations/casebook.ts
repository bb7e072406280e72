/**
 * The casebook's build hooks:
 *  - before anything is built, every case file is checked with the same rules as
 *    `npm run check`; a problem stops the build with Chinese messages and no stack trace;
 *  - after the pages are written, Pagefind indexes them through its Node API, and the build
 *    fails when Pagefind reports an error or the number of indexed cases differs from the
 *    number of published case files.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { SITE } from '../config.ts';
import { checkCaseDirectory, formatProblem } from '../lib/validate.ts';
import { publishedIfChecked } from '../lib/checked-content.ts';

/** Thrown for editor mistakes; scripts/build.ts prints only its message. */
export class ContentError extends Error {
  override name = 'ContentError';
}

export function casebook(): AstroIntegration {
  let published = 0;
  let root = process.cwd();
  return {
    name: 'casebook',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        const dir = join(root, SITE.casesDir);
        const known = publishedIfChecked(dir);
        if (known !== undefined) {
          published = known;
          return;
        }
        const { problems, cases } = checkCaseDirectory(dir, root);
        published = cases.filter((c) => !c.data.draft).length;
        if (problems.length === 0) return;
        const report = `案例内容有 ${problems.length} 处问题：\n${problems.map(formatProblem).join('\n')}`;
        // In dev the editor fixes the file and the server reloads; a build must stop.
        if (command === 'dev') logger.error(report);
        else throw new ContentError(report);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
          if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind 索引出错：${added.errors.join('；')}`);
          const pagefindDir = join(outDir, 'pagefind');
          const written = await index.writeFiles({ outputPath: pagefindDir });
          if (written.errors.length > 0) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
          // addDirectory counts every HTML file it read; the entry file counts the pages that
          // were indexed, i.e. those marked data-pagefind-body (case pages only).
          const indexed = indexedPageCount(pagefindDir);
          if (indexed !== published)
            throw new ContentError(`搜索索引收录了 ${indexed} 个案例页面，但已发布的案例有 ${published} 个；每个案例必须恰好对应一条搜索记录`);
          logger.info(`Pagefind：已为 ${indexed} 个案例建立中文索引`);
        } finally {
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
