/**
 * `npm run build`: checks the content, builds the site and its search index into a temporary
 * folder, and only when everything succeeded swaps it in for dist/. A failed build leaves the
 * previous dist/ as it was and prints the reason in Chinese, without a stack trace.
 *
 *   node scripts/build.ts [--out DIR] [--base /sub/path/]
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { PROJECT_ROOT } from '../src/lib/paths.ts';
import { SITE } from '../src/config.ts';
import { checkCaseDirectory, formatProblem } from '../src/lib/validate.ts';
import { rememberCheckedContent } from '../src/lib/checked-content.ts';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, base: { type: 'string' } },
});
const outDir = resolve(PROJECT_ROOT, values.out);
if (values.base) process.env['CASEBOOK_BASE'] = values.base;
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

// The staging folder sits beside dist/ so the final rename stays on one file system.
const stagingPrefix = `.${values.out.replace(/[^\w-]/g, '_')}-staging-`;
const staging = join(dirname(outDir), `${stagingPrefix}${process.pid}`);
const previous = `${staging}-previous`;

// Folders left by a build that was killed midway.
for (const name of existsSync(dirname(outDir)) ? readdirSync(dirname(outDir)) : [])
  if (name.startsWith(stagingPrefix)) rmSync(join(dirname(outDir), name), { recursive: true, force: true });

// Check content first, so an editor's mistake is reported here in Chinese, before Astro
// starts; the integration repeats the check for a bare `astro build`.
const casesDir = join(PROJECT_ROOT, SITE.casesDir);
const { problems, cases } = checkCaseDirectory(casesDir, process.cwd());
if (problems.length > 0) {
  console.error(`构建失败，${existsSync(outDir) ? '原有的 dist/ 保持不变' : '没有生成 dist/'}。案例内容有 ${problems.length} 处问题：`);
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}

rememberCheckedContent(casesDir, cases.filter((c) => !c.data.draft).length);

try {
  mkdirSync(staging, { recursive: true });
  // Each output folder and cases folder keeps its own content cache, so parallel builds (tests,
  // benchmarks) never share one and a cache never outlives the corpus it was made from.
  const cacheKey = `${values.out}-${SITE.casesDir}`.replace(/[^\w-]/g, '_');
  const cacheDir = join(PROJECT_ROOT, 'node_modules', '.astro', `cache-${cacheKey}`);
  await build({ root: PROJECT_ROOT, outDir: staging, cacheDir, logLevel: process.env['CASEBOOK_VERBOSE'] ? 'info' : 'warn' });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  console.log(`构建完成：${outDir}`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  // Bundler errors carry the stack of every plugin in their message; the reason is enough.
  const message = (error instanceof Error ? error.message : String(error)).split('\n').filter((l) => !/^\s+at /.test(l)).join('\n');
  console.error(`\n构建失败，${existsSync(outDir) ? '原有的 dist/ 保持不变' : '没有生成 dist/'}。\n${message}`);
  if (process.env['CASEBOOK_VERBOSE'] && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
}
