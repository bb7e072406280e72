/**
 * The bare baseline: one plain HTML page per case with the same text the casebook indexes at
 * its core (title, body, metrics), `<html lang="zh-CN">` and `data-pagefind-body`, indexed
 * with the same Pagefind Node API, plus a minimal search page: no facets, no OpenCC, first
 * ten results. It shows what Pagefind itself costs on this corpus, so the casebook's figures
 * can be read against it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as pagefind from 'pagefind';
import { splitFrontmatter } from '../../src/lib/validate.ts';
import { formatFigure, type Figure } from '../../src/lib/metrics.ts';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const inline = (text: string) => escape(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

/** The Markdown the corpus generator writes: ## and ### headings, paragraphs, `- ` lists, bold. */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  let list = false;
  for (const line of markdown.split('\n')) {
    const isItem = line.startsWith('- ');
    if (list && !isItem) {
      out.push('</ul>');
      list = false;
    }
    if (line.trim() === '') continue;
    const heading = /^(#{2,3}) (.*)$/.exec(line);
    if (heading) out.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`);
    else if (isItem) {
      if (!list) {
        out.push('<ul>');
        list = true;
      }
      out.push(`<li>${inline(line.slice(2))}</li>`);
    } else out.push(`<p>${inline(line)}</p>`);
  }
  if (list) out.push('</ul>');
  return out.join('\n');
}

interface RawCase {
  id: string;
  title: string;
  metrics?: (Figure & { label: string })[];
}

function casePage(data: RawCase, body: string): string {
  const metrics = (data.metrics ?? []).map((m) => `<tr><th>${escape(m.label)}</th><td>${escape(formatFigure(m))}</td></tr>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(data.title)}</title></head>
<body><main data-pagefind-body><h1>${escape(data.title)}</h1>
${markdownToHtml(body)}
<table>${metrics}</table>
</main></body></html>`;
}

const SEARCH_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title></head>
<body><main>
<form id="search-form"><input id="q" name="q" type="search"><button>搜索</button></form>
<p id="search-status"></p>
<ol id="search-results"></ol>
</main>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
const form = document.querySelector('#search-form');
const input = document.querySelector('#q');
const list = document.querySelector('#search-results');
const status = document.querySelector('#search-status');
const escape = (t) => t.replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const q = input.value.trim();
  list.replaceChildren();
  const search = await pagefind.search(q);
  const results = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  status.textContent = search.results.length + ' results';
  for (const r of results) {
    const li = document.createElement('li');
    li.innerHTML = '<a href="' + escape(r.url) + '">' + escape(r.meta.title ?? r.url) + '</a><p>' + r.excerpt + '</p>';
    list.append(li);
  }
  list.dataset.query = q;
});
</script>
</body></html>
`;

export interface BaselineBuild {
  pages: number;
  writeMs: number;
  indexMs: number;
}

/** Writes the baseline site for every case in `corpusDir` into `outDir` and indexes it. */
export async function buildBaseline(corpusDir: string, outDir: string): Promise<BaselineBuild> {
  let started = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'search'), { recursive: true });
  writeFileSync(join(outDir, 'search', 'index.html'), SEARCH_PAGE);
  let pages = 0;
  for (const name of readdirSync(corpusDir).filter((f) => f.endsWith('.mdx'))) {
    const split = splitFrontmatter(readFileSync(join(corpusDir, name), 'utf8'));
    if (!split) throw new Error(`${name}: no frontmatter`);
    const data = parse(split.frontmatter) as RawCase;
    mkdirSync(join(outDir, 'cases', data.id), { recursive: true });
    writeFileSync(join(outDir, 'cases', data.id, 'index.html'), casePage(data, split.body));
    pages++;
  }
  const writeMs = performance.now() - started;
  started = performance.now();
  await indexWithDefaults(outDir);
  return { pages, writeMs, indexMs: performance.now() - started };
}

/** Pagefind over a folder of HTML pages with its default settings, as a bare site would use it; returns the pages indexed. */
export async function indexWithDefaults(dir: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex();
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
