/**
 * Which cases a comparison holds: the ids of /compare/?ids=… and of the choice kept while
 * picking. Apart from compare.ts because every page's 加入对比 needs only this.
 */
import { CASE_ID_PATTERN } from '../schema/ids.ts';

export const MIN_COMPARED = 2;
/** Four columns still fit a landscape A4 page and a laptop screen. */
export const MAX_COMPARED = 4;

export interface CompareIds {
  /** Well-formed ids, once each, in order, at most MAX_COMPARED. */
  ids: string[];
  /** Parts of the list that cannot be case ids (named to the reader). */
  malformed: string[];
  /** Well-formed ids past the fourth, left out. */
  extra: string[];
}

export function parseCompareIds(raw: string | null | undefined): CompareIds {
  const result: CompareIds = { ids: [], malformed: [], extra: [] };
  for (const part of (raw ?? '').split(',')) {
    const id = part.trim();
    if (!id) continue;
    if (!CASE_ID_PATTERN.test(id)) result.malformed.push(id);
    else if (result.ids.includes(id) || result.extra.includes(id)) continue;
    else if (result.ids.length < MAX_COMPARED) result.ids.push(id);
    else result.extra.push(id);
  }
  return result;
}

export const serializeCompareIds = (ids: readonly string[]): string => ids.join(',');

/** Adds or removes `id`; adding to a full list leaves it as it is (the caller says why). */
export function toggleCompareId(ids: readonly string[], id: string): string[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id);
  return ids.length < MAX_COMPARED ? [...ids, id] : [...ids];
}
