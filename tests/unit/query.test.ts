import { describe, expect, it } from 'vitest';
import { normaliseQuery } from '../../src/lib/query.ts';

const toSimplified = (text: string) => text.replace('書記', '书记');

describe('normaliseQuery', () => {
  it('folds full-width and repeated spaces, trims, and converts the script', () => {
    expect(normaliseQuery('　第一書記　 集体经济  ', toSimplified)).toBe('第一书记 集体经济');
  });
});
