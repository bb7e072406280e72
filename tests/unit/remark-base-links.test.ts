import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import remarkBaseLinks, { withBase } from '../../src/lib/remark-base-links.ts';

describe('links in case bodies under a sub-path', () => {
  it('prefixes site paths only', () => {
    expect(withBase('/cases/a/', '/casebook/')).toBe('/casebook/cases/a/');
    expect(withBase('/casebook/cases/a/', '/casebook/')).toBe('/casebook/cases/a/');
    expect(withBase('/cases/a/', '/')).toBe('/cases/a/');
    expect(withBase('https://example.org/x', '/casebook/')).toBe('https://example.org/x');
    expect(withBase('//cdn.example.org/x', '/casebook/')).toBe('//cdn.example.org/x');
    expect(withBase('../b/', '/casebook/')).toBe('../b/');
  });

  it('rewrites Markdown links and reference definitions', async () => {
    const md = '见[另一案例](/cases/b/)和[来源][s]。\n\n[s]: /measures/first-secretary/\n';
    const out = String(await unified().use(remarkParse).use(remarkBaseLinks, { base: '/casebook' }).use(remarkStringify).process(md));
    expect(out).toContain('](/casebook/cases/b/)');
    expect(out).toContain('[s]: /casebook/measures/first-secretary/');
  });
});
