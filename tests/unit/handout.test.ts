import { describe, expect, it } from 'vitest';
import { MAX_HANDOUT_CASES, moveHandoutId, parseHandoutIds, serializeHandoutIds, toggleHandoutId } from '../../src/lib/handout.ts';

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
