/** The benchmark's printed summary and its Markdown report (docs/benchmarks.md). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { tokenText } from '../../src/lib/search-tokens.ts';
import type { CorpusReport } from '../corpus/generate.ts';
import type { BaselineBuild } from './baseline.ts';
import type { QueryRun, SiteMeasurement } from './browser.ts';
import { summarise, type DirSize, type Summary } from './measure.ts';
import type { BenchQuery } from './queries.ts';
import type { ChunkContents } from '../../src/lib/pagefind-index.ts';
import type { PrecisionRun } from './precision.ts';
import type { BuildPhases } from './phases.ts';
import type { PageWeights } from './weights.ts';
import { formatRelatedTimings, type RelatedTiming } from './related-timing.ts';
import { RELATED_WINDOW } from '../../src/lib/related.ts';

/** The search aims (issue 9) and the build budgets (issue 13). */
export const AIM = { bytesPerQuery: 100 * 1024, medianFirstResultMs: 300 } as const;
export const BUDGET = {
  buildTimeVsBare: 1.25,
  peakMemoryVsBare: 1.25,
  rebuildVsCold: 0.25,
  htmlPageBytes: 200 * 1024,
  casePageHtmlCssGzip: 30 * 1024,
  casePageJsGzip: 5 * 1024,
} as const;

/** Wall time and peak memory of a build, measured from outside (scripts/bench/measure.ts). */
export interface BuildRun {
  ms: number;
  peakRssBytes: number;
  peakByProgram?: Record<string, number>;
  phases?: BuildPhases;
}
/** A build-only comparison at another corpus size. */
export interface ScalePoint {
  cases: number;
  site: BuildRun & { bytes: number };
  bare: BuildRun & { bytes: number };
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryBytes: number;
  node: string;
  chromium: string;
  pagefind: string;
  astro: string;
  commit: string;
}

export interface BenchResult {
  date: string;
  machine: Machine;
  seed: number;
  corpus: CorpusReport;
  siteBuild: BuildRun;
  /** The casebook rebuilt after one case changed, content cache kept, right after the cold build (absent in older results). */
  siteFirstRebuild?: BuildRun;
  /**
   * The casebook rebuilt after one more case changed, right after the first rebuild: the state of
   * every later rebuild, with the version the first replaced perhaps still being removed in the
   * background (in older results, the only rebuild).
   */
  siteRebuild?: BuildRun;
  /** The bare stack: Astro 7 + MDX + Pagefind (scripts/bench/bare-astro-build.ts). */
  bareBuild?: BuildRun;
  /** The bare stack rebuilt after the same one-case edit, Astro's caches kept (absent in older results). */
  bareRebuild?: BuildRun;
  /** Whether the isolated queries alternated between the two sites (absent in older results, which measured one site, then the other). */
  interleaved?: boolean;
  baselineBuild: BaselineBuild;
  scaling?: ScalePoint[];
  sizes: Record<'site' | 'sitePagefind' | 'baseline' | 'baselinePagefind', DirSize> & Partial<Record<'bare' | 'barePagefind', DirSize>>;
  weights?: PageWeights;
  queries: readonly BenchQuery[];
  site: SiteMeasurement;
  baseline: SiteMeasurement;
  /** What is inside the index chunks the measured queries downloaded, by file name (absent in older results). */
  chunks?: Record<'site' | 'baseline', Record<string, ChunkContents>>;
  /** Whether what the search page finds contains the query (absent in older results). */
  precision?: PrecisionRun[];
  /** Ranking every case's 相关案例 at several corpus sizes (absent in older results). */
  related?: RelatedTiming[];
}

// Read from node_modules directly: pagefind's `exports` do not expose its package.json.
const versionOf = (pkg: string) => (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

export async function machine(): Promise<Omit<Machine, 'chromium'>> {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    pagefind: versionOf('pagefind'),
    astro: versionOf('astro'),
    commit,
  };
}

/** Time until the reader sees an answer: the first result, or the empty-result message. */
export const answerMs = (r: QueryRun) => r.firstResultMs ?? r.doneMs;

const KB = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const MB = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
const MS = (v: number) => `${Math.round(v)} ms`;
const S = (v: number) => `${(v / 1000).toFixed(1)} s`;

export interface Verdict {
  bytes: Summary;
  time: Summary;
  bytesOk: boolean;
  timeOk: boolean;
}

export function verdict(runs: readonly QueryRun[]): Verdict {
  const bytes = summarise(runs.map((r) => r.bytes));
  const time = summarise(runs.map(answerMs));
  return { bytes, time, bytesOk: bytes.max <= AIM.bytesPerQuery, timeOk: time.median <= AIM.medianFirstResultMs };
}

