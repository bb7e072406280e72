/**
 * The handout page. Composes the handout from the case pages themselves (fetched from this
 * site, under its base), so it shows exactly what the site shows and needs no extra data
 * files; manages the named handouts kept in this browser (src/lib/handout.ts and handout-edits.ts hold the rules);
 * shows a shared link (handout/?ids=…&title=…) as a preview that changes nothing until the
 * reader saves or merges it; prints with a cover, a table of contents, page numbers and each
 * case's address in the footer; and downloads the same handout as a Word file.
 */
import QRCode from 'qrcode';
import { currentHandout, serializeHandoutIds, type HandoutState } from '../lib/handout.ts';
import {
  canCompare,
  clearHandout,
  createHandout,
  deleteHandout,
  describeHandout,
  handoutShareSearch,
  mergeInto,
  moveCase,
  parseHandoutShare,
  removeCase,
  switchHandout,
  undoLast,
} from '../lib/handout-edits.ts';
import { applyEdition, EDITION_LABELS, type Edition } from '../lib/handout-edition.ts';
import { formatDate } from '../lib/format.ts';
import { loadHandouts, onHandoutsChange, saveHandouts } from './handout-store.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const controls = $('#handout-controls');
const list = $<HTMLOListElement>('#handout-list');
const status = $('#handout-status');
const summary = $('#handout-summary');
const doc = $('#handout-doc');
const manage = $('#handout-manage');
const select = $<HTMLSelectElement>('#handout-select');
const fields = { title: $<HTMLInputElement>('#handout-title'), course: $<HTMLInputElement>('#handout-course'), date: $<HTMLInputElement>('#handout-date') };
const preview = { box: $('#handout-preview'), text: $('#handout-preview-text'), target: $<HTMLSelectElement>('#preview-target') };
const share = $<HTMLInputElement>('#handout-share');
const compare = $<HTMLAnchorElement>('#handout-compare');
const clear = $<HTMLButtonElement>('#handout-clear');
const parts = document.querySelectorAll<HTMLInputElement>('#handout-controls input[type=checkbox]');
const editions = document.querySelectorAll<HTMLInputElement>('#handout-controls input[name=edition]');
const siteTitle = doc.dataset['siteTitle'] ?? '';
/** The public address when the build has one (CASEBOOK_SITE), otherwise where this page is served from. */
const siteOrigin = doc.dataset['siteAddress'] || location.origin;
const caseAddress = (id: string) => new URL(`${base}cases/${id}/`, siteOrigin).href;

interface CasePage {
  article: Element;
  title: string;
}
const pages = new Map<string, Promise<CasePage | undefined>>();

function fetchCase(id: string): Promise<CasePage | undefined> {
  let page = pages.get(id);
  if (!page) {
    page = fetch(`${base}cases/${id}/`)
      .then((r) => (r.ok ? r.text() : ''))
      .then((html) => {
        const article = new DOMParser().parseFromString(html, 'text/html').querySelector('article');
        return article ? { article, title: article.querySelector('h1')?.textContent?.trim() ?? id } : undefined;
      })
      .catch(() => undefined);
    pages.set(id, page);
  }
  return page;
}

let state: HandoutState = loadHandouts();
/** A shared handout being looked at; the reader's own handouts are untouched until they choose. */
let shared = parseHandoutShare(location.search);

