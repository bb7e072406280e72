/**
 * Drives a search page in headless Chromium and measures, per query, the bytes that cross
 * the network and the time until the first result is in the DOM.
 *
 * Bytes: Playwright's `request.sizes()`, response headers plus encoded (compressed) body, which
 * Chromium takes from the DevTools protocol's `Network.loadingFinished.encodedDataLength`;
 * summed over the requests a query starts, including those of Pagefind's web worker. A request
 * belongs to the phase during which it was sent.
 *
 * Time: `performance.now()` in the page, from just before `form.requestSubmit()` to the
 * MutationObserver record that adds the first `#search-results > li`. The query is typed
 * into `#q` before the clock starts.
 *
 * Page contract (both sites): `form#search-form`, `input#q`, results as `#search-results > li`;
 * after rendering, `#search-results[data-query]` is set. A page without that attribute is
 * still measured: then a query is done at its first result or when `#search-status` changes,
 * and the network has gone quiet.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

interface RequestRecord {
  phase: number;
  url: string;
  done: boolean;
  bytes: number;
  failed: boolean;
}

/**
 * Network accounting for one page. Playwright's page events include the requests of the
 * page's dedicated workers, where Pagefind 1.6 fetches its WASM, index and fragments; a CDP
 * session on the page target alone would miss them.
 */
class Meter {
  phase = 0;
  readonly requests = new Map<Request, RequestRecord>();
  lastActivity = Date.now();

  static attach(page: Page): Meter {
    const meter = new Meter();
    page.on('request', (request) => {
      meter.lastActivity = Date.now();
      meter.requests.set(request, { phase: meter.phase, url: request.url(), done: false, bytes: 0, failed: false });
    });
    page.on('requestfinished', async (request) => {
      const r = meter.requests.get(request);
      if (!r) return;
      // Chromium fills these from the DevTools protocol's encodedDataLength; a worker's own
      // script reports no body size, so its Content-Length stands in.
      const sizes = await request.sizes().catch(() => undefined);
      const response = await request.response().catch(() => null);
      const length = Number(((await response?.allHeaders().catch(() => ({}))) as Record<string, string> | undefined)?.['content-length'] ?? 0);
      r.bytes = (sizes?.responseHeadersSize ?? 0) + (sizes?.responseBodySize || length);
      r.done = true;
      meter.lastActivity = Date.now();
    });
    page.on('requestfailed', (request) => {
      const r = meter.requests.get(request);
      if (r) Object.assign(r, { done: true, failed: true });
      meter.lastActivity = Date.now();
    });
    return meter;
  }

  of(phase: number): RequestRecord[] {
    return [...this.requests.values()].filter((r) => r.phase === phase);
  }

  bytes(phase: number): number {
    return this.of(phase).reduce((sum, r) => sum + r.bytes, 0);
  }

