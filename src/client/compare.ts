/**
 * Builds the comparison on /compare/: ids from the URL (or, without any, the cases picked in
 * this browser), each case from /data/cases/<id>.json under the site's base, then the table
 * (src/lib/compare-markup.ts). Removing a case rewrites the URL, so the link stays the comparison.
 */
import { compareRows } from '../lib/compare.ts';
import { MAX_COMPARED, MIN_COMPARED, parseCompareIds, serializeCompareIds, toggleCompareId } from '../lib/compare-ids.ts';
import { comparisonTableHtml } from '../lib/compare-markup.ts';
import type { OpenCase } from '../lib/open-data.ts';
import { caseUrl, measureUrl, url } from '../lib/urls.ts';
import { loadCompare, saveCompare } from './compare-store.ts';

const root = document.querySelector<HTMLElement>('#compare')!;
const status = document.querySelector<HTMLElement>('#compare-status')!;
const table = document.querySelector<HTMLElement>('#compare-table')!;
const actions = document.querySelector<HTMLElement>('#compare-actions')!;
const printButton = document.querySelector<HTMLButtonElement>('#compare-print')!;
const kinds = JSON.parse(root.dataset['kinds'] ?? '[]') as string[];
const fetched = new Map<string, Promise<OpenCase | undefined>>();

function fetchCase(id: string): Promise<OpenCase | undefined> {
  let c = fetched.get(id);
  if (!c) {
    c = fetch(url(`data/cases/${id}.json`))
      .then((r) => (r.ok ? (r.json() as Promise<OpenCase>) : undefined))
      .catch(() => undefined);
    fetched.set(id, c);
  }
  return c;
}

const named = (items: readonly string[]) => items.map((x) => `“${x}”`).join('、');

async function render(raw: string | null, afterRemoval = false): Promise<void> {
  const { ids, malformed, extra } = parseCompareIds(raw);
  const found = (await Promise.all(ids.map(fetchCase))).filter((c): c is OpenCase => c !== undefined);
  const unknown = ids.filter((id) => !found.some((c) => c.id === id));
  const kept = found.map((c) => c.id);

  // The URL and this browser's picks both become what is shown.
  const params = new URLSearchParams(location.search);
  if (kept.length) params.set('ids', serializeCompareIds(kept));
  else params.delete('ids');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params.toString().replace(/%2C/g, ',')}` : ''}`);
  saveCompare(kept);

  const notes: string[] = [];
  if (unknown.length) notes.push(`找不到这些案例：${named(unknown)}（可能编号有误，或案例已改名、删除）。`);
  if (malformed.length) notes.push(`${named(malformed)}不是案例编号，已略去。`);
  if (extra.length) notes.push(`最多并排对比${MAX_COMPARED}个案例，已略去：${named(extra)}。`);
  if (found.length < MIN_COMPARED)
    notes.push(
      found.length
        ? `对比至少需要${MIN_COMPARED}个案例，现在只有“${found[0]!.title}”；请在案例页或搜索结果里再点“加入对比”。`
        : `还没有选择案例：请在案例页或搜索结果里点“加入对比”，选${MIN_COMPARED}个以上的案例。`,
    );
  else notes.unshift(`正在对比${found.length}个案例。`);
  status.textContent = notes.join('');

  table.hidden = found.length < MIN_COMPARED;
  actions.hidden = false;
  printButton.hidden = table.hidden;
  table.innerHTML = table.hidden ? '' : comparisonTableHtml(compareRows(found, kinds), { caseUrl, measureUrl });
  for (const button of table.querySelectorAll<HTMLButtonElement>('button[data-remove]'))
    button.addEventListener('click', () => void render(serializeCompareIds(toggleCompareId(kept, button.dataset['remove']!)), true));
  // The pressed button is gone with the old table: keep the keyboard where the reader was.
  if (afterRemoval) (table.hidden ? status : table).focus();
}

printButton.addEventListener('click', () => window.print());
const fromUrl = new URLSearchParams(location.search).get('ids');
void render(fromUrl ?? serializeCompareIds(loadCompare()));
