/**
 * The browse and search pages' shared behaviour: the facet form, Pagefind queries, result
 * pages and the URL. The selection always round-trips through the URL: a change pushes a
 * history entry and renders from it, and back/forward render the entry they land on.
 *
 * Pagefind finds the cases that hold the query; the build's facet table narrows them to the
 * chosen facets and counts every value (facet-table.ts). Only one page of result data is
 * fetched (Pagefind's `data()` per result), so what a page transfers does not grow with the
 * number of cases beyond the index chunks and that table.
 */
import {
  filterCount,
  hasFilters,
  pageCount,
  pagefindFilters,
  pageRange,
  RESULTS_PER_PAGE,
  parseSelection,
  selectionToSearch,
  withoutFilters,
  type CountMap,
  type Facet,
  type FacetOptions,
  type Selection,
  type Sort,
} from '../lib/facets.ts';
import { measureUrl } from '../lib/urls.ts';
import { escapeHtml } from '../lib/html.ts';
import { pagerHtml, resultItemHtml } from '../lib/result-markup.ts';
import type { Pagefind, PagefindModule, PagefindResultData } from '../lib/pagefind-types.ts';
import { parseQuery, wordQuery, type ParsedQuery } from '../lib/search-tokens.ts';
import { readableExcerpt, searchExact, sortedSearch } from '../lib/exact-search.ts';
import { countSelection, FACET_TABLE_FILE, mergedParts, resultPlaces, tableMatcher, type FacetTable } from '../lib/facet-table.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/*
 * Pagefind runs on the page's own thread (`noWorker`). In its web worker, Pagefind keeps a
 * handle for every result of every search, and once the page has let go of the results it
 * posts one message per result to release them, whenever the garbage collector gets to them.
 * After a search that matched most of 10,000 cases that is 10,000 messages, often in the
 * middle of the next search, which then waits about half a second (scripts/bench/notes.md).
 * On the page's thread the same search takes about 150 ms and leaves nothing to release.
 */
let pagefind: Promise<Pagefind> | undefined;
const loadPagefind = () =>
  (pagefind ??= (async () => {
    const bundle = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
    const pf = bundle.createInstance({ noWorker: true });
    // Pagefind stores URLs from the site root; under a sub-path they need the base in front.
    await pf.options({ baseUrl: base });
    const [table] = await Promise.all([loadFacetTable(), pf.init()]);
    // The index comes in parts (search-parts.ts); the table names the ones to merge into the first.
    await Promise.all(mergedParts(table).map((part) => pf.mergeIndex(`${base}pagefind/${part}`, { baseUrl: base })));
    return pf;
  })());

/** The build's facet table, which narrows results to the chosen facets and counts them (facet-table.ts); fetched once. */
let facetTable: Promise<FacetTable> | undefined;
const loadFacetTable = () => (facetTable ??= fetch(`${base}${FACET_TABLE_FILE}`).then((r) => r.json() as Promise<FacetTable>));
/** Each record's place in the pages' orders, from the table; worked out once (10,000 rows at scale). */
let places: Promise<ReturnType<typeof resultPlaces>> | undefined;
const loadPlaces = () => (places ??= loadFacetTable().then(resultPlaces));

export interface FinderOptions {
  defaultSort: Sort;
  /** The list results go into; the search page's list carries the query it shows in data-query. */
  list: HTMLOListElement;
  status: HTMLElement;
  /** Turns the typed query into what the index holds (Traditional → Simplified). */
  normalise?: (q: string) => string;
  /** Without a query the search page asks for one instead of listing every case. */
  requireQuery?: boolean;
  /** What to say about the query's words before the count (e.g. that one is a measure's name). */
  describeWords?: (words: string[]) => Promise<string>;
  /** Called with the selection after the URL changed, so the page can show it (the search box). */
  onSelection?: (selection: Selection) => void;
}

/**
 * What the status line says about the query before the count: words no case holds (their
 * results are left out: the other words' are shown) and single characters, which the index
 * cannot search exactly (see search-tokens.ts).
 */