export function printSummary(r: BenchResult, log: (line: string) => void): void {
  log('');
  log(`查询                 案例库：字节  首个结果  条数 | 对照：字节  首个结果  条数`);
  r.queries.forEach((q, i) => {
    const a = r.site.isolated[i]!;
    const b = r.baseline.isolated[i]!;
    log(
      `${q.q.padEnd(10, '　')} ${KB(a.bytes).padStart(12)} ${MS(answerMs(a)).padStart(8)} ${String(a.results).padStart(4)} | ${KB(b.bytes).padStart(10)} ${MS(answerMs(b)).padStart(8)} ${String(b.results).padStart(4)}`,
    );
  });
  for (const [label, m] of [
    ['案例库', r.site],
    ['对照', r.baseline],
  ] as const) {
    const v = verdict(m.isolated);
    log(
      `${label}：每查询字节 中位数 ${KB(v.bytes.median)}，p90 ${KB(v.bytes.p90)}，最大 ${KB(v.bytes.max)}；首个结果 中位数 ${MS(v.time.median)}，p90 ${MS(v.time.p90)}，最大 ${MS(v.time.max)}`,
    );
  }
  const v = verdict(r.site.isolated);
  log(`目标（每查询 ≤ 100 KB，首个结果中位数 ≤ 300 ms）：字节${v.bytesOk ? '达到' : '未达到'}，时间${v.timeOk ? '达到' : '未达到'}`);
}

/** Until the whole first page is shown: the casebook shows results one by one as their data arrives, so its first result comes earlier. */
function wholePageSection(r: BenchResult): string {
  const row = (label: string, runs: readonly QueryRun[]) => {
    const t = summarise(runs.map((run) => run.doneMs));
    return `| ${label} | ${MS(t.median)} | ${MS(t.p90)} | ${MS(t.max)} |`;
  };
  return `第一页的结果全部显示、页面标出渲染完成（\`#search-results[data-query]\`）的时间。案例库按结果数据到达的先后逐条显示（排在前面的先显示），
所以它的“首个结果”早于这里；对照页面一次显示全部结果：

| 第一页全部显示（单独计量的 ${r.queries.length} 个查询） | 中位数 | p90 | 最大 |
| --- | --- | --- | --- |
${row('案例库', r.site.isolated)}
${row('对照', r.baseline.isolated)}

`;
}

/** Queries submitted as soon as the previous results show: does a new query wait for the old counts? */
function rapidSection(r: BenchResult): string {
  if (!r.site.rapid || !r.baseline.rapid) return '';
  const row = (label: string, runs: readonly QueryRun[]) => {
    const t = summarise(runs.map(answerMs));
    return `| ${label} | ${MS(t.median)} | ${MS(t.p90)} | ${MS(t.max)} |`;
  };
  return `在同一页面上连续快速查询：上一个查询的结果一出现就提交下一个，不等网络空闲、也不等筛选计数（读者连着输入或连着勾选时就是这样）：

| 连续快速查询（${r.queries.length} 个） | 首个结果 中位数 | 首个结果 p90 | 首个结果 最大 |
| --- | --- | --- | --- |
${row('案例库', r.site.rapid)}
${row('对照', r.baseline.rapid)}

`;
}

function summaryRows(label: string, runs: readonly QueryRun[]): string {
  const v = verdict(runs);
  return `| ${label} | ${KB(v.bytes.median)} | ${KB(v.bytes.p90)} | ${KB(v.bytes.max)} | ${MS(v.time.median)} | ${MS(v.time.p90)} | ${MS(v.time.max)} |`;
}

const KINDS: readonly [string, string][] = [
  ['index', '索引块（pf_index）'],
  ['fragment', '结果片段（pf_fragment）'],
  ['filter', '筛选数据（pf_filter）'],
  ['meta', '索引元数据（pf_meta）'],
  ['wasm', 'WASM'],
  ['pagefind-js', 'Pagefind 脚本'],
  ['page', '页面自身的文件'],
];

/** Median bytes per kind over the queries, so the report shows where a query's bytes go. */
function breakdownRows(r: BenchResult): string[] {
  return KINDS.filter(([kind]) => [...r.site.isolated, ...r.baseline.isolated].some((q) => (q.byKind[kind] ?? 0) > 0)).map(
    ([kind, label]) =>
      `| ${label} | ${KB(summarise(r.site.isolated.map((q) => q.byKind[kind] ?? 0)).median)} | ${KB(summarise(r.baseline.isolated.map((q) => q.byKind[kind] ?? 0)).median)} |`,
  );
}

