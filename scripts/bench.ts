/**
 * `npm run bench`: how much a Chinese search costs the reader on a casebook of 10,000 cases,
 * beside a bare Pagefind page over the same corpus, measured in the same run.
 *
 *   node scripts/bench.ts [--cases N] [--seed S] [--reuse] [--report FILE]
 *
 * 1. generates N schema-valid cases into .tmp/bench/corpus/ (deterministic for a seed);
 * 2. builds the casebook over them with scripts/build.ts, and the bare baseline;
 * 3. serves both on 127.0.0.1 and runs the queries in headless Chromium;
 * 4. prints a table and writes the report: docs/benchmarks.md for the full 10,000-case run,
 *    .tmp/bench/benchmarks.md otherwise (or --report FILE).
 * --reuse skips steps 1–2 when their output is already there (for working on the driver);
 * --from-results only rewrites the report from the last run's .tmp/bench/results.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/lib/paths.ts';
import { writeCorpus, DEFAULT_SEED, type CorpusReport } from './bench/corpus.ts';
import { buildBaseline, type BaselineBuild } from './bench/baseline.ts';
import { serveStatic } from './bench/server.ts';
import { CHROMIUM, launch, measureSite, type SiteMeasurement } from './bench/browser.ts';
import { dirSize, timed, type DirSize, type ProcessRun } from './bench/measure.ts';
import { QUERIES } from './bench/queries.ts';
import { readChunks } from './bench/chunks.ts';
import { indexedTexts, measurePrecision, type PrecisionRun } from './bench/precision.ts';
import { machine, renderReport, printSummary, type BenchResult } from './bench/report.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    reuse: { type: 'boolean', default: false },
    report: { type: 'string' },
    'from-results': { type: 'boolean', default: false },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases 应为正整数');
if (!existsSync(CHROMIUM)) {
  console.error(`找不到 ${CHROMIUM}；基准测试需要 Debian 的 chromium 包（apt-get install chromium）`);
  process.exit(1);
}

const WORK = join(PROJECT_ROOT, '.tmp', 'bench');
const CORPUS = join(WORK, 'corpus');
const SITE_OUT = join(WORK, 'site');
const BASELINE_OUT = join(WORK, 'baseline');
const log = (line: string) => console.log(line);
mkdirSync(WORK, { recursive: true });

const reportFile = values.report ?? (cases === 10_000 ? join(PROJECT_ROOT, 'docs', 'benchmarks.md') : join(WORK, 'benchmarks.md'));
function writeReport(result: BenchResult): void {
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, renderReport(result));
  log(`报告已写入 ${relative(PROJECT_ROOT, reportFile)}；原始数据在 ${relative(PROJECT_ROOT, join(WORK, 'results.json'))}`);
}
if (values['from-results']) {
  const result = JSON.parse(readFileSync(join(WORK, 'results.json'), 'utf8')) as BenchResult;
  printSummary(result, log);
  writeReport(result);
  process.exit(0);
}

const stampFile = join(WORK, 'corpus.json');
const reusable = values.reuse && existsSync(stampFile) && existsSync(join(SITE_OUT, 'pagefind')) && existsSync(join(BASELINE_OUT, 'pagefind'));
let corpus: CorpusReport;
let siteBuild: ProcessRun;
let baselineBuild: BaselineBuild;
if (reusable) {
  ({ corpus, siteBuild, baselineBuild } = JSON.parse(readFileSync(stampFile, 'utf8')) as { corpus: CorpusReport; siteBuild: ProcessRun; baselineBuild: BaselineBuild });
  log(`沿用已有的 ${corpus.cases} 个案例和两个站点（--reuse）`);
} else {
  log(`生成 ${cases} 个案例到 ${relative(PROJECT_ROOT, CORPUS)}/ …`);
  corpus = writeCorpus(CORPUS, cases, seed);
  log(`  ${corpus.cases} 个案例全部通过 checkCaseText，正文 ${corpus.bodyChars.min}–${corpus.bodyChars.max} 字（中位数 ${corpus.bodyChars.median}），用时 ${(corpus.ms / 1000).toFixed(1)} s`);

  log('构建案例库（scripts/build.ts）…');
  // A cold build: the content cache scripts/build.ts keeps for this output folder goes first.
  // scripts/build.ts names it after the output folder (and the cases folder), so every cache
  // beginning with the output folder's key is ours.
  const cacheRoot = join(PROJECT_ROOT, 'node_modules', '.astro');
  const cacheKey = `cache-${relative(PROJECT_ROOT, SITE_OUT).replace(/[^\w-]/g, '_')}`;
  for (const name of existsSync(cacheRoot) ? readdirSync(cacheRoot) : [])
    if (name === cacheKey || name.startsWith(`${cacheKey}-`)) rmSync(join(cacheRoot, name), { recursive: true, force: true });
  siteBuild = await timed(process.execPath, ['--disable-warning=ExperimentalWarning', join(PROJECT_ROOT, 'scripts', 'build.ts'), '--out', relative(PROJECT_ROOT, SITE_OUT)], {
    ...process.env,
    CASEBOOK_CASES_DIR: relative(PROJECT_ROOT, CORPUS),
    // Node's default heap limit is near 4 GB; 10,000 MDX pages come close to it. The peak
    // memory below says how much was used.
    NODE_OPTIONS: process.env['NODE_OPTIONS'] ?? '--max-old-space-size=8192',
  });
  if (siteBuild.status !== 0) {
    console.error(siteBuild.output);
    console.error(`案例库构建失败（退出码 ${siteBuild.status}，${(siteBuild.ms / 1000).toFixed(0)} s，内存峰值 ${(siteBuild.peakRssBytes / 2 ** 20).toFixed(0)} MB）`);
    process.exit(1);
  }
  log(`  用时 ${(siteBuild.ms / 1000).toFixed(1)} s，内存峰值 ${(siteBuild.peakRssBytes / 2 ** 20).toFixed(0)} MB`);

  log('构建对照站点（每个案例一个纯 HTML 页面 + Pagefind）…');
  baselineBuild = await buildBaseline(CORPUS, BASELINE_OUT);
  log(`  写页面 ${(baselineBuild.writeMs / 1000).toFixed(1)} s，Pagefind 建索引 ${(baselineBuild.indexMs / 1000).toFixed(1)} s`);
  writeFileSync(stampFile, JSON.stringify({ corpus, siteBuild: { ...siteBuild, output: '' }, baselineBuild }));
}

const sizes: Record<'site' | 'sitePagefind' | 'baseline' | 'baselinePagefind', DirSize> = {
  site: dirSize(SITE_OUT),
  sitePagefind: dirSize(join(SITE_OUT, 'pagefind')),
  baseline: dirSize(BASELINE_OUT),
  baselinePagefind: dirSize(join(BASELINE_OUT, 'pagefind')),
};

/** What is inside the index chunks the separately measured queries downloaded from a site. */
const chunksLoaded = (dir: string, m: SiteMeasurement) => readChunks(join(dir, 'pagefind'), m.isolated.flatMap((q) => q.indexChunks.map((c) => c.file)));

