/**
 * “加入对比” for one case, attachable to any container: compare-actions.ts puts one in every
 * case hook (case pages and result lists). It adds a
 * toggle button, a link to the comparison of the cases picked so far, and a status line that
 * says why a fifth case cannot be added.
 */
import { MAX_COMPARED, serializeCompareIds, toggleCompareId } from '../lib/compare-ids.ts';
import { url } from '../lib/urls.ts';
import { loadCompare, onCompareChange, saveCompare } from './compare-store.ts';

export interface CompareToggleOptions {
  /**
   * When the 对比所选 link shows: 'picked' once anything is picked (a case page), 'this' only
   * while this case is picked (a result list, so fifty items do not carry fifty links).
   */
  link?: 'picked' | 'this';
}

/**
 * How to re-render each toggle, by its element. A change re-renders the toggles found on the
 * page; those of result items that were replaced are simply not found, and are collected.
 */
const renders = new WeakMap<Element, () => void>();
let listening = false;

export const compareUrl = (ids: readonly string[]): string => `${url('compare/')}?ids=${serializeCompareIds(ids)}`;

export function attachCompareToggle(container: HTMLElement, id: string, options: CompareToggleOptions = {}): void {
  const box = Object.assign(document.createElement('span'), { className: 'compare-toggle' });
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: '加入对比', className: 'toggle' });
  const link = document.createElement('a');
  const status = Object.assign(document.createElement('span'), { className: 'compare-toggle-status' });
  status.setAttribute('role', 'status');
  box.append(button, ' ', link, ' ', status);
  container.append(box);

  const render = () => {
    const ids = loadCompare();
    const picked = ids.includes(id);
    // A toggle keeps its name; aria-pressed (and its look, global.css .toggle) says whether the case is in.
    button.setAttribute('aria-pressed', String(picked));
    link.textContent = `对比所选（${ids.length}）`;
    link.href = compareUrl(ids);
    link.hidden = options.link === 'this' ? !picked : ids.length === 0;
    if (ids.length < MAX_COMPARED) status.textContent = '';
  };
  button.addEventListener('click', () => {
    const ids = loadCompare();
    const next = toggleCompareId(ids, id);
    status.textContent = next.length === ids.length ? `最多对比${MAX_COMPARED}个案例，请先移除一个` : '';
    if (next.length !== ids.length) saveCompare(next);
  });

  renders.set(box, render);
  if (!listening) {
    listening = true;
    onCompareChange(() => document.querySelectorAll('.compare-toggle').forEach((el) => renders.get(el)?.()));
  }
  render();
}
