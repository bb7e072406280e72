/**
 * The casebook's content loader: the one way case files enter the site. It runs the same
 * checks as `npm run check` (checkCaseDirectory: files, YAML, schema, body rules, images,
 * links) and stores each case with its body already rendered, so Astro never hands a case
 * file to the bundler: nothing in content/ is ever imported or executed. A build stops on the
 * first report with Chinese `file:line 字段 说明` lines; the dev server prints them, re-checks
 * on every change and drops a case that stopped passing instead of serving its stale page.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkCaseDirectory, formatProblem } from '../lib/validate.ts';
import { caseDates, gitDates } from '../lib/provenance.ts';
import { ContentError } from '../lib/content-error.ts';
import type { ContentReport } from './content-report.ts';
import type { CollectionFeed } from './collections.ts';
import { collectionsDirFor } from '../lib/validate-collections.ts';
import { caseCheckMemo, type StoredMemo } from '../lib/case-check-memo.ts';
import { checkAhead } from '../lib/check-ahead.ts';
import { searchIndexChannel, type IndexedCase } from '../lib/search-index.ts';
import { writtenPart } from '../schema/metric.ts';

export function caseLoader(casesDir: string, report: ContentReport, collections: CollectionFeed): Loader {
  return {
    name: 'casebook-cases',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = join(root, casesDir);
      // Kept with Astro's own content cache: an unchanged file is not checked and rendered again.
      const memo = caseCheckMemo(join(fileURLToPath(context.config.cacheDir), 'case-checks'));
      await sync(context, root, dir, report, collections, memo);
      if (!context.watcher) return;
      // Collections name cases, so a change to either folder checks both again.
      const watched = [dir, collectionsDirFor(dir)];
      context.watcher.add(watched);
      // One check at a time: they share the memo, and the last change must be the last word.
      let running = Promise.resolve();
      const onChange = (path: string) => {
        if (watched.some((w) => !relative(w, path).startsWith('..'))) running = running.then(() => sync(context, root, dir, report, collections, memo));
      };
      context.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
    },
  };
}

async function sync(
  { store, logger, config, generateDigest, watcher }: LoaderContext,
  root: string,
  dir: string,
  report: ContentReport,
  collections: CollectionFeed,
  memo: StoredMemo,
): Promise<void> {
  const started = performance.now();
  // Worker threads check the new and changed files first; the one check below then finds them done.
  await checkAhead(dir, root, config.base, memo);
  const { problems, notices, cases, collections: checkedCollections } = checkCaseDirectory(dir, root, { base: config.base, memo });
  const reused = memo.reused;
  memo.save();
  // The benchmark reads this line for its phase breakdown (scripts/bench/phases.ts).
  logger.info(`已检查并渲染 ${cases.length} 个案例文件（${reused} 个未改动，沿用上次的结果），用时 ${Math.round(performance.now() - started)} ms`);
  report.publish(problems);
  for (const n of notices) logger.info(formatProblem(n));
  if (problems.length > 0) {
    const report = `案例内容有 ${problems.length} 处问题：\n${problems.map(formatProblem).join('\n')}`;
    // A build must stop; in dev the editor fixes the file and the loader runs again.
    if (!watcher) throw new ContentError(report);
    logger.error(report);
  }
  collections.publish(checkedCollections);
  const published = cases.filter((c) => !c.data.draft);
  // One git call for the whole folder (src/lib/provenance.ts); the case's own fields win.
  const git = gitDates(root, dir);
  const today = new Date().toISOString().slice(0, 10);
  const keep = new Set(published.map((c) => c.data.id));
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  const indexed: IndexedCase[] = [];
  for (const c of published) {
    const data = { ...c.data, ...caseDates(c.data, git.get(c.file), today) };
    // Metrics as written, without the fields worked out from them: those would be a quarter of
    // the store; publishedCases() (src/lib/cases.ts) works them out again.
    const stored = { ...data, metrics: data.metrics.map(writtenPart) };
    const digest = generateDigest({ data: stored, html: c.rendered.html });
    indexed.push({ data, html: c.rendered.html, digest });
    store.set({
      id: c.data.id,
      data: stored,
      // No `body`: pages show the rendered body, and the raw text would add a fifth to the
      // content store that Astro writes, bundles and loads on every build.
      filePath: c.file,
      digest,
      // Images travel as renderer output (remarkPluginFrontmatter), for the endpoint that publishes them.
      rendered: { html: c.rendered.html, metadata: { headings: c.rendered.headings, frontmatter: { images: c.images } } },
    });
  }
  // In `astro build` only: the search index is built from these while Astro renders the pages.
  searchIndexChannel()?.start(indexed);
}