function queryNotes(parsed: ParsedQuery, missing: readonly string[]): string {
  const quoted = (list: readonly string[]) => list.map((w) => `“${w}”`).join('、');
  const notes: string[] = [];
  if (missing.length > 0) notes.push(`没有案例含${quoted(missing)}${parsed.words.length > missing.length ? '，下面只按其他词查找' : ''}。`);
  if (parsed.single.length > 0) notes.push(`单个字${quoted(parsed.single)}没有用来查找：请输入两个字以上的词，如“党员”“合作社”。`);
  return notes.join('');
}

export function startFinder(opts: FinderOptions) {
  const form = document.querySelector<HTMLFormElement>('#facet-form')!;
  const panel = document.querySelector<HTMLDetailsElement>('[data-facet-panel]')!;
  const picked = document.querySelector<HTMLElement>('[data-facet-picked]')!;
  const sortSelect = document.querySelector<HTMLSelectElement>('[data-sort]')!;
  const pager = document.querySelector<HTMLElement>('[data-pager]')!;
  const empty = document.querySelector<HTMLElement>('[data-empty]')!;
  const emptyText = empty.querySelector<HTMLElement>('[data-empty-text]')!;
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const yearSelects = [...form.querySelectorAll<HTMLSelectElement>('[data-year-select]')];
  const [fromSelect, toSelect] = yearSelects as [HTMLSelectElement, HTMLSelectElement];

  const measureNames = new Map(checkboxes.filter((c) => c.name === 'measure').map((c) => [c.value, c.dataset['value']!]));
  const measureIds = new Map([...measureNames].map(([id, name]) => [name, id]));
  const years = [...fromSelect.options].filter((o) => o.value).map((o) => Number(o.value));
  const cityGroups = [...form.querySelectorAll<HTMLFieldSetElement>('[data-facet="city"] [data-province]')];
  const cityHint = form.querySelector<HTMLElement>('[data-city-hint]')!;
  const cityProvinces = new Map(
    cityGroups.flatMap((g) => [...g.querySelectorAll<HTMLInputElement>('input')].map((c) => [c.value, g.dataset['province']!] as const)),
  );
  const options: FacetOptions = { measureNames, cityProvinces, years, defaultSort: opts.defaultSort };
  // Without the list every word is searched by its pairs: the same cases, more bytes.
  const terms = new Set(JSON.parse(document.querySelector('[data-search-terms]')?.textContent || '[]') as string[]);

  const normalise = opts.normalise ?? ((q: string) => q);

  const sorts = new Set([...sortSelect.options].map((o) => o.value));
  // Relevance is offered only where there is a query; a pasted URL may still ask for it.
  const fromUrl = (): Selection => {
    const sel = parseSelection(location.search, options);
    return sorts.has(sel.sort) ? sel : { ...sel, sort: opts.defaultSort };
  };
  let selection = fromUrl();
  let generation = 0;

  // Narrow screens start with the facets folded away unless some are in use.
  if (matchMedia('(max-width: 48rem)').matches && !hasFilters(selection)) panel.open = false;

  function showSelection(sel: Selection): void {
    const chosen: Record<string, string[]> = { measure: sel.measures, province: sel.provinces, city: sel.cities, level: sel.levels };
    for (const box of checkboxes) box.checked = chosen[box.name]?.includes(box.value) ?? false;
    // A province's cities are offered while it is chosen.
    for (const group of cityGroups) group.hidden = !sel.provinces.includes(group.dataset['province']!);
    cityHint.textContent =
      sel.provinces.length === 0
        ? '先选省份，这里再列出它下面有案例的市（直辖市列区县）。'
        : cityGroups.some((g) => !g.hidden)
          ? '只看所选的市；不选则不限。'
          : '所选省份的案例没有写到市一级。';
    for (const [select, year] of [
      [fromSelect, sel.from],
      [toSelect, sel.to],
    ] as const) {
      // A shared link may name a year outside the ones offered; show it rather than drop it.
      if (year !== undefined && ![...select.options].some((o) => o.value === String(year))) {
        const option = new Option(`${year}年`, String(year));
        const after = [...select.options].find((o) => o.value && Number(o.value) > year);
        select.add(option, after ?? null);
      }
      select.value = year === undefined ? '' : String(year);
    }
    sortSelect.value = sel.sort;
    const n = filterCount(sel);
    picked.textContent = n > 0 ? `（已选 ${n} 项）` : '';
    opts.onSelection?.(sel);
  }

  function readForm(): Selection {
    const values = (name: string) => checkboxes.filter((c) => c.name === name && c.checked).map((c) => c.value);
    const params = new URLSearchParams();
    if (selection.q) params.set('q', selection.q);
    for (const name of ['measure', 'province', 'city', 'level']) for (const v of values(name)) params.append(name, v);
    if (fromSelect.value) params.set('from', fromSelect.value);
    if (toSelect.value) params.set('to', toSelect.value);
    params.set('sort', sortSelect.value);
    return parseSelection(params, options);
  }

  function showCounts(counts: CountMap): void {
    for (const box of checkboxes) {
      const n = counts[box.name as Facet]?.[box.dataset['value']!] ?? 0;
      box.parentElement!.querySelector('[data-count]')!.textContent = String(n);
      // A value that would leave nothing cannot be chosen, but a chosen one can always be unchosen.
      box.disabled = n === 0 && !box.checked;
    }
    for (const select of yearSelects)
      for (const option of select.options) if (option.value) option.textContent = `${option.value}年（${counts.year?.[option.value] ?? 0}）`;
  }

  /** A result; for a query, its excerpt with the query's words highlighted. */
  function resultItem(r: PagefindResultData, words: readonly string[] | null): HTMLLIElement {
    const li = document.createElement('li');
    const year = r.filters['year']?.[0];
    const level = r.filters['level']?.[0];
    // The 主要措施, as the server-rendered lists show them.
    const tags = (r.meta['primary'] ?? '').split('、').flatMap((name) => {
      const id = measureIds.get(name);
      return id ? [{ href: measureUrl(id), name }] : [];
    });
    li.innerHTML = resultItemHtml({
      // Pagefind knows a case by its page's address, /cases/<id>/.
      id: /\/cases\/([^/]+)\/$/.exec(r.url)?.[1] ?? '',
      url: r.url,
      title: r.meta['title'] ?? r.url,
      meta: [r.meta['region'], level, year && `${year}年`].filter(Boolean).join(' · '),
      // The excerpt is decoded from the record and escaped, with <mark> around the query's words.
      textHtml: words ? readableExcerpt(r, words) : escapeHtml(r.meta['summary'] ?? ''),
      tags,
      tagsLabel: '主要措施',
      headingLevel: 3,
    });
    return li;
  }

  function showPager(sel: Selection, page: number, pages: number): void {
    pager.hidden = pages <= 1;
    if (pages <= 1) return pager.replaceChildren();
    pager.innerHTML = pagerHtml(page, pages, (p) => location.pathname + selectionToSearch({ ...sel, page: p }, options));
  }

  async function render(sel: Selection): Promise<void> {
    const run = ++generation;
    /** A newer selection is being shown: this render stops where it is. */
    const superseded = () => run !== generation;
    opts.list.setAttribute('aria-busy', 'true');
    delete form.dataset['countsFor'];
    // Narrowing needs the facet table before the first result, counting after it.
    const table = loadFacetTable();
    const term = sel.q ? normalise(sel.q) : null;
    /** The ids of every case the query finds, before the facets narrow them; null for every case. */
    let matches: string[] | null = null;
    if (opts.requireQuery && !term) {
      opts.list.replaceChildren();
      empty.hidden = true;
      pager.hidden = true;
      opts.status.textContent = '请输入要查找的词，如“第一书记”“集体经济”；简体、繁体均可，多个词用空格隔开。';
    } else {
      opts.status.textContent = term ? '正在搜索…' : '正在加载…';
      const pf = await loadPagefind();
      // Without a query there is no relevance: the newest first.
      const sort = sel.sort === 'relevance' ? (term ? undefined : 'year') : sel.sort;
      const parsed = term ? parseQuery(term) : null;
      const placeOf = await loadPlaces();
      const found = parsed
        ? await searchExact(pf, parsed, sort, terms, placeOf)
        : { results: (await sortedSearch(pf, null, sort ?? 'year', placeOf)).results, missing: [] as string[] };
      if (parsed) matches = found.results.map((r) => r.id);
      const filtered = hasFilters(sel);
      const inSelection = filtered ? tableMatcher(await table, pagefindFilters(sel, options)) : () => true;
      const results = found.results.filter((r) => inSelection(r.id));
      const total = results.length;
      const range = pageRange(sel.page, total, RESULTS_PER_PAGE);
      const searched = parsed ? parsed.words.filter((w) => !found.missing.includes(w)) : [];
      // Each result's data is a file of its own: the results are shown in order as they arrive,
      // the first replacing the previous list, instead of all after the slowest of ten.
      const pending = results.slice(range.start, range.end).map((r) => r.data());
      for (const [i, data] of pending.entries()) {
        const item = resultItem(await data, parsed ? searched : null);
        if (superseded()) return;
        if (i === 0) opts.list.replaceChildren(item);
        else opts.list.append(item);
      }
      if (pending.length === 0) opts.list.replaceChildren();
      showPager(sel, range.page, pageCount(total, RESULTS_PER_PAGE));
      empty.hidden = total > 0;
      const notes = parsed ? queryNotes(parsed, found.missing) + ((await opts.describeWords?.(searched)) ?? '') : '';
      if (superseded()) return;
      const asked = searched.map((w) => `“${w}”`).join('和');
      if (total === 0) {
        const what = searched.length > 0 ? `含${asked}的案例` : '案例';
        emptyText.textContent =
          parsed && searched.length === 0
            ? notes
            : filtered
              ? `在所选条件下没有找到${what}。可以清除筛选条件再试。`
              : `没有找到${what}。可以换一个词，或用更短的词再试。`;
        empty.querySelector<HTMLButtonElement>('[data-clear-filters]')!.hidden = !filtered;
        opts.status.textContent = `${notes}没有找到${what}。`;
      } else {
        const shown = range.end - range.start < total ? `，显示第 ${range.start + 1}—${range.end} 个` : '';
        opts.status.textContent = parsed ? `${notes}找到 ${total} 个含${asked}的案例${shown}。` : `共 ${total} 个案例${shown}。`;
      }
    }
    // Set after the list is in place: tests and the benchmark wait for it.
    opts.list.dataset['query'] = sel.q;
    opts.list.removeAttribute('aria-busy');

    // The counts, over the same matches: each facet's values under the other facets' choices.
    const counted = await table;
    if (superseded()) return;
    const counts = await countSelection(counted, matches ?? Object.keys(counted.records), sel, options, superseded);
    if (!counts || superseded()) return;
    showCounts(counts.counts);
    form.dataset['countsFor'] = selectionToSearch(sel, options);
  }

  function go(next: Selection, focusResults = false): void {
    selection = next;
    const search = selectionToSearch(next, options);
    if (search !== location.search) history.pushState(null, '', `${location.pathname}${search}`);
    showSelection(next);
    void render(next).then(() => {
      if (focusResults) document.querySelector<HTMLElement>('#results-heading')?.scrollIntoView({ block: 'start' });
    });
  }

  form.addEventListener('change', () => go(readForm()));
  sortSelect.addEventListener('change', () => go(readForm()));
  form.addEventListener('submit', (event) => event.preventDefault());
  // Space toggles a checkbox natively; Enter does the same here instead of nothing.
  form.addEventListener('keydown', (event) => {
    const target = event.target as HTMLInputElement;
    if (event.key === 'Enter' && target.type === 'checkbox' && !target.disabled) {
      event.preventDefault();
      target.click();
    }
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-clear-filters]'))
    button.addEventListener('click', () => go(withoutFilters(selection)));
  pager.addEventListener('click', (event) => {
    const a = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
    if (!a || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    go({ ...selection, page: Number(a.dataset['page']) }, true);
  });
  window.addEventListener('popstate', () => {
    selection = fromUrl();
    showSelection(selection);
    void render(selection);
  });

  showSelection(selection);
  void render(selection);

  return {
    /** A new query from the search box: back to page 1, the facets kept. */
    search(q: string): void {
      go({ ...readForm(), q: q.trim(), page: 1 });
    },
    /** Loads Pagefind (script, WebAssembly, index metadata) ahead of the first search, e.g. while the reader types. */
    prepare(): void {
      void loadPagefind();
    },
    /**
     * Fetches the index chunks the words of `q` need (Pagefind's preload, in every part), so
     * that searching for them waits for no download; for the words typed when the reader pauses.
     */
    preload(q: string): void {
      const { words } = parseQuery(normalise(q));
      if (words.length > 0) void loadPagefind().then((pf) => Promise.all(words.map((word) => pf.preload(wordQuery(word, terms).query))));
    },
  };
}
