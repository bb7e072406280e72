/**
 * Fills the per-case hooks (`.case-actions[data-case-id]`, written by caseActionsHtml in
 * src/lib/result-markup.ts) with buttons, in server-rendered lists, in the lists the finder
 * renders later, and on case pages. Each feature registers one action under its own name
 * (加入讲义, 加入对比), and gets one element per hook, once.
 */
/** Makes a feature's element for one case; `hook` tells a case page (inside its article) from a list item. */
type MakeAction = (caseId: string, hook: HTMLElement) => HTMLElement;
const makers = new Map<string, MakeAction>();

function fill(): void {
  for (const hook of document.querySelectorAll<HTMLElement>('.case-actions[data-case-id]')) {
    const caseId = hook.dataset['caseId'];
    if (!caseId) continue;
    for (const [name, make] of makers) {
      if (hook.querySelector(`:scope > [data-case-action="${name}"]`)) continue;
      const element = make(caseId, hook);
      element.dataset['caseAction'] = name;
      hook.append(element);
    }
  }
}

let observing = false;

export function addCaseAction(name: string, make: MakeAction): void {
  makers.set(name, make);
  fill();
  if (observing) return;
  observing = true;
  // Result lists are re-rendered on every query; new hooks get their buttons as they appear.
  new MutationObserver(fill).observe(document.body, { childList: true, subtree: true });
}
