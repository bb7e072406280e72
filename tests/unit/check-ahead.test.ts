/**
 * Checking ahead in worker threads (src/lib/check-ahead.ts) must change nothing but the time:
 * the content loader gets exactly what a plain check gives, problems included, and a file the
 * folder walk refuses is never read by a worker.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { caseCheckMemo } from '../../src/lib/case-check-memo.ts';
import { checkAhead } from '../../src/lib/check-ahead.ts';
import { BUILDS } from '../helpers/site.ts';
import { casesCopy } from '../helpers/cases-copy.ts';

const WORK = join(BUILDS, 'unit-check-ahead');
/** Real workers even for a handful of files. */
const FORCED = { workers: 2, minFiles: 1 };

describe('checking ahead in worker threads', () => {
  it('gives the loader exactly what a plain check gives, problems and all, and nothing twice', async () => {
    const dir = casesCopy(WORK, 'same');
    const plainFirst = checkCaseDirectory(dir, fromRoot());
    const [first, second] = plainFirst.cases;
    // One case with a problem, reported by line and field as the check reports it.
    const broken = join(dir, `${second!.data.id}.mdx`);
    writeFileSync(broken, readFileSync(broken, 'utf8').replace(/^year: .*$/m, 'year: 二〇〇三'));
    // A file outside the folder, reached through a link: refused, and never read by a worker.
    const outside = join(WORK, 'same', 'outside.mdx');
    writeFileSync(outside, readFileSync(join(dir, `${first!.data.id}.mdx`)));
    symlinkSync(outside, join(dir, 'linked.mdx'));

    const memo = caseCheckMemo(join(WORK, 'same', 'case-checks'), 'code-1');
    const checkedAhead = await checkAhead(dir, fromRoot(), '/', memo, FORCED);
    expect(checkedAhead).toBe(plainFirst.cases.length);
    const result = checkCaseDirectory(dir, fromRoot(), { memo });
    expect(result).toEqual(checkCaseDirectory(dir, fromRoot()));
    expect(result.problems.map((p) => `${p.file} ${p.field}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`${second!.data.id}\\.mdx year$`)), expect.stringMatching(/linked\.mdx 文件$/)]),
    );
    memo.save();

    // The next build finds every outcome in the memo: nothing is checked ahead again.
    const again = caseCheckMemo(join(WORK, 'same', 'case-checks'), 'code-1');
    expect(await checkAhead(dir, fromRoot(), '/', again, FORCED)).toBe(0);
    expect(checkCaseDirectory(dir, fromRoot(), { memo: again })).toEqual(result);
    expect(again.reused).toBe(plainFirst.cases.length);
  });

  it('checks in the calling thread when there are too few files to be worth a worker', async () => {
    const dir = casesCopy(WORK, 'few');
    const memo = caseCheckMemo(join(WORK, 'few', 'case-checks'), 'code-1');
    expect(await checkAhead(dir, fromRoot(), '/', memo)).toBe(0);
    expect(checkCaseDirectory(dir, fromRoot(), { memo })).toEqual(checkCaseDirectory(dir, fromRoot()));
  });
});
