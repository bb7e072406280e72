/**
 * On every page: the header's 讲义 link shows how many cases the current handout holds, and
 * every case hook (case page, browse, search, measure and region lists) gets an 加入讲义 toggle.
 */
import { currentHandout, toggleCase } from '../lib/handout.ts';
import { addCaseAction } from './case-actions.ts';
import { loadHandouts, onHandoutsChange, saveHandouts } from './handout-store.ts';

function render(): void {
  const { caseIds, title } = currentHandout(loadHandouts());
  for (const link of document.querySelectorAll<HTMLElement>('[data-handout-count]')) link.textContent = `讲义（${caseIds.length}）`;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-case-action="handout"]')) {
    button.setAttribute('aria-pressed', String(caseIds.includes(button.dataset['caseId']!)));
    button.title = `当前讲义：${title}`;
  }
}

addCaseAction('handout', (caseId) => {
  // A toggle keeps its name; aria-pressed (and its look, see global.css) says whether the case is in.
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: '加入讲义', className: 'toggle' });
  button.dataset['caseId'] = caseId;
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', () => saveHandouts(toggleCase(loadHandouts(), caseId)));
  // Rendered once the element is in its hook (on the next frame at the latest).
  queueMicrotask(render);
  return button;
});
onHandoutsChange(render);
render();
