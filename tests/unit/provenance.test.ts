import { describe, expect, it } from 'vitest';
import { caseDates, citationLine, parseGitLog } from '../../src/lib/provenance.ts';
import { compareAdded } from '../../src/lib/sorting.ts';

describe('case dates from git', () => {
  const log = [
    '',
    '2026-12-02\n\ncontent/cases/b.mdx\n',
    '2026-11-20\n\ncontent/cases/a.mdx\ncontent/cases/b.mdx\n',
    '2026-11-01\n\ncontent/cases/a.mdx\n',
  ].join('\0');

  it('takes the oldest commit of a file as its joining date and the newest as its revision', () => {
    const dates = parseGitLog(log);
    expect(dates.get('content/cases/a.mdx')).toEqual({ added: '2026-11-01', updated: '2026-11-20' });
    expect(dates.get('content/cases/b.mdx')).toEqual({ added: '2026-11-20', updated: '2026-12-02' });
  });

  it('lets the case’s own fields win, then git, then the build date', () => {
    const git = { added: '2026-11-01', updated: '2026-11-20' };
    expect(caseDates({ added: '2025-05-01' }, git, '2026-12-24')).toEqual({ added: '2025-05-01', updated: '2026-11-20' });
    expect(caseDates({ updated: '2026-12-01' }, git, '2026-12-24')).toEqual({ added: '2026-11-01', updated: '2026-12-01' });
    expect(caseDates({}, undefined, '2026-12-24')).toEqual({ added: '2026-12-24', updated: '2026-12-24' });
    expect(caseDates({ added: '2026-12-10' }, git, '2026-12-24')).toEqual({ added: '2026-12-10', updated: '2026-12-10' });
  });
});

describe('citation line', () => {
  const c = { editor: '编辑组', title: '某镇的做法', path: '/casebook/cases/x/' };
  it('names the editor, title, casebook, dates and the stable address', () => {
    expect(citationLine(c, { added: '2026-11-01', updated: '2026-12-02' }, '基层工作法案例库', 'https://example.org')).toBe(
      '编辑组：《某镇的做法》，基层工作法案例库，2026年11月1日收录，2026年12月2日修订。https://example.org/casebook/cases/x/',
    );
  });
  it('leaves out an unchanged revision date, and gives the path when the public address is unknown', () => {
    expect(citationLine(c, { added: '2026-11-01', updated: '2026-11-01' }, '基层工作法案例库', undefined)).toBe(
      '编辑组：《某镇的做法》，基层工作法案例库，2026年11月1日收录。/casebook/cases/x/',
    );
  });
});

describe('newest additions', () => {
  it('orders by the joining date, not the source’s year', () => {
    const old = { year: 2003, title: '甲', region: { code: '11' }, added: '2026-12-01' };
    const recent = { year: 2020, title: '乙', region: { code: '35' }, added: '2026-11-01' };
    expect([recent, old].sort(compareAdded).map((c) => c.title)).toEqual(['甲', '乙']);
  });
});
