/**
 * Composes the handout from the case pages themselves (fetched from this site, under its
 * base), so the handout shows exactly what the site shows and needs no extra data files.
 */
import { moveHandoutId, parseHandoutIds, serializeHandoutIds, toggleHandoutId } from '../lib/handout.ts';
import { loadHandout, saveHandout } from './handout-store.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const controls = document.querySelector<HTMLElement>('#handout-controls')!;
const list = document.querySelector<HTMLOListElement>('#handout-list')!;
const status = document.querySelector<HTMLElement>('#handout-status')!;
const doc = document.querySelector<HTMLElement>('#handout-doc')!;
const options = document.querySelectorAll<HTMLInputElement>('#handout-controls input[type=checkbox]');
const pages = new Map<string, Promise<Element | undefined>>();

function fetchCase(id: string): Promise<Element | undefined> {
  let page = pages.get(id);
  if (!page) {
    page = fetch(`${base}cases/${id}/`)
      .then((r) => (r.ok ? r.text() : ''))
      .then((html) => new DOMParser().parseFromString(html, 'text/html').querySelector('article') ?? undefined)
      .catch(() => undefined);
    pages.set(id, page);
  }
  return page;
}

/** One case as handout pages: its title, facts, summary, body and questions, minus site chrome. */
function handoutSection(id: string, article: Element, include: Set<string>): HTMLElement {
  const section = document.createElement('section');
  section.className = 'handout-case';
  section.setAttribute('aria-label', article.querySelector('h1')?.textContent ?? id);
  const copy = article.cloneNode(true) as Element;
  copy.querySelectorAll('nav, [data-pagefind-filter], [data-pagefind-sort], .handout-toggle').forEach((n) => n.remove());
  for (const part of ['objectives', 'metrics', 'source']) if (!include.has(part)) copy.querySelector(`#${part}`)?.closest('section')?.remove();
  // The handout's own heading is the page's h1; each case title steps down a level.
  copy.querySelectorAll('h3').forEach((h) => h.replaceWith(Object.assign(document.createElement('h4'), { innerHTML: h.innerHTML })));
  copy.querySelectorAll('h2').forEach((h) => h.replaceWith(Object.assign(document.createElement('h3'), { innerHTML: h.innerHTML, id: '' })));
  copy.querySelectorAll('h1').forEach((h) => h.replaceWith(Object.assign(document.createElement('h2'), { innerHTML: h.innerHTML })));
  copy.querySelectorAll('[id]').forEach((n) => n.removeAttribute('id'));
  copy.querySelectorAll('[aria-labelledby]').forEach((n) => n.removeAttribute('aria-labelledby'));
  section.append(...copy.childNodes);
  return section;
}

function button(label: string, action: () => void, disabled = false): HTMLButtonElement {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label, disabled });
  b.addEventListener('click', action);
  return b;
}

let current: string[] = [];

async function render(ids: string[]): Promise<void> {
  current = ids;
  saveHandout(ids);
  const params = new URLSearchParams(location.search);
  if (ids.length) params.set('ids', serializeHandoutIds(ids));
  else params.delete('ids');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);

  const include = new Set([...options].filter((o) => o.checked).map((o) => o.name));
  const articles = await Promise.all(ids.map(fetchCase));
  list.replaceChildren();
  doc.replaceChildren();
  if (ids.length === 0) {
    status.textContent = '讲义里还没有案例。请在案例页点“加入讲义”。';
    return;
  }
  const missing = ids.filter((_, i) => !articles[i]);
  status.textContent = `讲义共 ${ids.length - missing.length} 个案例${missing.length ? `；找不到：${missing.join('、')}` : ''}。`;
  ids.forEach((id, i) => {
    const article = articles[i];
    const title = article?.querySelector('h1')?.textContent ?? id;
    const li = document.createElement('li');
    li.append(
      Object.assign(document.createElement('span'), { textContent: title }),
      button('上移', () => void render(moveHandoutId(ids, id, -1)), i === 0),
      button('下移', () => void render(moveHandoutId(ids, id, 1)), i === ids.length - 1),
      button('移除', () => void render(toggleHandoutId(ids, id))),
    );
    list.append(li);
    if (article) doc.append(handoutSection(id, article, include));
  });
}

const fromUrl = parseHandoutIds(new URLSearchParams(location.search).get('ids'));
controls.hidden = false;
options.forEach((o) => o.addEventListener('change', () => void render(current)));
document.querySelector('#handout-print')!.addEventListener('click', () => window.print());
document.querySelector('#handout-clear')!.addEventListener('click', () => void render([]));
void render(fromUrl.length ? fromUrl : loadHandout());
