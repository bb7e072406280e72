/**
 * The handouts an instructor assembles, as they are stored and as every page's 加入讲义 needs
 * them: the state, reading it back, the current handout and adding or removing a case. The
 * handout page's own edits (rename, move, delete, merge, undo, share) are in handout-edits.ts,
 * apart so that every page does not load them.
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

/**
 * Several named handouts kept in the browser, one of them current. Every change is a pure
 * function from state to state, so the page, the result lists and the case pages share one
 * set of rules and the tests need no browser. A destructive change (移除, 清空, 删除讲义)
 * keeps the state before it in `undo`, which 撤销 restores exactly.
 */
export interface Handout {
  /** Stable within this browser (h1, h2, …), never shown. */
  id: string;
  title: string;
  /** Printed on the cover; typed by the instructor. */
  course?: string;
  /** Printed on the cover, as the instructor typed it (usually YYYY-MM-DD from a date field). */
  date?: string;
  caseIds: string[];
}

export interface HandoutState {
  handouts: Handout[];
  currentId: string;
  /** The state before the last destructive change, and what that change was (for the 撤销 message). */
  undo?: { action: string; before: HandoutState };
}

export const DEFAULT_HANDOUT_TITLE = '我的讲义';
const MAX_TITLE = 60;

/** A title as stored: spaces collapsed, at most MAX_TITLE characters, never empty. */
export const cleanTitle = (raw: unknown, fallback: string): string => {
  const title = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) : '';
  return title || fallback;
};
export const cleanOptional = (raw: unknown): string | undefined => {
  const text = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) : '';
  return text || undefined;
};

/** A first, empty handout, or one holding the list kept by the single-list version (key casebook-handout). */
export function initialHandoutState(legacyIds: readonly string[] = []): HandoutState {
  return { handouts: [{ id: 'h1', title: DEFAULT_HANDOUT_TITLE, caseIds: [...legacyIds] }], currentId: 'h1' };
}

/**
 * Reads stored state defensively: storage is written by older versions and by other tabs, and
 * can be edited by hand, so anything malformed is dropped rather than trusted.
 */
export function parseHandoutState(json: string | null | undefined, legacyIds: readonly string[] = []): HandoutState {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '');
  } catch {
    return initialHandoutState(legacyIds);
  }
  const list = (raw as { handouts?: unknown })?.handouts;
  const handouts: Handout[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    const h = item as Partial<Record<keyof Handout, unknown>>;
    if (typeof h.id !== 'string' || !/^h\d+$/.test(h.id) || handouts.some((x) => x.id === h.id)) continue;
    const caseIds = parseHandoutIds(Array.isArray(h.caseIds) ? h.caseIds.filter((x) => typeof x === 'string').join(',') : '');
    const course = cleanOptional(h.course);
    const date = cleanOptional(h.date);
    handouts.push({ id: h.id, title: cleanTitle(h.title, DEFAULT_HANDOUT_TITLE), ...(course && { course }), ...(date && { date }), caseIds });
  }
  if (handouts.length === 0) return initialHandoutState(legacyIds);
  const currentId = (raw as { currentId?: unknown }).currentId;
  return { handouts, currentId: handouts.some((h) => h.id === currentId) ? (currentId as string) : handouts[0]!.id };
}

/** What is kept in storage: the handouts and which is current; the undo step lives only as long as the page. */
export const serializeHandoutState = ({ handouts, currentId }: HandoutState): string => JSON.stringify({ handouts, currentId });

export const currentHandout = (state: HandoutState): Handout => state.handouts.find((h) => h.id === state.currentId) ?? state.handouts[0]!;

export const withoutUndo = ({ handouts, currentId }: HandoutState): HandoutState => ({ handouts, currentId });

/** Changes the current handout; with `undoAction`, keeps the state before it for 撤销. */
export function updateCurrent(state: HandoutState, change: (h: Handout) => Handout, undoAction?: string): HandoutState {
  const current = currentHandout(state);
  return {
    handouts: state.handouts.map((h) => (h.id === current.id ? change(h) : h)),
    currentId: current.id,
    ...(undoAction && { undo: { action: undoAction, before: withoutUndo(state) } }),
  };
}

/** 加入讲义 / 移除 from a case page or a result list; removing can be undone. */
export function toggleCase(state: HandoutState, caseId: string): HandoutState {
  const removing = currentHandout(state).caseIds.includes(caseId);
  return updateCurrent(state, (h) => ({ ...h, caseIds: toggleHandoutId(h.caseIds, caseId) }), removing ? '移除案例' : undefined);
}
