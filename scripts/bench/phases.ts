/**
 * Where the casebook's build spends its time, read from its own log (scripts/build.ts with
 * CASEBOOK_VERBOSE=1): the content loader's check-and-render line, Astro's content sync, the
 * bundler, the time Astro reports for each page it wrote (grouped by the page's first path
 * segment: cases, measures, regions, …), and the Pagefind line of the casebook integration (how
 * long indexing took in its worker thread, and how long the build then still waited for it).
 */
export interface BuildPhases {
  /** The content loader: reading, checking and rendering every case file. */
  checksMs: number;
  /** Astro's content sync as a whole (includes the checks), to the second. */
  contentMs: number;
  /** Vite bundling of server and client code. */
  bundleMs: number;
  /** Writing pages, per kind of page: how many and the sum of Astro's per-page times. */
  pages: Record<string, { count: number; ms: number }>;
  /** Pagefind indexing and the facet table (since it moved to a worker thread, alongside the pages). */
  pagefindMs: number;
  /** How long the build waited for the index after the pages were written (absent in builds that indexed after them). */
  pagefindWaitMs?: number;
}

const clock = (line: string) => {
  const m = /^(\d\d):(\d\d):(\d\d)/.exec(line);
  return m ? (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000 : undefined;
};

/** Astro's durations: "510ms", "1.13s", "2m 5s". */
export function parseDuration(text: string): number {
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)\s*(ms|s|m)\b/g)) ms += Number(n) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
  return ms;
}

export function buildPhases(log: string): BuildPhases {
  const phases: BuildPhases = { checksMs: 0, contentMs: 0, bundleMs: 0, pages: {}, pagefindMs: 0 };
  let syncStart: number | undefined;
  for (const raw of log.split('\n')) {
    // eslint-disable-next-line no-control-regex -- Astro colours its log
    const line = raw.replace(/\u001b\[[\d;]*m/g, '');
    if (line.includes('[content] Syncing content')) syncStart = clock(line);
    else if (line.includes('[content] Synced content') && syncStart !== undefined) phases.contentMs += (clock(line) ?? syncStart) - syncStart;
    const checks = /已检查并渲染 \d+ 个案例文件.*用时 (\d+) ms/.exec(line);
    if (checks) phases.checksMs += Number(checks[1]);
    const bundled = /\[vite\] ✓ built in (.+)$/.exec(line);
    if (bundled) phases.bundleMs += parseDuration(bundled[1]!);
    const page = /[├└]─ \/([^/\s]*)[^\s]* \(\+([^)]+)\)/.exec(line);
    if (page) {
      const kind = page[1]!.includes('.') || page[1] === '' ? '其他' : page[1]!;
      const entry = (phases.pages[kind] ??= { count: 0, ms: 0 });
      entry.count++;
      entry.ms += parseDuration(page[2]!);
    }
    const indexed = /Pagefind：.*用时 (\d+) ms/.exec(line);
    if (indexed) phases.pagefindMs += Number(indexed[1]);
    const waited = /Pagefind：.*页面写完后又等了 (\d+) ms/.exec(line);
    if (waited) phases.pagefindWaitMs = (phases.pagefindWaitMs ?? 0) + Number(waited[1]);
  }
  return phases;
}
