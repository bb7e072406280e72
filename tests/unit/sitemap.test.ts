import { describe, expect, it } from 'vitest';
import { inSitemap } from '../../src/lib/sitemap.ts';

describe('inSitemap', () => {
  it('leaves out the handout and the comparison, under any base', () => {
    for (const base of ['/', '/casebook/', '/casebook']) {
      const root = `https://example.org${base.replace(/\/?$/, '/')}`;
      expect(inSitemap(`${root}handout/`, base)).toBe(false);
      expect(inSitemap(`${root}compare/?ids=a,b`, base)).toBe(false);
      expect(inSitemap(`${root}measures/first-secretary/`, base)).toBe(true);
      expect(inSitemap(`${root}measures/`, base)).toBe(true);
      expect(inSitemap(`${root}cases/handout/`, base)).toBe(true);
    }
  });
});
