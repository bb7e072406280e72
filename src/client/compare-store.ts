/**
 * The cases picked for comparison, remembered in this browser between pages (stored-value.ts).
 * Every toggle on a page re-renders when the choice changes here or in another tab.
 */
import { parseCompareIds, serializeCompareIds } from '../lib/compare-ids.ts';
import { storedValue } from './stored-value.ts';

const stored = storedValue('casebook-compare');

export const loadCompare = (): string[] => parseCompareIds(stored.read()).ids;

export const saveCompare = (ids: readonly string[]): void => stored.write(serializeCompareIds(ids));

/** Calls `listener` whenever the choice changes, on this page or in another tab. */
export const onCompareChange = (listener: () => void): void => stored.onChange(listener);