/** What the page shows: the shared handout while previewing, otherwise the current one. */
function shown(): { caseIds: string[]; title: string; course?: string; date?: string } {
  if (shared) return { caseIds: shared.caseIds, title: shared.title ?? '分享的讲义' };
  return currentHandout(state);
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function button(label: string, action: () => void, options: { disabled?: boolean; name?: string; className?: string } = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', textContent: label, disabled: options.disabled ?? false, className: options.className ?? 'secondary' });
  if (options.name) b.setAttribute('aria-label', options.name);
  b.addEventListener('click', action);
  return b;
}

/** One case as handout pages: its number, QR code, title, facts, summary, body and questions, minus site chrome. */
function handoutSection(id: string, number: number, page: CasePage, include: Set<string>, edition: Edition): HTMLElement {
  const copy = page.article.cloneNode(true) as Element;
  applyEdition(copy, edition);
  copy.querySelectorAll('nav, [data-pagefind-filter], [data-pagefind-sort], .case-actions, .no-print').forEach((n) => n.remove());
  for (const part of ['objectives', 'metrics', 'source']) if (!include.has(part)) copy.querySelector(`#${part}`)?.closest('section')?.remove();
  // The handout's own heading is the page's h1; each case title steps down a level.
  copy.querySelectorAll('h3').forEach((h) => h.replaceWith(el('h4', { innerHTML: h.innerHTML })));
  copy.querySelectorAll('h2').forEach((h) => h.replaceWith(el('h3', { innerHTML: h.innerHTML })));
  copy.querySelectorAll('h1').forEach((h) => h.replaceWith(el('h2', { innerHTML: h.innerHTML })));
  copy.querySelectorAll('[id]').forEach((n) => n.removeAttribute('id'));
  copy.querySelectorAll('[aria-labelledby]').forEach((n) => n.removeAttribute('aria-labelledby'));
  // Relative links inside the article (measures, regions, years) keep working in print and Word.
  copy.querySelectorAll('a[href]').forEach((a) => a.setAttribute('href', new URL(a.getAttribute('href')!, caseAddress(id)).href));

  const address = caseAddress(id);
  const section = el('section', { className: 'handout-case', id: `case-${number}` });
  section.setAttribute('aria-label', page.title);
  section.dataset['caseId'] = id;
  section.dataset['address'] = address;
  section.style.setProperty('page', `case-${number}`);
  const qr = el('figure', { className: 'case-qr' });
  // Drawn here from the address, with no request to any service.
  QRCode.toString(address, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }).then((svg) => {
    qr.innerHTML = svg;
    const image = qr.firstElementChild!;
    image.setAttribute('role', 'img');
    image.setAttribute('aria-label', `本案例网址的二维码：${address}`);
    qr.append(el('figcaption', { textContent: '扫码阅读网络版' }));
  });
  section.append(el('p', { className: 'case-number', textContent: `案例${number}` }), qr, ...copy.childNodes);
  section.append(el('p', { className: 'case-address' }, '网络版：', el('a', { href: address, textContent: address })));
  return section;
}

/** A date from the date field reads 2026年3月2日; anything else typed is kept as it is. */
const coverDate = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date) : date);

function cover(view: ReturnType<typeof shown>, titles: string[], edition: Edition): HTMLElement[] {
  const front = el('section', { className: 'handout-cover' });
  front.setAttribute('aria-label', '讲义封面');
  front.append(
    el('p', { className: 'cover-site', textContent: siteTitle }),
    el('h2', { className: 'cover-title', textContent: view.title }),
    ...(view.course ? [el('p', { className: 'cover-course', textContent: `课程：${view.course}` })] : []),
    ...(view.date ? [el('p', { className: 'cover-date', textContent: `日期：${coverDate(view.date)}` })] : []),
    el('p', { className: 'cover-count', textContent: `${EDITION_LABELS[edition]} · 共${titles.length}个案例` }),
    el('ol', { className: 'cover-cases' }, ...titles.map((t) => el('li', { textContent: t }))),
  );
  const toc = el('nav', { className: 'handout-toc' });
  toc.setAttribute('aria-label', '目录');
  toc.append(
    el('h2', { textContent: '目录' }),
    el(
      'ol',
      {},
      ...titles.map((t, i) =>
        el('li', {}, el('a', { href: `#case-${i + 1}`, textContent: t }), el('span', { className: 'toc-page', textContent: `案例${i + 1}` })),
      ),
    ),
  );
  return [front, toc];
}