/** A word found in at least this share of the cases counts as common in the chunk table. */
const COMMON_SHARE = 0.5;

/**
 * Why each query downloads what it does: the chunks it loaded and the word that fills each.
 * Pagefind loads one chunk per search term and a chunk's size follows its word positions, so
 * a term that occurs in most cases brings a large chunk whatever the page around it does.
 */
function chunkSection(r: BenchResult): string {
  if (!r.chunks) return '';
  const chunks = r.chunks;
  const cases = r.corpus.cases;
  const describe = (site: 'site' | 'baseline', run: QueryRun) =>
    run.indexChunks
      .map(({ file, bytes }) => {
        const c = chunks[site][file];
        // The casebook's index words are pair and term tokens (src/lib/search-tokens.ts); shown decoded.
        const word = site === 'site' && c ? tokenText(c.largest.word) : c?.largest.word;
        return c ? `${word}（${c.largest.pages.toLocaleString('en')} 个案例）${KB(bytes)}` : `${file} ${KB(bytes)}`;
      })
      .join('、') || '—';
  const rows = r.queries.map((q, i) => `| ${q.q} | ${describe('site', r.site.isolated[i]!)} | ${describe('baseline', r.baseline.isolated[i]!)} |`);
  let common = 0;
  let all = 0;
  for (const run of r.site.isolated)
    for (const { file, bytes } of run.indexChunks) {
      all += bytes;
      if ((chunks.site[file]?.largest.pages ?? 0) >= COMMON_SHARE * cases) common += bytes;
    }
  const overAim = r.baseline.isolated.filter((run) => (run.byKind['index'] ?? 0) > AIM.bytesPerQuery).length;
  return `
## 每个查询下载了哪些索引块

Pagefind 为查询里的每个词各取一个索引块（\`pf_index\`）；一个块大约装 20,000 个词位置就封口，所以块的大小由其中出现次数最多的词决定。
下表列出每个查询实际下载的索引块：块中位置最多的词、含这个词的案例数、传输的字节。
对照页面里，Chromium 的分词器（\`Intl.Segmenter\`）把词典里没有的词切成单字，每个单字各取一个块；案例库的索引词是“相邻两个字”
（结对帮扶 → 结对、对帮、帮扶，表中显示解码后的两个字），每个查询词按这些词组成的短语查找；措施词表里三个字以上的名称、别称和关键词
另有一个整词的索引词（\`src/lib/search-terms.ts\`），查这样的词只取这一个块。
块按词的字典序切分，所以少见词所在的块也常被排在它旁边的常见词撑大（表中少见词那几行，块中最大的词往往不是查询里的词）。

| 查询 | 案例库 下载的索引块 | 对照 下载的索引块 |
| --- | --- | --- |
${rows.join('\n')}

在案例库的这些查询里，${KB(common)} / ${KB(all)}（${Math.round((100 * common) / Math.max(all, 1))}%）的索引块字节来自“块中最大的词出现在至少 ${Math.round(COMMON_SHARE * 100)}% 的案例里”的块。
对照页面（同一版本的 Pagefind、同一语料）有 ${overAim} / ${r.queries.length} 个查询仅索引块就超过 ${KB(AIM.bytesPerQuery)}。
`;
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(3));

/** Found versus truly containing the query. */
function precisionSection(r: BenchResult): string {
  if (!r.precision?.length) return '';
  const rows = r.precision.map(
    (p) =>
      `| ${p.query} | ${p.containing.toLocaleString('en')} | ${p.found.toLocaleString('en')} | ${p.found > 0 ? `${Math.round((100 * p.containing) / p.found)}%` : '—'} | ${p.shownContaining} / ${p.shown} |`,
  );
  const exact = r.precision.filter((p) => p.found === p.containing).length;
  const topAll = r.precision.filter((p) => p.shownContaining === Math.min(p.shown, p.containing)).length;
  return `
## 找到的案例是否真含查询词

在案例库的搜索页上逐个查询（繁体先转成简体），把页面报告的“找到 N 个”和第一页的 10 条结果，与“索引文本中原样含查询的每个词”的案例数对照
（索引文本由索引本身的记录解码而来，即标题、摘要、措施、地名、正文和数据）。搜索是精确的（\`src/lib/exact-search.ts\`），两者应当相等。

| 查询 | 含查询词的案例 | 页面报告找到 | 找到的案例中真含的比例 | 第一页中真含的 |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

${exact} / ${r.precision.length} 个查询找到的正好是含查询词的案例；${topAll} / ${r.precision.length} 个查询的第一页全部（或全部可能的）结果都含查询词。
按“查询—案例”对合计：召回率 ${ratio(
    r.precision.reduce((n, p) => n + Math.min(p.found, p.containing), 0),
    r.precision.reduce((n, p) => n + p.containing, 0),
  )}，准确率 ${ratio(
    r.precision.reduce((n, p) => n + Math.min(p.found, p.containing), 0),
    r.precision.reduce((n, p) => n + p.found, 0),
  )}（报告的总数与真值相等时两者都是 1）。
`;
}

