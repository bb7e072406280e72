/**
 * `npm run build`: builds the site and its search index into a new folder and, only when
 * everything succeeded, publishes it as dist/ in one atomic step (src/lib/publish.ts). A failed
 * or killed build leaves the previous dist/ as it was; a failure is printed in Chinese, without
 * a stack trace. Case files are checked by the content loader inside the build, with the same
 * code as `npm run check`.
 *
 *   node scripts/build.ts [--out DIR] [--base /sub/path/]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { PROJECT_ROOT } from '../src/lib/paths.ts';
import { SITE } from '../src/config.ts';
import { buildCacheDir, cleanUp, currentVersion, publish, publishPaths, stagingFolder } from '../src/lib/publish.ts';
import { recordPublished } from '../src/lib/reuse-pages.ts';
import { reusePublishedPages } from '../src/integrations/reuse-pages.ts';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, base: { type: 'string' } },
});
const paths = publishPaths(resolve(PROJECT_ROOT, values.out));
if (values.base) process.env['CASEBOOK_BASE'] = values.base;
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
// Vite lets BASE_URL from the environment win over the configured base, so a stray one (test
// runners set it) would send every link of a sub-path build to the root.
delete process.env['BASE_URL'];

// One line, so a local preview build is not mistaken for a publishable one.
if (!SITE.address)
  console.log(
    '提示：没有设置网站的公开地址（环境变量 CASEBOOK_SITE，如 https://example.org），RSS 和网站地图里的链接会指向 localhost，页面不写规范链接；正式发布前请设置它。',
  );
const staging = stagingFolder(paths);
// What earlier builds left (folders of killed builds, a version whose removal did not finish) goes
// to a process of its own at the lowest priority (src/lib/publish.ts): deleting it here would
// take the cores and the disk from this build.
for (const line of await cleanUp(paths, { inUse: staging, inBackground: true }).catch((error: unknown) => [
  `没能删除以前的构建留下的文件夹（不影响这次构建，下次构建会再试）：${error instanceof Error ? error.message : String(error)}`,
]))
  console.log(line);
const kept = () => (existsSync(paths.out) ? '原有的 dist/ 保持不变' : '没有生成 dist/');

try {
  const cacheDir = buildCacheDir(PROJECT_ROOT, values.out, SITE.casesDir);
  await build({
    root: PROJECT_ROOT,
    outDir: staging,
    cacheDir,
    logLevel: process.env['CASEBOOK_VERBOSE'] ? 'info' : 'silent',
    // Pages that did not change are linked from the published site, not copied.
    integrations: [reusePublishedPages(currentVersion(paths))],
  });
  recordPublished(cacheDir, publish(paths, staging));
  // The version just replaced goes in the background too: the new site is already published.
  await cleanUp(paths, { inBackground: true }).catch(() => []);
  console.log(`构建完成：${paths.out}`);
} catch (error) {
  await cleanUp(paths).catch(() => []);
  // Bundler errors carry the stack of every plugin in their message; the reason is enough.
  const message = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .join('\n');
  console.error(`构建失败，${kept()}。${message}`);
  if (process.env['CASEBOOK_VERBOSE'] && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
}