/** Each case's pages carry its name and address in the footer: one named page per case. */
function pageStyles(sections: HTMLElement[]): string {
  const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;
  return sections
    .map((s, i) => `@page case-${i + 1} { @bottom-left { content: ${quote(`${siteTitle} · ${s.dataset['address']}`)}; font-size: 8pt; color: #444; } }`)
    .join('\n');
}

const pageStyle = el('style');
document.head.append(pageStyle);

function setStatus(message: string, undoable = false): void {
  status.replaceChildren(message);
  if (!undoable) return;
  const undo = button('撤销', () => {
    state = undoLast(state);
    saveHandouts(state);
    setStatus('已撤销。');
    status.focus();
    void render();
  });
  status.append(' ', undo);
  undo.focus();
}

function change(next: HandoutState, message?: string): void {
  state = next;
  saveHandouts(state);
  if (message !== undefined) setStatus(message, Boolean(next.undo));
  void render();
}

function fillSelect(target: HTMLSelectElement, selected: string): void {
  target.replaceChildren(
    ...state.handouts.map((h) => el('option', { value: h.id, textContent: `${h.title}（${h.caseIds.length}）`, selected: h.id === selected })),
  );
}

function renderList(caseIds: string[], titles: string[], editable: boolean): void {
  list.replaceChildren(
    ...caseIds.map((id, i) => {
      const li = el('li', {}, el('span', { className: 'handout-item-title', textContent: titles[i]! }));
      li.dataset['caseId'] = id;
      if (editable) {
        const move = (by: -1 | 1) => () => {
          state = moveCase(state, id, by);
          saveHandouts(state);
          void render().then(() => {
            // Focus stays on the moved case: the same button, or its twin at either end of the list.
            const item = list.querySelector(`li[data-case-id="${id}"]`)!;
            const [up, down] = item.querySelectorAll('button');
            const same = by === -1 ? up! : down!;
            (same.disabled ? (by === -1 ? down! : up!) : same).focus();
          });
        };
        li.append(
          button('上移', move(-1), { disabled: i === 0, name: `上移：${titles[i]}` }),
          button('下移', move(1), { disabled: i === caseIds.length - 1, name: `下移：${titles[i]}` }),
          button('移除', () => change(removeCase(state, id), `已移除“${titles[i]}”。`), { name: `移除：${titles[i]}` }),
        );
      }
      return li;
    }),
  );
}

let rendering = 0;

async function render(): Promise<void> {
  const ticket = ++rendering;
  const view = shown();
  const editable = !shared;
  preview.box.hidden = !shared;
  manage.hidden = Boolean(shared);
  clear.hidden = Boolean(shared);
  clear.disabled = view.caseIds.length === 0;
  const current = currentHandout(state);
  fillSelect(select, current.id);
  fillSelect(preview.target, current.id);
  for (const key of ['title', 'course', 'date'] as const) if (document.activeElement !== fields[key]) fields[key].value = current[key] ?? '';
  share.value = new URL(`${base}handout/${handoutShareSearch(view.caseIds, view.title)}`, siteOrigin).href;
  compare.hidden = !canCompare(view.caseIds);
  compare.href = `${base}compare/?ids=${serializeHandoutIds(view.caseIds)}`;

  const include = new Set([...parts].filter((o) => o.checked).map((o) => o.name));
  const edition = ([...editions].find((r) => r.checked)?.value ?? 'student') as Edition;
  const fetched = await Promise.all(view.caseIds.map(fetchCase));
  if (ticket !== rendering) return; // a newer render has started
  const titles = view.caseIds.map((id, i) => fetched[i]?.title ?? id);
  renderList(view.caseIds, titles, editable);
  if (shared) {
    preview.text.textContent = `这是通过链接分享的讲义“${view.title}”，共${view.caseIds.length}个案例，下面是它的预览。你自己的讲义没有任何改动；要留下它，请另存为新讲义，或并入你的一份讲义。`;
  }
  if (view.caseIds.length === 0) {
    doc.replaceChildren();
    pageStyle.textContent = '';
    summary.textContent = '讲义里还没有案例。请在案例页或浏览、搜索结果里点“加入讲义”。';
    return;
  }
  const missing = view.caseIds.filter((_, i) => !fetched[i]);
  summary.textContent = `讲义“${view.title}”共${view.caseIds.length - missing.length}个案例${missing.length ? `；找不到：${missing.join('、')}` : ''}。`;
  const found = view.caseIds.flatMap((id, i) => (fetched[i] ? [{ id, page: fetched[i] }] : []));
  const sections = found.map(({ id, page }, i) => handoutSection(id, i + 1, page, include, edition));
  doc.replaceChildren(
    ...cover(
      view,
      found.map((f) => f.page.title),
      edition,
    ),
    ...sections,
  );
  doc.dataset['edition'] = edition;
  doc.dataset['caseCount'] = String(sections.length);
  pageStyle.textContent = pageStyles(sections);
}

