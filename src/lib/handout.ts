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

const cleanTitle = (raw: unknown, fallback: string): string => {
  const title = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) : '';
  return title || fallback;
};
const cleanOptional = (raw: unknown): string | undefined => {
  const text = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) : '';
  return text || undefined;
};

/** The next free id: one more than the largest h<n> in use. */
export function nextHandoutId(handouts: readonly Handout[]): string {
  const max = Math.max(0, ...handouts.map((h) => Number(/^h(\d+)$/.exec(h.id)?.[1] ?? 0)));
  return `h${max + 1}`;
}

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

const withoutUndo = ({ handouts, currentId }: HandoutState): HandoutState => ({ handouts, currentId });

function updateCurrent(state: HandoutState, change: (h: Handout) => Handout, undoAction?: string): HandoutState {
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

export const removeCase = (state: HandoutState, caseId: string): HandoutState =>
  currentHandout(state).caseIds.includes(caseId) ? toggleCase(state, caseId) : state;

export const moveCase = (state: HandoutState, caseId: string, by: -1 | 1): HandoutState =>
  updateCurrent(state, (h) => ({ ...h, caseIds: moveHandoutId(h.caseIds, caseId, by) }));

export const clearHandout = (state: HandoutState): HandoutState => updateCurrent(state, (h) => ({ ...h, caseIds: [] }), '清空讲义');

/** Title, course and date of the current handout, as typed for its cover. */
export const describeHandout = (state: HandoutState, details: { title?: string; course?: string; date?: string }): HandoutState =>
  updateCurrent(state, (h) => {
    const next: Handout = { id: h.id, title: 'title' in details ? cleanTitle(details.title, h.title) : h.title, caseIds: h.caseIds };
    const course = 'course' in details ? cleanOptional(details.course) : h.course;
    const date = 'date' in details ? cleanOptional(details.date) : h.date;
    return { ...next, ...(course && { course }), ...(date && { date }) };
  });

/** A new handout, made current; with case ids it is 另存为新讲义 of a shared link. */
export function createHandout(state: HandoutState, title?: string, caseIds: readonly string[] = []): HandoutState {
  const id = nextHandoutId(state.handouts);
  const fallback = `讲义${state.handouts.length + 1}`;
  return { handouts: [...state.handouts, { id, title: cleanTitle(title, fallback), caseIds: parseHandoutIds(caseIds.join(',')) }], currentId: id };
}

export const switchHandout = (state: HandoutState, id: string): HandoutState =>
  state.handouts.some((h) => h.id === id) ? { handouts: state.handouts, currentId: id } : state;

/** Deletes the current handout; the last one left is emptied instead, so there is always one to add to. */
export function deleteHandout(state: HandoutState): HandoutState {
  const current = currentHandout(state);
  const undo = { action: `删除讲义“${current.title}”`, before: withoutUndo(state) };
  if (state.handouts.length === 1) return { ...initialHandoutState(), undo };
  const index = state.handouts.indexOf(current);
  const handouts = state.handouts.filter((h) => h !== current);
  return { handouts, currentId: handouts[Math.max(0, index - 1)]!.id, undo };
}

/**
 * 并入: adds a shared handout's cases to one of the reader's own, after the ones already there,
 * skipping those it holds. The cap still applies, so the result says how many did not fit.
 */
export function mergeInto(state: HandoutState, targetId: string, caseIds: readonly string[]): { state: HandoutState; added: number; skipped: number } {
  const target = state.handouts.find((h) => h.id === targetId);
  if (!target) return { state, added: 0, skipped: 0 };
  const fresh = caseIds.filter((id) => !target.caseIds.includes(id));
  const merged = [...target.caseIds, ...fresh].slice(0, MAX_HANDOUT_CASES);
  const added = merged.length - target.caseIds.length;
  return {
    state: { handouts: state.handouts.map((h) => (h === target ? { ...h, caseIds: merged } : h)), currentId: targetId },
    added,
    skipped: fresh.length - added,
  };
}

/** 撤销: the state before the last destructive change, exactly. */
export const undoLast = (state: HandoutState): HandoutState => state.undo?.before ?? state;

/** Same cases in the same order: a shared link to a handout the reader already has is not news. */
export const sameCases = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => b[i] === id);

/**
 * The link that shares a handout, relative to the handout page: handout/?ids=a,b,c&title=….
 * This format is a contract: 专题 pages link to it as a course pack, so keep it stable.
 */
export function handoutShareSearch(caseIds: readonly string[], title?: string): string {
  const params = new URLSearchParams({ ids: serializeHandoutIds(caseIds) });
  if (title) params.set('title', title);
  // Commas stay readable in the link; URLSearchParams would write %2C.
  return `?${params.toString().replace(/%2C/g, ',')}`;
}

/** What a shared link carries; `title` is cleaned the same way as a typed one. */
export function parseHandoutShare(search: string): { caseIds: string[]; title?: string } | undefined {
  const params = new URLSearchParams(search);
  const caseIds = parseHandoutIds(params.get('ids'));
  if (caseIds.length === 0) return undefined;
  const title = cleanOptional(params.get('title'));
  return { caseIds, ...(title && { title }) };
}

/** Side-by-side comparison is offered for 2–4 cases, the most a compare page sets side by side. */
export const COMPARE_RANGE = { min: 2, max: 4 } as const;
export const canCompare = (caseIds: readonly string[]): boolean => caseIds.length >= COMPARE_RANGE.min && caseIds.length <= COMPARE_RANGE.max;
