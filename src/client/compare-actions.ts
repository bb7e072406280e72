/**
 * Every case hook (case pages and result lists, see case-actions.ts) gets 加入对比. A case page
 * shows the link to the comparison as soon as anything is picked; a list item only while it is
 * picked itself, so fifty results do not carry fifty links.
 */
import { addCaseAction } from './case-actions.ts';
import { attachCompareToggle } from './compare-toggle.ts';

addCaseAction('compare', (caseId, hook) => {
  const holder = document.createElement('span');
  attachCompareToggle(holder, caseId, { link: hook.closest('article') ? 'picked' : 'this' });
  return holder;
});
