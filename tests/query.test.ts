import { describe, expect, it } from 'vitest';
import { normaliseQuery, wordsNotInText } from '../src/lib/query.ts';

const toSimplified = (text: string) => text.replace('書記', '书记');

describe('normaliseQuery', () => {
  it('folds full-width and repeated spaces, trims, and converts the script', () => {
    expect(normaliseQuery('　第一書記　 集体经济  ', toSimplified)).toBe('第一书记 集体经济');
  });
});

describe('wordsNotInText', () => {
  it('names the words a page does not hold as written, ignoring Pagefind’s zero-width word breaks', () => {
    const text = '开展\u200b互联\u200b网\u200b培训，选书记不拘一\u200b格。集体\u200b经济';
    expect(wordsNotInText('网格', text)).toEqual(['网格']);
    expect(wordsNotInText('集体经济 网格', text)).toEqual(['网格']);
    expect(wordsNotInText('集体经济 培训', text)).toEqual([]);
  });
});
