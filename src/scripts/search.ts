/**
 * The search page: reads ?q= from the URL, converts Traditional to Simplified, asks Pagefind
 * and renders results with highlighted excerpts. The query lives in the URL, so a search is a
 * link. Pagefind's bundle is loaded from under the site's base.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { normaliseQuery } from '../lib/query.ts';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  init(): Promise<void>;
  search(q: string | null, opts?: object): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
let pagefind: Promise<Pagefind> | undefined;
const loadPagefind = () =>
  (pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (pf: Pagefind) => {
    await pf.init();
    return pf;
  }));

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#q')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function run(raw: string): Promise<void> {
  const query = normaliseQuery(raw, toSimplified);
  list.replaceChildren();
  if (!query) {
    status.textContent = '请输入要查找的词，如“第一书记”“集体经济”。';
    return;
  }
  status.textContent = '正在搜索…';
  const pf = await loadPagefind();
  const search = await pf.search(query);
  const results = await Promise.all(search.results.slice(0, 50).map((r) => r.data()));
  status.textContent = results.length === 0 ? `没有找到与“${raw}”相关的案例。` : `找到 ${search.results.length} 个与“${raw}”相关的案例。`;
  for (const r of results) {
    const li = document.createElement('li');
    // Pagefind's excerpt is the page's own text with <mark> around matches; everything else is escaped.
    li.innerHTML = `<h2><a href="${escapeHtml(r.url)}">${escapeHtml(r.meta['title'] ?? r.url)}</a></h2>
      <p class="meta">${escapeHtml(r.meta['region'] ?? '')}</p><p>${r.excerpt}</p>`;
    list.append(li);
  }
}

function fromUrl(): void {
  const q = new URLSearchParams(location.search).get('q') ?? '';
  input.value = q;
  void run(q);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams(location.search);
  if (input.value.trim()) params.set('q', input.value.trim());
  else params.delete('q');
  history.pushState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  void run(input.value);
});
// An input method's Enter commits a candidate; it must not submit the search.
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.isComposing || event.keyCode === 229)) event.preventDefault();
});
window.addEventListener('popstate', fromUrl);
fromUrl();
