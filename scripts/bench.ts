/**
 * `npm run bench`: what the casebook costs at 10,000 cases — to build, beside the bare stack
 * (Astro 7 + MDX + Pagefind over the same MDX files), and for a reader's Chinese search,
 * beside a bare Pagefind page over the same corpus — all measured in the same run.
 *
 *   node scripts/bench.ts [--cases N] [--build-sizes 1000,30000] [--seed S] [--reuse] [--report FILE]
 *
 * 1. at each --build-sizes size, builds the casebook and the bare stack only (time, memory, size);
 * 2. generates N schema-valid cases into .tmp/bench/corpus/ (deterministic for a seed), builds
 *    the casebook cold, rebuilds it after changing one case, builds the bare Astro + MDX stack
 *    and the bare HTML + Pagefind baseline;
 * 3. serves both on 127.0.0.1 and runs the queries in headless Chromium;
 * 4. prints a table and writes the report: docs/benchmarks.md for the full 10,000-case run,
 *    .tmp/bench/benchmarks.md otherwise (or --report FILE).
 * --reuse skips steps 1–2 when their output is already there (for working on the driver);
 * --from-results only rewrites the report from the last run's .tmp/bench/results.json.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/lib/paths.ts';
import { buildCacheDir, publishPaths } from '../src/lib/publish.ts';
import { writeCorpus, DEFAULT_SEED } from './corpus/generate.ts';
import { buildBaseline } from './bench/baseline.ts';
import { buildPhases } from './bench/phases.ts';
import { pageWeights } from './bench/weights.ts';
import { serveStatic } from './bench/server.ts';
import { CHROMIUM, kb, launch, measureIsolated, measureOpenPage, ms, type SiteMeasurement } from './bench/browser.ts';
import { dirSize, timed, type ProcessRun } from './bench/measure.ts';
import { QUERIES } from './bench/queries.ts';
import { readChunks } from '../src/lib/pagefind-index.ts';
import { indexedTexts, measurePrecision, type PrecisionRun } from './bench/precision.ts';
import { timeRelated } from './bench/related-timing.ts';
import { machine, renderReport, printSummary, type BenchResult, type BuildRun, type ScalePoint } from './bench/report.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    reuse: { type: 'boolean', default: false },
    report: { type: 'string' },
    'from-results': { type: 'boolean', default: false },
    /** Extra corpus sizes measured for build time, memory and size only (comma-separated; '' for none). */
    'build-sizes': { type: 'string', default: '1000' },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases 应为正整数');
