/**
 * Fills the per-case hooks (`.case-actions[data-case-id]`, written by caseActionsHtml in
 * src/lib/result-markup.ts) with buttons, in server-rendered lists, in the lists the finder
 * renders later, and on case pages. Each feature registers one action under its own name
 * (handout now; compare can add its own), and gets one element per hook, once.
 */
const makers = new Map<string, (caseId: string) => HTMLElement>();

function fill(): void {
  for (const hook of document.querySelectorAll<HTMLElement>('.case-actions[data-case-id]')) {
    const caseId = hook.dataset['caseId'];
    if (!caseId) continue;
    for (const [name, make] of makers) {
      if (hook.querySelector(`:scope > [data-case-action="${name}"]`)) continue;
      const element = make(caseId);
      element.dataset['caseAction'] = name;
      hook.append(element);
    }
  }
}

let observing = false;

export function addCaseAction(name: string, make: (caseId: string) => HTMLElement): void {
  makers.set(name, make);
  fill();
  if (observing) return;
  observing = true;
  // Result lists are re-rendered on every query; new hooks get their buttons as they appear.
  new MutationObserver(fill).observe(document.body, { childList: true, subtree: true });
}
