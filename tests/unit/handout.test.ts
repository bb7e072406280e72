import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HANDOUT_TITLE,
  MAX_HANDOUT_CASES,
  currentHandout,
  initialHandoutState,
  parseHandoutIds,
  parseHandoutState,
  serializeHandoutIds,
  serializeHandoutState,
  toggleCase,
  toggleHandoutId,
  type HandoutState,
} from '../../src/lib/handout.ts';
import {
  canCompare,
  clearHandout,
  createHandout,
  deleteHandout,
  describeHandout,
  handoutShareSearch,
  mergeInto,
  moveCase,
  moveHandoutId,
  parseHandoutShare,
  removeCase,
  sameCases,
  switchHandout,
  undoLast,
} from '../../src/lib/handout-edits.ts';

describe('handout ids', () => {
  it('keeps valid ids once, in order, and drops anything else', () => {
    expect(parseHandoutIds('b-case, a-case,,b-case,<script>,../x,A-Case')).toEqual(['b-case', 'a-case']);
    expect(parseHandoutIds(null)).toEqual([]);
  });

  it('caps the list', () => {
    const many = Array.from({ length: 20 }, (_, i) => `c${i}`).join(',');
    expect(parseHandoutIds(many)).toHaveLength(MAX_HANDOUT_CASES);
  });

  it('toggles, moves and round-trips through the URL form', () => {
    let ids = toggleHandoutId([], 'a');
    ids = toggleHandoutId(ids, 'b');
    ids = moveHandoutId(ids, 'b', -1);
    expect(ids).toEqual(['b', 'a']);
    expect(moveHandoutId(ids, 'b', -1)).toEqual(['b', 'a']);
    expect(toggleHandoutId(ids, 'b')).toEqual(['a']);
    expect(parseHandoutIds(serializeHandoutIds(ids))).toEqual(ids);
  });
});

describe('named handouts', () => {
  const two = (): HandoutState => createHandout(toggleCase(toggleCase(initialHandoutState(), 'a'), 'b'), '第二讲', ['c']);

  it('migrates the single list of the old version into a first handout, so nothing is lost', () => {
    const state = parseHandoutState(null, parseHandoutIds('x-case,y-case'));
    expect(state.handouts).toEqual([{ id: 'h1', title: DEFAULT_HANDOUT_TITLE, caseIds: ['x-case', 'y-case'] }]);
    expect(currentHandout(state).id).toBe('h1');
  });

  it('round-trips through storage and drops whatever is malformed', () => {
    const state = describeHandout(two(), { course: ' 基层治理 专题 ', date: '2026-03-01' });
    expect(parseHandoutState(serializeHandoutState(state))).toEqual({ handouts: state.handouts, currentId: state.currentId });
    const messy = JSON.stringify({
      handouts: [{ id: 'h1', title: '', caseIds: ['ok-case', '../x', 7] }, { id: 'h1', title: 'dup', caseIds: [] }, { id: 'bad', caseIds: [] }, 'junk'],
      currentId: 'h9',
    });
    expect(parseHandoutState(messy)).toEqual({ handouts: [{ id: 'h1', title: DEFAULT_HANDOUT_TITLE, caseIds: ['ok-case'] }], currentId: 'h1' });
    expect(parseHandoutState('not json', ['z-case'])).toEqual(initialHandoutState(['z-case']));
  });

  it('creates, renames, switches and deletes handouts; the current one receives added cases', () => {
    let state = two();
    expect(state.handouts.map((h) => [h.id, h.title, h.caseIds])).toEqual([
      ['h1', DEFAULT_HANDOUT_TITLE, ['a', 'b']],
      ['h2', '第二讲', ['c']],
    ]);
    expect(state.currentId).toBe('h2');
    state = toggleCase(describeHandout(state, { title: '  第二讲：网格  ' }), 'd');
    expect(currentHandout(state)).toMatchObject({ title: '第二讲：网格', caseIds: ['c', 'd'] });
    state = switchHandout(state, 'h1');
    expect(currentHandout(state).caseIds).toEqual(['a', 'b']);
    expect(switchHandout(state, 'h404')).toBe(state);
    expect(createHandout(state).handouts.at(-1)!.title).toBe('讲义3');
    // Deleting the current handout moves to its neighbour; the last one is emptied, never gone.
    state = deleteHandout(state);
    expect(state.handouts.map((h) => h.id)).toEqual(['h2']);
    state = deleteHandout(state);
    expect(state.handouts).toEqual([{ id: 'h1', title: DEFAULT_HANDOUT_TITLE, caseIds: [] }]);
  });

  it('undoes 移除, 清空 and 删除讲义 exactly, and only those', () => {
    const before = two();
    for (const [action, change] of [
      ['移除案例', (s: HandoutState) => removeCase(s, 'c')],
      ['清空讲义', clearHandout],
      ['删除讲义“第二讲”', deleteHandout],
    ] as const) {
      const after = change(before);
      expect(after.undo?.action).toBe(action);
      expect(after).not.toEqual(before);
      expect(undoLast(after)).toEqual(before);
    }
    expect(toggleCase(before, 'new').undo).toBeUndefined();
    expect(moveCase(before, 'c', 1).undo).toBeUndefined();
    expect(undoLast(before)).toBe(before);
  });

  it('merges a shared handout into one of the reader’s own without duplicates, within the cap', () => {
    const merged = mergeInto(two(), 'h1', ['b', 'c', 'e']);
    expect(currentHandout(merged.state)).toMatchObject({ id: 'h1', caseIds: ['a', 'b', 'c', 'e'] });
    expect([merged.added, merged.skipped]).toEqual([2, 0]);
    const full = Array.from({ length: MAX_HANDOUT_CASES }, (_, i) => `f${i}`);
    const capped = mergeInto(createHandout(initialHandoutState(), 'x', full.slice(0, 10)), 'h2', ['n1', 'n2', 'n3']);
    expect([capped.added, capped.skipped]).toEqual([2, 1]);
    expect(mergeInto(two(), 'h404', ['z']).added).toBe(0);
  });

  it('writes and reads the shared link format handout/?ids=a,b&title=…', () => {
    const search = handoutShareSearch(['b-case', 'a-case'], '第一讲 & 讨论');
    expect(search).toBe('?ids=b-case,a-case&title=%E7%AC%AC%E4%B8%80%E8%AE%B2+%26+%E8%AE%A8%E8%AE%BA');
    expect(parseHandoutShare(search)).toEqual({ caseIds: ['b-case', 'a-case'], title: '第一讲 & 讨论' });
    expect(parseHandoutShare('?ids=a-case')).toEqual({ caseIds: ['a-case'] });
    expect(parseHandoutShare('?title=x')).toBeUndefined();
    expect(sameCases(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameCases(['a', 'b'], ['b', 'a'])).toBe(false);
  });

  it('offers side-by-side comparison for 2 to 4 cases', () => {
    expect([1, 2, 4, 5].map((n) => canCompare(Array.from({ length: n }, (_, i) => `c${i}`)))).toEqual([false, true, true, false]);
  });
});