  /** Resolves when the phase's requests have all finished and nothing happened for `quietMs`. */
  async idle(phase: number, quietMs = 300, limitMs = 10_000): Promise<void> {
    const until = Date.now() + limitMs;
    while (Date.now() < until) {
      if (this.of(phase).every((r) => r.done) && Date.now() - this.lastActivity >= quietMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export interface QueryRun {
  query: string;
  /** Bytes of every request the query started, until the network went quiet after rendering. */
  bytes: number;
  /** Of those, the bytes of requests finished when the page reported the results rendered. */
  bytesToRender: number;
  requests: number;
  /** The bytes split by what was fetched (Pagefind index chunks, fragments, filters, …). */
  byKind: Record<string, number>;
  /** The Pagefind index chunks the query downloaded (file name, bytes transferred), largest first. */
  indexChunks: { file: string; bytes: number }[];
  /** Submit → first result item in the DOM, ms; undefined when nothing was found. */
  firstResultMs: number | undefined;
  /** Submit → rendering finished (data-query set, or the fallback signal), ms. */
  doneMs: number;
  results: number;
  /** How the end of rendering was detected. */
  signal: 'data-query' | 'first-result' | 'status' | 'timeout';
}

/** What a request fetched, from Pagefind's file naming. */
export function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragment';
  if (path.endsWith('.pf_filter')) return 'filter';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pagefind')) return 'wasm';
  if (path.includes('/pagefind/')) return 'pagefind-js';
  return 'page';
}

function byKind(requests: readonly RequestRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) out[kindOf(r.url)] = (out[kindOf(r.url)] ?? 0) + r.bytes;
  return out;
}

function indexChunks(requests: readonly RequestRecord[]): { file: string; bytes: number }[] {
  return (
    requests
      .filter((r) => kindOf(r.url) === 'index' && r.bytes > 0)
      // The path inside pagefind/: a chunk of a merged part is in its own folder (src/lib/search-parts.ts).
      .map((r) => ({ file: new URL(r.url).pathname.replace(/^.*?\/pagefind\//, ''), bytes: r.bytes }))
      .sort((a, b) => b.bytes - a.bytes)
  );
}

export interface PageLoad {
  bytes: number;
  byKind: Record<string, number>;
  requests: number;
  ms: number;
}

/** Times (performance.now()) the page-side observer records for the current query. */
interface BenchState {
  t0: number;
  first: number;
  done: number;
  status: number;
}
// The observer and the driver share this object through the page's window.
type BenchWindow = { __bench: BenchState };

const OBSERVER = () => {
  const list = document.querySelector('#search-results')!;
  const status = document.querySelector('#search-status');
  const state: BenchState = { t0: 0, first: 0, done: 0, status: 0 };
  (window as unknown as BenchWindow).__bench = state;
  new MutationObserver((records) => {
    if (!state.t0) return;
    const now = performance.now();
    for (const r of records) {
      if (!state.first && r.type === 'childList' && r.target === list && [...r.addedNodes].some((n) => n.nodeName === 'LI')) state.first = now;
      if (!state.done && r.type === 'attributes' && r.target === list && list.getAttribute('data-query') !== null) state.done = now;
    }
  }).observe(list, { childList: true, attributes: true, attributeFilter: ['data-query'] });
  if (status)
    new MutationObserver(() => {
      if (state.t0 && !state.status) state.status = performance.now();
    }).observe(status, { childList: true, characterData: true, subtree: true });
};

export class SearchPage {
  readonly page: Page;
  private readonly meter: Meter;
  private constructor(page: Page, meter: Meter) {
    this.page = page;
    this.meter = meter;
  }

  /** Opens the search page in `context` and waits until its own loading has finished. */
  static async open(context: BrowserContext, url: string): Promise<{ search: SearchPage; load: PageLoad }> {
    const page = await context.newPage();
    const meter = Meter.attach(page);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    await meter.idle(0, 500);
    await page.waitForSelector('#search-form');
    await page.evaluate(OBSERVER);
    const load = { bytes: meter.bytes(0), requests: meter.of(0).length, ms: Date.now() - started, byKind: byKind(meter.of(0)) };
    return { search: new SearchPage(page, meter), load };
  }

  /** Whether this page marks finished rendering with data-query (checked after a first query). */
  async hasDataQuery(): Promise<boolean> {
    return this.page.evaluate(() => document.querySelector('#search-results')?.hasAttribute('data-query') ?? false);
  }

  /**
   * Submits `query` and measures it. By default the query ends when the network is quiet and
   * the page has shown its facet counts. With `settle: false` it ends as soon as the results
   * are rendered, so the next query starts while this one's counts may still be running, as
   * when a reader types or ticks again at once; its bytes are then those finished by then.
   */
  async query(query: string, { timeoutMs = 20_000, settle = true } = {}): Promise<QueryRun> {
    const phase = ++this.meter.phase;
    await this.page.fill('#q', query);
    await this.page.evaluate(() => {
      const state = (window as unknown as BenchWindow).__bench;
      Object.assign(state, { first: 0, done: 0, status: 0, t0: performance.now() });
      document.querySelector<HTMLFormElement>('#search-form')!.requestSubmit();
    });
    let signal: QueryRun['signal'] = 'timeout';
    try {
      // data-query is the contract; without it, the first result or a status change ends the wait.
      const handle = await this.page.waitForFunction(
        () => {
          const s = (window as unknown as BenchWindow).__bench;
          return s.done
            ? 'data-query'
            : s.first
              ? 'first-result'
              : s.status && !/正在|搜索中|…/.test(document.querySelector('#search-status')?.textContent ?? '')
                ? 'status'
                : false;
        },
        undefined,
        { polling: 'raf', timeout: timeoutMs },
      );
      signal = (await handle.jsonValue()) as QueryRun['signal'];
    } catch {
      /* reported as signal 'timeout' */
    }
    const bytesToRender = this.meter
      .of(phase)
      .filter((r) => r.done)
      .reduce((s, r) => s + r.bytes, 0);
    if (settle) await this.settle(phase, signal, timeoutMs);
    const state = await this.page.evaluate(() => ({
      ...(window as unknown as BenchWindow).__bench,
      results: document.querySelectorAll('#search-results > li').length,
    }));
    const end = state.done || state.first || state.status;
    return {
      query,
      bytes: settle ? this.meter.bytes(phase) : bytesToRender,
      bytesToRender,
      requests: this.meter.of(phase).length,
      firstResultMs: state.first ? state.first - state.t0 : undefined,
      doneMs: end ? end - state.t0 : timeoutMs,
      byKind: byKind(this.meter.of(phase)),
      indexChunks: indexChunks(this.meter.of(phase)),
      results: state.results,
      signal,
    };
  }

  /** Waits for the network to go quiet and the page to show the facet counts of this query. */
  private async settle(phase: number, signal: QueryRun['signal'], timeoutMs: number): Promise<void> {
    await this.meter.idle(phase);
    // The casebook computes facet counts after showing results and marks the form when done;
    // the next query waits for that, as a reader who reads the results first would.
    await this.page
      .waitForFunction(() => !document.querySelector('#facet-form') || document.querySelector('#facet-form[data-counts-for]'), undefined, {
        timeout: timeoutMs,
      })
      .catch(() => undefined);
    // A page without data-query may still be rendering when its first result appears.
    if (signal !== 'data-query') await this.page.waitForTimeout(200);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

export interface SiteMeasurement {
  load: PageLoad;
  /** The first query on a freshly opened page: includes loading Pagefind's bundle and WASM. */
  cold: QueryRun;
  /** Each query on its own freshly opened page after a warm-up query: no index chunk shared with another measured query. */
  isolated: QueryRun[];
  /** All queries one after another on one page, as a reader would: later queries reuse loaded chunks. */
  sequential: QueryRun[];
  /** The same, each submitted as soon as the previous results show, before their facet counts (absent in older results). */
  rapid?: QueryRun[];
}

/** A warm-up query that loads Pagefind's bundle but shares no index chunk with Chinese queries. */
const WARM_UP = 'zzzz';

/**
 * What one site's search page does on pages kept open: its opening cost, the cold first query,
 * the queries one after another, and the same submitted as fast as results show. The isolated
 * queries are measured with measureIsolated, alternating between the sites (bench.ts).
 */
export async function measureOpenPage(
  browser: Browser,
  url: string,
  queries: readonly string[],
  log: (line: string) => void,
): Promise<Omit<SiteMeasurement, 'isolated'>> {
  const context = await browser.newContext();
  try {
    const { search, load } = await SearchPage.open(context, url);
    const cold = await search.query(queries[0]!);
    log(`  首次加载 ${kb(load.bytes)}，冷启动首个查询“${cold.query}” ${kb(cold.bytes)}，${ms(cold.firstResultMs)}（${cold.signal}）`);
    const sequential: QueryRun[] = [];
    for (const q of queries) sequential.push(await search.query(q));
    await search.close();
    // Another fresh page: the same queries, each submitted as soon as the previous one's results show.
    const { search: quick } = await SearchPage.open(context, url);
    await quick.query(WARM_UP);
    const rapid: QueryRun[] = [];
    for (const q of queries) rapid.push(await quick.query(q, { settle: false }));
    await quick.close();
    return { load, cold, sequential, rapid };
  } finally {
    await context.close();
  }
}

/** One query on its own freshly opened page, after a warm-up query. */
export async function measureIsolated(browser: Browser, url: string, q: string): Promise<QueryRun> {
  // A fresh context has an empty HTTP cache: nothing carries over from earlier queries.
  const own = await browser.newContext();
  try {
    const { search: fresh } = await SearchPage.open(own, url);
    await fresh.query(WARM_UP);
    const run = await fresh.query(q);
    await fresh.close();
    return run;
  } finally {
    await own.close();
  }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);