const buildSizes = values['build-sizes'].split(',').filter(Boolean).map(Number);
if (buildSizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--build-sizes 应为逗号分隔的正整数');
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
const BARE_OUT = join(WORK, 'bare-astro');
const reusable = values.reuse && existsSync(stampFile) && existsSync(join(SITE_OUT, 'pagefind')) && existsSync(join(BASELINE_OUT, 'pagefind'));
type Stamp = Pick<BenchResult, 'corpus' | 'siteBuild' | 'siteFirstRebuild' | 'siteRebuild' | 'bareBuild' | 'bareRebuild' | 'baselineBuild' | 'scaling'>;
let stamp: Stamp;

// Node's default heap limit is near 4 GB; 10,000 MDX pages come close to it. Both Astro builds
// get the same limit; the peak memory says how much was used.
const buildEnv = { ...process.env, NODE_OPTIONS: process.env['NODE_OPTIONS'] ?? '--max-old-space-size=8192' };
const summary = (run: ProcessRun): BuildRun => ({ ms: run.ms, peakRssBytes: run.peakRssBytes, peakByProgram: run.peakByProgram });
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The casebook's own build command over a corpus, with its log for the phase breakdown. */
async function buildCasebook(corpusDir: string, outDir: string, cold: boolean): Promise<ProcessRun> {
  if (cold) {
    // The caches scripts/build.ts keeps for this output and corpus: the content store, the check
    // memo and the pages a rebuild reuses.
    rmSync(buildCacheDir(PROJECT_ROOT, relative(PROJECT_ROOT, outDir), relative(PROJECT_ROOT, corpusDir)), { recursive: true, force: true });
    // A cold build starts from nothing: the output of an earlier run would otherwise be
    // deleted inside the timed build (about a minute for 23,000 files at 10,000 cases).
    const { out, versions } = publishPaths(outDir);
    rmSync(out, { recursive: true, force: true });
    rmSync(versions, { recursive: true, force: true });
  }
  const run = await timed(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', join(PROJECT_ROOT, 'scripts', 'build.ts'), '--out', relative(PROJECT_ROOT, outDir)],
    {
      ...buildEnv,
      CASEBOOK_CASES_DIR: relative(PROJECT_ROOT, corpusDir),
      CASEBOOK_VERBOSE: '1',
    },
  );
  if (run.status !== 0) {
    console.error(run.output);
    console.error(`案例库构建失败（退出码 ${run.status}，${(run.ms / 1000).toFixed(0)} s，内存峰值 ${mb(run.peakRssBytes)}）`);
    process.exit(1);
  }
  log(`  用时 ${(run.ms / 1000).toFixed(1)} s，内存峰值 ${mb(run.peakRssBytes)}`);
  return run;
}

/**
 * The bare stack: Astro 7 + MDX, one plain page per case, then Pagefind with its defaults.
 * Cold unless `again`: then Astro's caches and the last output are kept, as for the casebook's rebuild.
 */
async function buildBare(corpusDir: string, outDir: string, again = false): Promise<ProcessRun> {
  const run = await timed(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', join(PROJECT_ROOT, 'scripts', 'bench', 'bare-astro-build.ts'), corpusDir, outDir, ...(again ? ['--again'] : [])],
    buildEnv,
  );
  if (run.status !== 0) {
    console.error(run.output);
    console.error(`对照站点（Astro + MDX）构建失败（退出码 ${run.status}）`);
    process.exit(1);
  }
  log(`  用时 ${(run.ms / 1000).toFixed(1)} s，内存峰值 ${mb(run.peakRssBytes)}`);
  return run;
}

if (reusable) {
  stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
  log(`沿用已有的 ${stamp.corpus.cases} 个案例和站点（--reuse）`);
} else {
  // Build-only runs at the other sizes first, each over its own corpus, removed afterwards.
  const scaling: ScalePoint[] = [];
  for (const n of buildSizes) {
    const dir = join(WORK, `scale-${n}`);
    log(`规模 ${n}：生成案例，构建案例库和对照站点（Astro + MDX）…`);
    writeCorpus(join(dir, 'corpus'), n, seed);
    const site = await buildCasebook(join(dir, 'corpus'), join(dir, 'site'), true);
    const bare = await buildBare(join(dir, 'corpus'), join(dir, 'bare'));
    scaling.push({
      cases: n,
      site: { ...summary(site), bytes: dirSize(join(dir, 'site')).bytes, phases: buildPhases(site.output) },
      bare: { ...summary(bare), bytes: dirSize(join(dir, 'bare')).bytes },
    });
    rmSync(dir, { recursive: true, force: true });
  }

  log(`生成 ${cases} 个案例到 ${relative(PROJECT_ROOT, CORPUS)}/ …`);
  const corpus = writeCorpus(CORPUS, cases, seed);
  log(
    `  ${corpus.cases} 个案例全部通过 checkCaseText，正文 ${corpus.bodyChars.min}–${corpus.bodyChars.max} 字（中位数 ${corpus.bodyChars.median}），用时 ${(corpus.ms / 1000).toFixed(1)} s`,
  );

  log('构建案例库（scripts/build.ts，冷缓存）…');
  const cold = await buildCasebook(CORPUS, SITE_OUT, true);

  // An editor's pull request: one case gains a sentence, the content cache is kept.
  const [changed, changedNext] = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.mdx'))
    .sort() as [string, string];
  appendFileSync(join(CORPUS, changed), '\n补记：基准测试在第一次构建之后改动了这个案例，用来测量只改一个案例时的重新构建。\n');
  log(`只改动一个案例（${changed}）后重新构建（保留内容缓存）…`);
  const firstWarm = await buildCasebook(CORPUS, SITE_OUT, false);
  // The rebuild that is reported: the next pull request, started as soon as the first rebuild
  // returned, while the version that one replaced may still be being removed in the background
  // (src/lib/publish.ts): the state of every later rebuild, measured at its least favourable.
  appendFileSync(join(CORPUS, changedNext), '\n补记：基准测试在第一次重建之后又改动了这个案例，用来测量此后每一次只改一个案例的重建。\n');
  log(`紧接着再改动另一个案例（${changedNext}）后重新构建（上一次重建换下的版本可能仍在后台删除）…`);
  const warm = await buildCasebook(CORPUS, SITE_OUT, false);

  log('构建对照站点（Astro 7 + MDX，每个案例一个页面 + Pagefind 默认设置）…');
  const bare = await buildBare(CORPUS, BARE_OUT);
  // The same edit for the bare stack's own rebuild; the case is then put back as the casebook
  // indexed it, so the search measurements' truth (read from the corpus) matches both sites.
  const edited = readFileSync(join(CORPUS, changed), 'utf8');
  appendFileSync(join(CORPUS, changed), '\n再补记：对照站点也在第一次构建之后改动这个案例。\n');
  log(`对照站点只改动同一个案例后重新构建（保留 Astro 的缓存）…`);
  const bareAgain = await buildBare(CORPUS, BARE_OUT, true);
  writeFileSync(join(CORPUS, changed), edited);

  log('构建对照站点（每个案例一个纯 HTML 页面 + Pagefind）…');
  const baselineBuild = await buildBaseline(CORPUS, BASELINE_OUT);
  log(`  写页面 ${(baselineBuild.writeMs / 1000).toFixed(1)} s，Pagefind 建索引 ${(baselineBuild.indexMs / 1000).toFixed(1)} s`);
  stamp = {
    corpus,
    siteBuild: { ...summary(cold), phases: buildPhases(cold.output) },
    siteFirstRebuild: { ...summary(firstWarm), phases: buildPhases(firstWarm.output) },
    siteRebuild: { ...summary(warm), phases: buildPhases(warm.output) },
    bareBuild: summary(bare),
    bareRebuild: summary(bareAgain),
    baselineBuild,
    scaling,
  };
  writeFileSync(stampFile, JSON.stringify(stamp));
}

const sizes: BenchResult['sizes'] = {
  site: dirSize(SITE_OUT),
  sitePagefind: dirSize(join(SITE_OUT, 'pagefind')),
  bare: dirSize(BARE_OUT),
  barePagefind: dirSize(join(BARE_OUT, 'pagefind')),
  baseline: dirSize(BASELINE_OUT),
  baselinePagefind: dirSize(join(BASELINE_OUT, 'pagefind')),
};
const weights = pageWeights(SITE_OUT);

/** What is inside the index chunks the separately measured queries downloaded from a site. */
const chunksLoaded = (dir: string, m: SiteMeasurement) =>
  readChunks(
    join(dir, 'pagefind'),
    m.isolated.flatMap((q) => q.indexChunks.map((c) => c.file)),
  );

const browser = await launch();
const queries = QUERIES.map((q) => q.q);
const measured: Record<'site' | 'baseline', SiteMeasurement> = {} as never;
let precision: PrecisionRun[];
const sites = [
  { key: 'site', dir: SITE_OUT, label: '案例库' },
  { key: 'baseline', dir: BASELINE_OUT, label: '对照（裸 Pagefind）' },
] as const;
try {
  const servers = await Promise.all(sites.map(({ dir }) => serveStatic(dir)));
  try {
    const urls = servers.map((server) => `${server.origin}/search/`);
    for (const [i, { key, label }] of sites.entries()) {
      log(`在 Chromium 中测量${label}（${urls[i]}）…`);
      measured[key] = { ...(await measureOpenPage(browser, urls[i]!, queries, log)), isolated: [] };
    }
    // The machine's speed drifts within minutes (docs/benchmarks.md), so each query is measured on
    // both sites back to back, the order swapped every query: a drift weighs on both alike.
    log('单独计量每个查询，两个站点交替进行（案例库 | 对照）…');
    for (const [n, q] of queries.entries()) {
      const order = n % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) measured[sites[i]!.key].isolated[n] = await measureIsolated(browser, urls[i]!, q);
      const [a, b] = [measured.site.isolated[n]!, measured.baseline.isolated[n]!];
      log(
        `  ${q.padEnd(10, '　')} ${kb(a.bytes).padStart(9)} ${ms(a.firstResultMs).padStart(8)}  ${a.results} 条 | ${kb(b.bytes).padStart(9)} ${ms(b.firstResultMs).padStart(8)}  ${b.results} 条`,
      );
    }
    log('检查案例库搜索页找到的案例是否真含查询词…');
    precision = await measurePrecision(browser, urls[0]!, queries, indexedTexts(SITE_OUT));
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
  log('测量相关案例的排序用时…');
  const related = timeRelated(
    [...new Set([1_000, cases, 30_000])].sort((a, b) => a - b),
    5,
    seed,
  );
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: { ...(await machine()), chromium: browser.version() },
    seed,
    ...stamp,
    sizes,
    weights,
    queries: QUERIES,
    site: measured.site,
    baseline: measured.baseline,
    precision,
    interleaved: true,
    related,
    chunks: { site: chunksLoaded(SITE_OUT, measured.site), baseline: chunksLoaded(BASELINE_OUT, measured.baseline) },
  };
  writeFileSync(join(WORK, 'results.json'), JSON.stringify(result, null, 2));
  printSummary(result, log);
  writeReport(result);
} finally {
  await browser.close();
}
