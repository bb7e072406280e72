/**
 * The handout page's edits of the handouts (handout.ts holds the state): move, remove, clear,
 * describe, create, switch, delete, merge a shared handout, undo, and the share link. Each is
 * a pure function from state to state.
 */
import { MAX_COMPARED, MIN_COMPARED } from './compare-ids.ts';
import {
  cleanOptional,
  cleanTitle,
  currentHandout,
  initialHandoutState,
  MAX_HANDOUT_CASES,
  parseHandoutIds,
  serializeHandoutIds,
  toggleCase,
  updateCurrent,
  withoutUndo,
  type Handout,
  type HandoutState,
} from './handout.ts';

export function moveHandoutId(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from === -1 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** The next free id: one more than the largest h<n> in use. */
export function nextHandoutId(handouts: readonly Handout[]): string {
  const max = Math.max(0, ...handouts.map((h) => Number(/^h(\d+)$/.exec(h.id)?.[1] ?? 0)));
  return `h${max + 1}`;
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

/** Side-by-side comparison is offered for as many cases as the compare page sets side by side. */
export const canCompare = (caseIds: readonly string[]): boolean => caseIds.length >= MIN_COMPARED && caseIds.length <= MAX_COMPARED;
