/**
 * The two caches a rebuild uses: the check memo (src/lib/case-check-memo.ts), which lets the
 * content loader skip files that did not change, and the page cache keys (src/lib/page-cache.ts),
 * which let Astro copy pages whose data did not change. Both must never hand back a stale result:
 * the memo gives exactly what a fresh check gives, and a key changes with any case on the page.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { caseCheckMemo, codeFingerprint } from '../../src/lib/case-check-memo.ts';
import { pageCacheKey } from '../../src/lib/page-cache.ts';
import { BUILDS } from '../helpers/site.ts';
import { casesCopy } from '../helpers/cases-copy.ts';

const WORK = join(BUILDS, 'unit-rebuild-caches');
/** A one-pixel PNG, made by a real encoder. */
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Checks a folder through a memo kept in `memoDir`, as the content loader does. */
function checkWithMemo(dir: string, memoDir: string, fingerprint = 'code-1') {
  const memo = caseCheckMemo(memoDir, fingerprint);
  const result = checkCaseDirectory(dir, fromRoot(), { memo });
  const reused = memo.reused;
  memo.save();
  return { result, reused };
}

describe('the check memo', () => {
  it('gives what a fresh check gives, reusing only the files that did not change', () => {
    const dir = casesCopy(WORK, 'memo');
    const memoDir = join(WORK, 'memo', 'case-checks');
    const fresh = () => checkCaseDirectory(dir, fromRoot());
    const memoised = () => checkWithMemo(dir, memoDir);

    const first = memoised();
    expect(first.reused).toBe(0);
    expect(first.result.cases.length).toBeGreaterThanOrEqual(5);
    expect(first.result).toEqual(fresh());

    const second = memoised();
    expect(second.reused).toBe(first.result.cases.length);
    expect(second.result).toEqual(fresh());

    // An editor changes one case: only that file is checked and rendered again, and its new
    // title is what the build gets.
    const changed = join(dir, `${first.result.cases[0]!.data.id}.mdx`);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/^title: .*$/m, 'title: 改过标题的案例'));
    const third = memoised();
    expect(third.reused).toBe(first.result.cases.length - 1);
    expect(third.result).toEqual(fresh());
    expect(third.result.cases.map((c) => c.data.title)).toContain('改过标题的案例');

    // A change that breaks the file is reported exactly as the check reports it.
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/^year: .*$/m, 'year: 二〇〇三'));
    const broken = memoised();
    expect(broken.result.problems.length).toBeGreaterThan(0);
    expect(broken.result).toEqual(fresh());
  });

  it('writes again only the part of the memo that holds a changed file', () => {
    const dir = casesCopy(WORK, 'memo-parts');
    const memoDir = join(WORK, 'memo-parts', 'case-checks');
    const first = checkWithMemo(dir, memoDir);
    // A part written again is a new file (written aside and renamed), so its inode changes.
    const inodes = () => new Map(readdirSync(memoDir).map((name) => [name, statSync(join(memoDir, name)).ino]));
    const before = inodes();
    expect(before.size).toBeGreaterThan(1);
    const changed = join(dir, `${first.result.cases[0]!.data.id}.mdx`);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/^title: .*$/m, 'title: 改过标题的案例'));
    checkWithMemo(dir, memoDir);
    const after = inodes();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...after].filter(([name, ino]) => before.get(name) !== ino)).toHaveLength(1);
    // And what it holds is the new outcome: the next run reuses every file.
    expect(checkWithMemo(dir, memoDir).reused).toBe(first.result.cases.length);
  });

  it('is dropped when the code changes', () => {
    const dir = casesCopy(WORK, 'memo-code');
    const memoDir = join(WORK, 'memo-code', 'case-checks');
    const run = (fingerprint: string) => checkWithMemo(dir, memoDir, fingerprint).reused;
    expect(run('code-1')).toBe(0);
    expect(run('code-1')).toBeGreaterThan(0);
    expect(run('code-2')).toBe(0);
  });

  it('checks a case that shows an image every time, so a removed image is reported though the case did not change', () => {
    const dir = casesCopy(WORK, 'memo-image');
    const memoDir = join(WORK, 'memo-image', 'case-checks');
    const [first] = checkCaseDirectory(dir, fromRoot()).cases;
    const file = join(dir, `${first!.data.id}.mdx`);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n![村委会门前](./pixel.png)\n`);
    writeFileSync(join(dir, 'pixel.png'), PIXEL_PNG);
    const run = () => checkWithMemo(dir, memoDir);
    const total = run();
    expect(total.result.problems).toEqual([]);
    expect(total.result.cases.find((c) => c.data.id === first!.data.id)?.images).toHaveLength(1);
    expect(run().reused).toBe(total.result.cases.length - 1);

    rmSync(join(dir, 'pixel.png'));
    const after = run();
    expect(after.result).toEqual(checkCaseDirectory(dir, fromRoot()));
    expect(after.result.problems.map((p) => p.file)).toEqual([expect.stringContaining(`${first!.data.id}.mdx`)]);
  });

  it('fingerprints the code: any file under src/ changes it', () => {
    const root = join(WORK, 'fingerprint');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'src', 'lib'), { recursive: true });
    writeFileSync(join(root, 'src', 'lib', 'a.ts'), 'export const a = 1;');
    const before = codeFingerprint(root);
    expect(codeFingerprint(root)).toBe(before);
    writeFileSync(join(root, 'src', 'lib', 'a.ts'), 'export const a = 2;');
    expect(codeFingerprint(root)).not.toBe(before);
  });
});

describe('page cache keys', () => {
  const entry = (id: string, digest: string, title: string) => ({ id, collection: 'cases', digest, data: { id, title } });

  it('change when any case on the page changes, and only then', () => {
    const page = (second: ReturnType<typeof entry>) => ({ page: { data: [entry('a', 'd1', '甲'), second], currentPage: 1 } });
    const key = pageCacheKey(page(entry('b', 'd2', '乙')));
    expect(pageCacheKey(page(entry('b', 'd2', '乙')))).toBe(key);
    expect(pageCacheKey(page(entry('b', 'd3', '乙')))).not.toBe(key);
    expect(pageCacheKey({ page: { data: [entry('a', 'd1', '甲'), entry('b', 'd2', '乙')], currentPage: 2 } })).not.toBe(key);
  });

  it('stand a case in for its digest, so a listing does not serialise whole cases', () => {
    // Same digest, different data: the digest is the loader's promise that nothing changed.
    expect(pageCacheKey({ entry: entry('a', 'd1', '甲') })).toBe(pageCacheKey({ entry: entry('a', 'd1', '别的') }));
  });
});