function leavePreview(message: string): void {
  shared = undefined;
  history.replaceState(null, '', location.pathname);
  setStatus(message);
  void render();
}

async function downloadWord(): Promise<void> {
  const trigger = $<HTMLButtonElement>('#handout-docx');
  trigger.disabled = true;
  try {
    await render();
    const { docxBlob, saveFile } = await import('./docx-export.ts');
    const view = shown();
    const cases = [...doc.querySelectorAll<HTMLElement>('.handout-case')].map((element) => ({ element, address: element.dataset['address']! }));
    if (cases.length === 0) return;
    saveFile(
      await docxBlob({ title: view.title, ...(view.course && { course: view.course }), ...(view.date && { date: view.date }), siteTitle, cases }),
      view.title,
    );
  } finally {
    trigger.disabled = false;
  }
}

controls.hidden = false;
parts.forEach((o) => o.addEventListener('change', () => void render()));
editions.forEach((o) => o.addEventListener('change', () => void render()));
$('#handout-print').addEventListener('click', () => window.print());
$('#handout-docx').addEventListener('click', () => void downloadWord());
clear.addEventListener('click', () => change(clearHandout(state), `已清空讲义“${currentHandout(state).title}”。`));
select.addEventListener('change', () => change(switchHandout(state, select.value), ''));
$('#handout-new').addEventListener('click', () => {
  change(createHandout(state), '已新建一份空讲义，可以在“讲义名称”里改名。');
  fields.title.focus();
});
$('#handout-delete').addEventListener('click', () => change(deleteHandout(state), `已删除讲义“${currentHandout(state).title}”。`));
for (const key of ['title', 'course', 'date'] as const) {
  fields[key].addEventListener('change', () => change(describeHandout(state, { [key]: fields[key].value })));
}
$('#preview-save').addEventListener('click', () => {
  const { caseIds, title } = shown();
  state = createHandout(state, title, caseIds);
  saveHandouts(state);
  leavePreview(`已另存为新讲义“${currentHandout(state).title}”。`);
});
$('#preview-merge').addEventListener('click', () => {
  const merged = mergeInto(state, preview.target.value, shown().caseIds);
  state = merged.state;
  saveHandouts(state);
  leavePreview(`已并入讲义“${currentHandout(state).title}”：新增${merged.added}个案例${merged.skipped ? `，另有${merged.skipped}个因讲义已满没有加入` : ''}。`);
});
$('#preview-close').addEventListener('click', () => leavePreview('已关闭预览，显示你自己的讲义。'));
$('#handout-copy').addEventListener('click', async () => {
  share.select();
  try {
    await navigator.clipboard.writeText(share.value);
    setStatus('分享链接已复制。');
  } catch {
    setStatus('请按 Ctrl+C（或长按）复制已选中的链接。');
  }
});
// Cases added in another tab (or removed from a result list there) show up here too.
onHandoutsChange(() => {
  const fresh = loadHandouts();
  if (JSON.stringify(fresh.handouts) === JSON.stringify(state.handouts) && fresh.currentId === state.currentId) return;
  state = { ...fresh, ...(state.undo && { undo: state.undo }) };
  void render();
});
void render();
