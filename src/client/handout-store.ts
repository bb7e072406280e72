/**
 * The instructor's handouts, remembered in this browser (stored-value.ts). A thin adapter: the
 * rules live in src/lib/handout.ts. Pages and tabs hear of every save, so the header count and
 * the toggles on a page stay in step.
 */
import { parseHandoutIds, parseHandoutState, serializeHandoutState, type HandoutState } from '../lib/handout.ts';
import { storedValue } from './stored-value.ts';

const stored = storedValue('casebook-handouts');
/** The single list of the first version; read once, into a first handout, so nobody loses it. */
const legacy = storedValue('casebook-handout');

export const loadHandouts = (): HandoutState => parseHandoutState(stored.read(), parseHandoutIds(legacy.read()));

export const saveHandouts = (state: HandoutState): void => stored.write(serializeHandoutState(state));

/** Calls `listener` whenever the handouts change, in this page or another tab. */
export const onHandoutsChange = (listener: () => void): void => stored.onChange(listener);
