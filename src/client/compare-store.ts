/**
 * The cases picked for comparison, remembered in this browser between pages. Every toggle on
 * a page re-renders when the choice changes here or in another tab.
 */
import { parseCompareIds, serializeCompareIds } from '../lib/compare-ids.ts';

const KEY = 'casebook-compare';
const CHANGED = 'casebook-compare-change';

export function loadCompare(): string[] {
  try {
    return parseCompareIds(localStorage.getItem(KEY)).ids;
  } catch {
    return []; // storage disabled (private mode, policy): the URL still carries a comparison
  }
}

export function saveCompare(ids: readonly string[]): void {
  try {
    localStorage.setItem(KEY, serializeCompareIds(ids));
  } catch {
    /* see loadCompare */
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** Calls `listener` whenever the choice changes, on this page or in another tab. */
export function onCompareChange(listener: () => void): void {
  window.addEventListener(CHANGED, listener);
  window.addEventListener('storage', (e) => {
    if (e.key === KEY || e.key === null) listener();
  });
}
