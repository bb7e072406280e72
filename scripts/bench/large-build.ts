/**
 * One cold casebook build of a large generated corpus, measured with the benchmark's own meter
 * (wall time, peak memory of the whole process tree): for sizes where the full `npm run bench`,
 * which also builds the bare stack, would not fit in time or memory.
 *
 *   node scripts/bench/large-build.ts 30000 [--heap-mb 16384]
 */
import { existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { timed } from './measure.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { buildCacheDir, publishPaths } from '../../src/lib/publish.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'heap-mb': { type: 'string', default: '16384' } } });
const cases = Number(positionals[0]);
if (!Number.isInteger(cases) || cases < 1) throw new Error('用法：node scripts/bench/large-build.ts 案例数 [--heap-mb 16384]');
const work = join(PROJECT_ROOT, '.tmp', 'large-build');
const corpus = join(work, `cases-${cases}`);
const out = join(work, `site-${cases}`);
if (!existsSync(corpus)) writeCorpus(corpus, cases);
// Cold: no earlier output, no build cache.
rmSync(out, { recursive: true, force: true });
rmSync(publishPaths(out).versions, { recursive: true, force: true });
rmSync(buildCacheDir(PROJECT_ROOT, relative(PROJECT_ROOT, out), relative(PROJECT_ROOT, corpus)), { recursive: true, force: true });
const run = await timed(
  process.execPath,
  ['--disable-warning=ExperimentalWarning', join(PROJECT_ROOT, 'scripts', 'build.ts'), '--out', relative(PROJECT_ROOT, out)],
  {
    ...process.env,
    NODE_OPTIONS: `--max-old-space-size=${values['heap-mb']}`,
    CASEBOOK_CASES_DIR: relative(PROJECT_ROOT, corpus),
    CASEBOOK_VERBOSE: '1',
  },
);
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
console.log(
  run.output
    .split('\n')
    .filter((line) => /Pagefind：|已检查并渲染|Completed in|page\(s\) built/.test(line))
    .join('\n'),
);
console.log(
  `${cases} 个案例：退出码 ${run.status}，用时 ${(run.ms / 1000).toFixed(1)} s，内存峰值 ${mb(run.peakRssBytes)}（${Object.entries(run.peakByProgram)
    .map(([name, bytes]) => `${name} ${mb(bytes)}`)
    .join('，')}）`,
);
process.exitCode = run.status ?? 1;