const browser = await launch();
const queries = QUERIES.map((q) => q.q);
const measured: Record<'site' | 'baseline', SiteMeasurement> = {} as never;
let precision: PrecisionRun[] = [];
try {
  for (const [key, dir, label] of [['site', SITE_OUT, '案例库'], ['baseline', BASELINE_OUT, '对照（裸 Pagefind）']] as const) {
    const server = await serveStatic(dir);
    try {
      log(`在 Chromium 中测量${label}（${server.origin}/search/）…`);
      measured[key] = await measureSite(browser, `${server.origin}/search/`, queries, log);
      if (key === 'site') {
        log('检查案例库搜索页找到的案例是否真含查询词…');
        precision = await measurePrecision(browser, `${server.origin}/search/`, queries, indexedTexts(dir));
      }
    } finally {
      await server.close();
    }
  }
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: { ...(await machine()), chromium: browser.version() },
    seed,
    corpus,
    siteBuild: { ms: siteBuild.ms, peakRssBytes: siteBuild.peakRssBytes, peakByProgram: siteBuild.peakByProgram },
    baselineBuild,
    sizes,
    queries: QUERIES,
    site: measured.site,
    baseline: measured.baseline,
    precision,
    chunks: { site: chunksLoaded(SITE_OUT, measured.site), baseline: chunksLoaded(BASELINE_OUT, measured.baseline) },
  };
  writeFileSync(join(WORK, 'results.json'), JSON.stringify(result, null, 2));
  printSummary(result, log);
  writeReport(result);
} finally {
  await browser.close();
}
