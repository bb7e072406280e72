import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inSitemap, publishedMeasureLists, unusedMeasureIds } from '../../src/lib/sitemap.ts';
import { caseText, validCase } from '../helpers/case-text.ts';

describe('inSitemap', () => {
  it('leaves out the handout, the comparison and the pages of unused measures, under any base', () => {
    for (const base of ['/', '/casebook/', '/casebook']) {
      const root = `https://example.org${base.replace(/\/?$/, '/')}`;
      expect(inSitemap(`${root}handout/`, base, [])).toBe(false);
      expect(inSitemap(`${root}compare/?ids=a,b`, base, [])).toBe(false);
      expect(inSitemap(`${root}measures/e-commerce/`, base, ['e-commerce'])).toBe(false);
      expect(inSitemap(`${root}measures/first-secretary/`, base, ['e-commerce'])).toBe(true);
      expect(inSitemap(`${root}measures/`, base, ['e-commerce'])).toBe(true);
      expect(inSitemap(`${root}cases/handout/`, base, [])).toBe(true);
    }
  });
});

describe('publishedMeasureLists', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-sitemap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the measures of published cases and skips drafts and unreadable files', async () => {
    writeFileSync(join(dir, 'a.mdx'), caseText({ ...validCase(), measures: ['e-commerce', 'first-secretary'] }));
    writeFileSync(join(dir, 'b.mdx'), caseText({ ...validCase(), measures: ['rural-tourism'], draft: true }));
    writeFileSync(join(dir, 'c.mdx'), '---\nmeasures: [oops\n---\n');
    writeFileSync(join(dir, 'notes.txt'), 'measures: [brand-building]');
    expect(await publishedMeasureLists(dir)).toEqual([['e-commerce', 'first-secretary']]);
    const unused = await unusedMeasureIds(dir);
    expect(unused).toContain('rural-tourism');
    expect(unused).not.toContain('e-commerce');
    expect(unused).not.toContain('first-secretary');
  });
});
