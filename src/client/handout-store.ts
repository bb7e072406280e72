/** The handout being assembled, remembered in this browser between case pages. */
import { parseHandoutIds, serializeHandoutIds } from '../lib/handout.ts';

const KEY = 'casebook-handout';

export function loadHandout(): string[] {
  try {
    return parseHandoutIds(localStorage.getItem(KEY));
  } catch {
    return []; // storage disabled (private mode, policy): the URL still carries a handout
  }
}

export function saveHandout(ids: readonly string[]): void {
  try {
    localStorage.setItem(KEY, serializeHandoutIds(ids));
  } catch {
    /* see loadHandout */
  }
}
