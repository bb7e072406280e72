/**
 * The handout an instructor assembles: an ordered list of case ids, kept in the URL
 * (?ids=a,b,c) so a handout is a link that can be sent, and in localStorage while picking.
 */
import { CASE_ID_PATTERN } from '../schema/ids.ts';

/** A class rarely discusses more than a dozen cases; a longer list is a mistake. */
export const MAX_HANDOUT_CASES = 12;

export function parseHandoutIds(raw: string | null | undefined): string[] {
  const ids: string[] = [];
  for (const part of (raw ?? '').split(',')) {
    const id = part.trim();
    if (CASE_ID_PATTERN.test(id) && !ids.includes(id)) ids.push(id);
  }
  return ids.slice(0, MAX_HANDOUT_CASES);
}

export const serializeHandoutIds = (ids: readonly string[]): string => ids.join(',');

export function toggleHandoutId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(0, MAX_HANDOUT_CASES);
}

export function moveHandoutId(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from === -1 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
