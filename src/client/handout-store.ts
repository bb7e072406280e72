/**
 * The instructor's handouts, remembered in this browser. A thin adapter: the rules live in
 * src/lib/handout.ts. Every save announces itself (HANDOUT_CHANGED), and other tabs hear of it
 * through the storage event, so the header count and the toggles on a page stay in step.
 */
import { parseHandoutIds, parseHandoutState, serializeHandoutState, type HandoutState } from '../lib/handout.ts';

const KEY = 'casebook-handouts';
/** The single list of the first version; read once, into a first handout, so nobody loses it. */
const LEGACY_KEY = 'casebook-handout';
export const HANDOUT_CHANGED = 'casebook:handouts';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policy): shared links still work
  }
}

export const loadHandouts = (): HandoutState => parseHandoutState(read(KEY), parseHandoutIds(read(LEGACY_KEY)));

export function saveHandouts(state: HandoutState): void {
  try {
    localStorage.setItem(KEY, serializeHandoutState(state));
  } catch {
    /* see read */
  }
  document.dispatchEvent(new CustomEvent(HANDOUT_CHANGED));
}

/** Calls `listener` whenever the handouts change, in this page or another tab. */
export function onHandoutsChange(listener: () => void): void {
  document.addEventListener(HANDOUT_CHANGED, listener);
  addEventListener('storage', (e) => {
    if (e.key === KEY) listener();
  });
}