const PAGE_KINDS: Record<string, string> = {
  cases: '案例页',
  measures: '措施页',
  regions: '地区页',
  years: '年份页',
  all: '全部案例',
  browse: '浏览页',
  search: '搜索页',
  data: '数据页',
  handout: '讲义页',
  'case-images': '案例图片',
  其他: '首页、404、RSS 和 JSON',
};

/** Build time, memory and size against the bare stack (issue 13). */
function buildSection(r: BenchResult): string {
  const ok = (b: boolean) => (b ? '**达到**' : '**未达到**');
  const programs = (run: BuildRun) =>
    run.peakByProgram
      ? Object.entries(run.peakByProgram)
          .filter(([, b]) => b > 50 * 2 ** 20)
          .map(([name, b]) => `${name} ${MB(b)}`)
          .join('，')
      : '—';
  const row = (label: string, run: BuildRun, out: DirSize | undefined, index: DirSize | undefined) =>
    `| ${label} | ${S(run.ms)} | ${MB(run.peakRssBytes)} | ${out ? `${MB(out.bytes)}，${out.files.toLocaleString('en')} 个文件` : '—'} | ${index ? MB(index.bytes) : '—'} | ${programs(run)} |`;
  const bare = r.bareBuild;
  const lines = [
    '## 构建',
    '',
    '| 站点 | 构建用时 | 内存峰值 | 输出 | 其中 Pagefind 索引 | 各程序的内存峰值 |',
    '| --- | --- | --- | --- | --- | --- |',
    row('案例库（`scripts/build.ts`，冷缓存）', r.siteBuild, r.sizes.site, r.sizes.sitePagefind),
  ];
  if (r.siteFirstRebuild) lines.push(row('案例库，冷构建之后只改一个案例，第一次重建（保留内容缓存）', r.siteFirstRebuild, undefined, undefined));
  if (r.siteRebuild)
    lines.push(
      row(
        r.siteFirstRebuild
          ? '案例库，紧接着再改另一个案例后重建（此后每次重建的情形；上一次换下的版本可能仍在后台删除）'
          : '案例库，只改一个案例后重建（保留内容缓存）',
        r.siteRebuild,
        undefined,
        undefined,
      ),
    );
  if (bare) lines.push(row('对照：Astro 7 + MDX + Pagefind（每个案例一个页面，默认设置）', bare, r.sizes.bare, r.sizes.barePagefind));
  if (r.bareRebuild) lines.push(row('对照，只改一个案例后重建（保留 Astro 的缓存）', r.bareRebuild, undefined, undefined));
  lines.push(
    `| 对照：纯 HTML + Pagefind（搜索测量用） | ${S(r.baselineBuild.writeMs + r.baselineBuild.indexMs)}（写页面 ${S(r.baselineBuild.writeMs)}，建索引 ${S(r.baselineBuild.indexMs)}） | — | ${MB(r.sizes.baseline.bytes)}，${r.sizes.baseline.files.toLocaleString('en')} 个文件 | ${MB(r.sizes.baselinePagefind.bytes)} | — |`,
    '',
    '构建用时是整条命令的墙钟时间；内存峰值是构建进程及其全部子进程（含 Pagefind 二进制程序）常驻内存之和，每 250 ms 采样一次。',
  );
  if (bare) {
    const t = r.siteBuild.ms / bare.ms;
    const m = r.siteBuild.peakRssBytes / bare.peakRssBytes;
    lines.push('', '| 预算（issue 13，10,000 个案例） | 实测 | 结果 |', '| --- | --- | --- |');
    lines.push(
      `| 构建用时 ≤ ${BUDGET.buildTimeVsBare} × 对照（Astro + MDX + Pagefind） | ${t.toFixed(2)} ×（${S(r.siteBuild.ms)} 对 ${S(bare.ms)}） | ${ok(t <= BUDGET.buildTimeVsBare)} |`,
    );
    lines.push(
      `| 内存峰值 ≤ ${BUDGET.peakMemoryVsBare} × 对照 | ${m.toFixed(2)} ×（${MB(r.siteBuild.peakRssBytes)} 对 ${MB(bare.peakRssBytes)}） | ${ok(m <= BUDGET.peakMemoryVsBare)} |`,
    );
    if (r.siteRebuild) {
      const q = r.siteRebuild.ms / r.siteBuild.ms;
      lines.push(`| 改一个案例后重建 ≤ ${BUDGET.rebuildVsCold} × 冷构建 | ${q.toFixed(2)} ×（${S(r.siteRebuild.ms)}） | ${ok(q <= BUDGET.rebuildVsCold)} |`);
    }
    if (r.siteFirstRebuild) {
      // Not a budget: the first rebuild follows the cold build, which replaced no version.
      const q = r.siteFirstRebuild.ms / r.siteBuild.ms;
      lines.push(`| （参照）冷构建之后的第一次重建 | ${q.toFixed(2)} ×（${S(r.siteFirstRebuild.ms)}） | — |`);
    }
    if (r.siteRebuild && r.bareRebuild) {
      // Not a budget: how the bare stack's own rebuild compares, for reading the line above.
      const own = r.bareRebuild.ms / bare.ms;
      const vs = r.siteRebuild.ms / r.bareRebuild.ms;
      lines.push(`| （参照）对照自己的重建 | 对照冷构建的 ${own.toFixed(2)} ×（${S(r.bareRebuild.ms)}）；案例库的重建是它的 ${vs.toFixed(2)} × | — |`);
    }
  }
  const phases = r.siteBuild.phases;
  if (phases) {
    // The rebuild's column, where the run measured one (older results have none).
    const again = r.siteRebuild?.phases;
    const rest = (run: BuildRun, p: BuildPhases) =>
      Math.max(0, run.ms - p.contentMs - p.bundleMs - Object.values(p.pages).reduce((n, x) => n + x.ms, 0) - (p.pagefindWaitMs ?? p.pagefindMs));
    const row = (label: string, cold: number, warm: number | undefined) => `| ${label} | ${S(cold)} |${again ? ` ${S(warm ?? 0)} |` : ''}`;
    const pages = Object.entries(phases.pages).sort((a, b) => b[1].ms - a[1].ms);
    lines.push(
      '',
      '### 案例库构建的各阶段',
      '',
      `| 阶段 | 冷缓存 |${again ? ' 只改一个案例后重建 |' : ''}`,
      `| --- | --- |${again ? ' --- |' : ''}`,
      row('内容加载器：读取、检查并渲染全部案例文件（`src/loaders/cases.ts`）', phases.checksMs, again?.checksMs),
      row('Astro 内容同步（含上一行，按秒计）', phases.contentMs, again?.contentMs),
      row('打包（Vite）', phases.bundleMs, again?.bundleMs),
      ...pages.map(([kind, p]) => row(`写页面：${PAGE_KINDS[kind] ?? kind}（${p.count.toLocaleString('en')} 个）`, p.ms, again?.pages[kind]?.ms)),
      ...(phases.pagefindWaitMs === undefined
        ? [row('Pagefind 建索引、筛选表和核对（`src/integrations/casebook.ts`）', phases.pagefindMs, again?.pagefindMs)]
        : [
            row('Pagefind 建索引和筛选表：在后台线程里，与打包、写页面同时进行，不计入合计（`src/lib/search-index.ts`）', phases.pagefindMs, again?.pagefindMs),
            row('写完页面后等待搜索索引、移入网站并核对（`src/integrations/casebook.ts`）', phases.pagefindWaitMs, again?.pagefindWaitMs),
          ]),
      row(
        '其余（启动、类型生成、从增量缓存复制没变的页面、复制静态文件、网站地图、发布）',
        rest(r.siteBuild, phases),
        again && r.siteRebuild ? rest(r.siteRebuild, again) : undefined,
      ),
      '',
      '各阶段取自构建自己的日志（`CASEBOOK_VERBOSE=1`，`scripts/bench/phases.ts`）：写页面的用时是 Astro 为每个页面报告的时间之和。',
    );
  }
  if (r.scaling?.length) {
    lines.push(
      '',
      '### 其他规模（只测构建）',
      '',
      '| 案例数 | 案例库 用时 | 对照 用时 | 用时之比 | 案例库 内存峰值 | 对照 内存峰值 | 内存之比 | 案例库 输出 | 对照 输出 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const p of [
      ...r.scaling,
      ...(bare ? [{ cases: r.corpus.cases, site: { ...r.siteBuild, bytes: r.sizes.site.bytes }, bare: { ...bare, bytes: r.sizes.bare?.bytes ?? 0 } }] : []),
    ].sort((a, b) => a.cases - b.cases))
      lines.push(
        `| ${p.cases.toLocaleString('en')} | ${S(p.site.ms)} | ${S(p.bare.ms)} | ${(p.site.ms / p.bare.ms).toFixed(2)} | ${MB(p.site.peakRssBytes)} | ${MB(p.bare.peakRssBytes)} | ${(p.site.peakRssBytes / p.bare.peakRssBytes).toFixed(2)} | ${MB(p.site.bytes)} | ${MB(p.bare.bytes)} |`,
      );
  }
  const w = r.weights;
  if (w) {
    const largest = Object.values(w.kinds).reduce((a, b) => (b.largestBytes > a.largestBytes ? b : a));
    lines.push(
      '',
      '### 页面大小',
      '',
      '| 页面类型 | 页数 | 最大的 HTML | 压缩后（gzip）中位数 |',
      '| --- | --- | --- | --- |',
      ...Object.entries(w.kinds)
        .sort((a, b) => b[1].pages - a[1].pages)
        .map(
          ([kind, k]) =>
            `| ${PAGE_KINDS[kind] ?? kind} | ${k.pages.toLocaleString('en')} | ${KB(k.largestBytes)}（\`${k.largestPath}\`） | ${KB(k.medianGzipBytes)} |`,
        ),
      '',
      '| 预算（issue 13） | 实测 | 结果 |',
      '| --- | --- | --- |',
      `| 没有超过 200 KB 的 HTML 页面 | 最大 ${KB(largest.largestBytes)}（\`${largest.largestPath}\`） | ${ok(largest.largestBytes <= BUDGET.htmlPageBytes)} |`,
      `| 案例页 HTML + CSS 压缩后 ≤ 30 KB | 最大 ${KB(w.casePage.htmlCssGzipMax)} | ${ok(w.casePage.htmlCssGzipMax <= BUDGET.casePageHtmlCssGzip)} |`,
      `| 案例页 JS 压缩后 ≤ 5 KB | 最大 ${KB(w.casePage.jsGzipMax)} | ${ok(w.casePage.jsGzipMax <= BUDGET.casePageJsGzip)} |`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Hand-written findings kept beside the generator, appended to every report. */
const NOTES = join(PROJECT_ROOT, 'scripts', 'bench', 'notes.md');

function loadKinds(m: SiteMeasurement): string {
  return KINDS.filter(([kind]) => (m.load.byKind[kind] ?? 0) > 0)
    .map(([kind, label]) => `${label} ${KB(m.load.byKind[kind]!)}`)
    .join('，');
}

/** How the build-time ranking of 相关案例 grows with the corpus (scripts/bench/related-timing.ts). */
function relatedSection(r: BenchResult): string {
  if (!r.related?.length) return '';
  return `## 相关案例的计算

构建时为每个案例挑选相关案例（\`src/lib/related.ts\`），全部案例一次算完；每个案例在它每项措施的案例列表里最多看 ${RELATED_WINDOW} 个邻近的案例，
所以每个案例的工作量有上限，总用时随案例数线性增长。下面是同一语料前 N 个案例的用时（只计排序，不含读案例）：

${formatRelatedTimings(r.related)
  .map((line) => `- ${line}`)
  .join('\n')}

`;
}

export function renderReport(r: BenchResult): string {
  const m = r.machine;
  const site = verdict(r.site.isolated);
  const baseline = verdict(r.baseline.isolated);
  const signals = new Set([...r.site.isolated, ...r.site.sequential].map((q) => q.signal));
  const rows = r.queries.map((q, i) => {
    const a = r.site.isolated[i]!;
    const b = r.baseline.isolated[i]!;
    const cell = (x: QueryRun) => `${KB(x.bytes)} | ${MS(answerMs(x))}${x.firstResultMs === undefined ? '（无结果）' : ''} | ${x.results}`;
    return `| ${q.q} | ${q.kind} | ${cell(a)} | ${cell(b)} |`;
  });
  const ok = (b: boolean) => (b ? '**达到**' : '**未达到**');
  return `# 构建与搜索性能基准

由 \`npm run bench\` 生成（${r.date.slice(0, 10)}，提交 \`${m.commit}\`）。生成语料、构建两个站点、测量，全部在同一次运行中完成；
原始数据在 \`.tmp/bench/results.json\`。快速试跑用 \`npm run bench -- --cases 300\`（报告写到 \`.tmp/bench/benchmarks.md\`）。

## 结论

在 ${r.corpus.cases.toLocaleString('en')} 个案例上，案例库每个查询传输的字节中位数 ${KB(site.bytes.median)}、最大 ${KB(site.bytes.max)}，
从提交到第一条结果出现的时间中位数 ${MS(site.time.median)}、p90 ${MS(site.time.p90)}。

| 目标（issue 9） | 实测 | 结果 |
| --- | --- | --- |
| 每查询字节中位数 ≤ 同次运行的默认 Pagefind 页面 | ${KB(site.bytes.median)}（对照 ${KB(baseline.bytes.median)}） | ${ok(site.bytes.median <= baseline.bytes.median)} |
| 每查询字节最大值 ≤ 同次运行的默认 Pagefind 页面 | ${KB(site.bytes.max)}（对照 ${KB(baseline.bytes.max)}） | ${ok(site.bytes.max <= baseline.bytes.max)} |
| 延伸目标：每个查询 ≤ 100 KB（取所有查询中的最大值） | 最大 ${KB(site.bytes.max)} | ${ok(site.bytesOk)} |
| 首个结果时间中位数 ≤ 300 ms | ${MS(site.time.median)} | ${ok(site.timeOk)} |
| （参照）首个结果时间中位数，与同次运行的默认 Pagefind 页面相比 | ${MS(site.time.median)}（对照 ${MS(baseline.time.median)}），${(site.time.median / baseline.time.median).toFixed(2)} × | — |

## 机器

| 项目 | 值 |
| --- | --- |
| CPU | ${m.cores} 核（\`nproc\`），${m.cpu}；与其他工程师的进程共用 |
| 内存 | ${(m.memoryBytes / 2 ** 30).toFixed(1)} GB |
| Node | ${m.node} |
| Chromium | ${m.chromium}（无头模式，\`/usr/bin/chromium\`，经 playwright-core 驱动） |
| Pagefind | ${m.pagefind}（Node API） |
| Astro | ${m.astro} |

## 语料

${r.corpus.cases.toLocaleString('en')} 个由 \`scripts/corpus/generate.ts\` 按种子 ${r.seed} 确定性生成的案例（同一种子、同一编号的案例总是相同，\`--cases 300\` 得到的是完整语料的前 300 个）。
每个案例都用构建所用的 \`checkCaseText\` 检查过。地区从 GB/T 2260 行政区划中随机抽取（省、地市、县区、乡镇，约 3% 的案例写到具体的村），
层级按 村 30%、乡镇 30%、县区 25%、地市 10%、省 5%；年份 1990—2025；每个案例 1—8 项措施（取自 \`content/measures.yaml\`）、5—30 项数据；
正文四节（背景、主要做法、成效、经验与启示），由 \`scripts/corpus/phrases.ts\` 中专为基准编写的句子组合而成，
正文 ${r.corpus.bodyChars.min}—${r.corpus.bodyChars.max} 字（中位数 ${r.corpus.bodyChars.median}）；约 5% 的案例含一个少见词（如“猕猴桃”“光伏电站”），用于测少见词查询。
语料文件共 ${MB(r.corpus.bytes)}。句子是组合出来的，词汇比真实报道单调，因此索引可能比同样数量的真实案例小一些。

${buildSection(r)}
${relatedSection(r)}## 打开搜索页（一次性）

| 站点 | 打开搜索页 | 冷启动的第一个查询（“${r.queries[0]!.q}”） |
| --- | --- | --- |
| 案例库 | ${KB(r.site.load.bytes)}，${r.site.load.requests} 个请求 | ${KB(r.site.cold.bytes)}，${r.site.cold.requests} 个请求，首个结果 ${MS(answerMs(r.site.cold))} |
| 对照 | ${KB(r.baseline.load.bytes)}，${r.baseline.load.requests} 个请求 | ${KB(r.baseline.cold.bytes)}，${r.baseline.cold.requests} 个请求，首个结果 ${MS(answerMs(r.baseline.cold))} |

打开搜索页时下载的内容——案例库：${loadKinds(r.site)}；对照：${loadKinds(r.baseline)}。Pagefind 的 WASM 和元数据在打开页面时还是在第一次搜索时加载，取决于页面；
冷启动的第一个查询把打开页面时没有加载的部分也算在内，所以单独列出，不计入下面的每查询数字。

## 每个查询

每个查询在新打开的搜索页上运行：先用一个无关的查询（\`zzzz\`）把 Pagefind 的脚本和 WASM 加载好，再计量这个查询。
这样每个数字都是“页面已就绪、但此前没有搜过相关词”时这个查询自己的开销，查询之间不共享已下载的索引块。
${r.interleaved ? '两个站点逐个查询交替计量（第一个查询先案例库后对照，下一个先对照后案例库，依此类推），机器速度在几分钟内的起伏对两边的影响相同。' : '这次运行先测完案例库的全部查询，再测对照的（之后的运行改为逐个查询交替计量）。'}

| 查询 | 类型 | 案例库 字节 | 案例库 首个结果 | 案例库 显示条数 | 对照 字节 | 对照 首个结果 | 对照 显示条数 |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

| 汇总（${r.queries.length} 个查询） | 字节 中位数 | 字节 p90 | 字节 最大 | 首个结果 中位数 | 首个结果 p90 | 首个结果 最大 |
| --- | --- | --- | --- | --- | --- | --- |
${summaryRows('案例库', r.site.isolated)}
${summaryRows('对照', r.baseline.isolated)}
${summaryRows('案例库，在同一页面上依次查询', r.site.sequential)}
${summaryRows('对照，在同一页面上依次查询', r.baseline.sequential)}

${wholePageSection(r)}${rapidSection(r)}每个查询的字节按内容分（各查询的中位数；各行的中位数相加不一定等于总数的中位数）：

| 内容 | 案例库 | 对照 |
| --- | --- | --- |
${breakdownRows(r).join('\n')}

“在同一页面上依次查询”是读者的常见用法：页面打开后连续搜索，后面的查询可以复用前面已经下载的索引块和片段，字节数更少。
${chunkSection(r)}${precisionSection(r)}
## 测量方法与局限

- **字节**：Playwright 的 \`request.sizes()\`（响应头加压缩后的响应体，Chromium 取自 DevTools 协议 \`Network.loadingFinished\` 的 \`encodedDataLength\`），
  对提交查询后发出的全部请求求和，包括对照页面的 Pagefind 在 Web Worker 中发出的请求（案例库的 Pagefind 在页面线程里运行），一直计到结果渲染完、网络空闲 300 ms 为止（因此也包括渲染后才发出的请求）。
  静态服务器（\`scripts/bench/server.ts\`，node:http，127.0.0.1）对 HTML、JS、CSS、JSON 做 gzip 压缩（Pagefind 的索引文件本身已压缩），
  并像一般静态网站主机那样发送缓存头：文件名随内容变化的文件（Astro 的 \`_astro/\` 脚本，Pagefind 的索引块、片段、筛选数据和元数据）可长期缓存，其余文件每次重新获取。
  每个单独计量的查询都在新的浏览器上下文（空的 HTTP 缓存）里运行，查询之间不共享缓存；同一查询内，案例库计算筛选计数的第二个 Pagefind 实例从缓存读取结果实例已下载的索引块，不重复传输。
- **时间**：页面内的 \`performance.now()\`，从 \`form.requestSubmit()\` 之前到 MutationObserver 记录到第一个 \`#search-results > li\` 被插入为止；
  没有结果的查询计到页面报告渲染完成为止（标为“无结果”）。查询词先填入 \`#q\`，再开始计时。
  渲染完成的信号：${[...signals].map((s) => ({ 'data-query': '`#search-results[data-query]` 被设置', 'first-result': '第一条结果出现（页面可能还在显示其余结果，或不设 data-query）', status: '`#search-status` 文字改变', timeout: '超时' })[s]).join('；')}。
- 本机回环网络几乎没有延迟和带宽限制，时间反映的是浏览器端的计算（WASM 检索、解压、渲染）加上本机读文件，不包括真实网络的往返时间；
  在真实网络上，每个查询还要加上按顺序下载索引块和片段的往返时间。机器只有 2 个核，且同时有其他构建在运行，时间会有波动。
- 对照页面只显示前 10 条结果、没有筛选面板、不做繁简转换，所以繁体查询在对照页面上通常找不到结果；案例库页面按它自己的设计显示结果、计算筛选计数，
  这部分开销算在案例库的每查询数字里。
- 对照页面索引的是标题、正文和数据表；案例库页面还索引摘要和来源（学习目标、讨论题和案例概况不进索引），所以两者的索引大小和结果数不完全相同。
- “首个结果”只计到第一条结果出现；案例库随后用构建时写出的分面表（\`search-facets.json\`，每个页面只取一次）在页面里计算筛选计数，不再检索，分面表的下载（已缓存的除外）计入该查询的字节；
  一个查询要等页面标出计数完成（\`#facet-form[data-counts-for]\`）才算结束，下一个查询（包括预热查询之后的计量查询）此后才提交。
${existsSync(NOTES) ? `\n${readFileSync(NOTES, 'utf8')}` : ''}`;
}
