/**
 * A rebuild after an editor changed one case: the content loader checks and renders only that
 * case (src/lib/case-check-memo.ts), Astro copies the pages whose data did not change
 * (src/lib/page-cache.ts), and the site that comes out is byte for byte the site a cold build
 * of the same cases makes: the changed case, its listings and the cases that list it as related
 * are new, nothing is stale. The search index is built in parts here (as at 10,000 cases), and
 * only the part that holds the changed case is made again.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, fromRoot } from '../../src/lib/paths.ts';
import { buildCacheDir } from '../../src/lib/publish.ts';
import { BUILDS, siteFiles, runScript, type RunResult } from '../helpers/site.ts';

const WORK = join(BUILDS, 'rebuild');
const CASES = join(WORK, 'cases');
const REBUILT = join(WORK, 'rebuilt');
const COLD = join(WORK, 'cold');
const rel = (path: string) => relative(PROJECT_ROOT, path);
/** Cases per part of the search index (src/lib/search-parts.ts): the five cases in three parts. */
const PART_CASES = '2';

function build(out: string, cold: boolean): RunResult {
  if (cold) rmSync(buildCacheDir(PROJECT_ROOT, rel(out), rel(CASES)), { recursive: true, force: true });
  const result = runScript('build.ts', ['--out', rel(out)], { CASEBOOK_CASES_DIR: rel(CASES), CASEBOOK_VERBOSE: '1', CASEBOOK_SEARCH_PART_CASES: PART_CASES });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

describe('a rebuild after one case changed', () => {
  const changedId = 'shashi-three-ventures';
  const newTitle = '沙市区“三创”支部带动返乡创业（修订稿）';
  let first: RunResult;
  let rebuild: RunResult;

  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(CASES, { recursive: true });
    cpSync(fromRoot('content', 'cases'), CASES, { recursive: true });
    first = build(REBUILT, true);
    const file = join(CASES, `${changedId}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${newTitle}`));
    rebuild = build(REBUILT, false);
    build(COLD, true);
  });

  it('checks and renders only the changed case, and copies the pages that did not change', () => {
    const total = readdirSync(CASES).filter((f) => f.endsWith('.mdx')).length;
    expect(first.stdout).toContain(`已检查并渲染 ${total} 个案例文件（0 个未改动`);
    expect(rebuild.stdout).toContain(`已检查并渲染 ${total} 个案例文件（${total - 1} 个未改动`);
    const reused = rebuild.stdout.split('\n').filter((l) => /\((restored|cached)\)/.test(l));
    expect(reused.length).toBeGreaterThan(0);
    // The changed case's own page is rendered again, never copied.
    expect(reused.some((l) => l.includes(`/cases/${changedId}/`))).toBe(false);
  });

  it('makes the search records and the index of only the part that holds the changed case', () => {
    const total = readdirSync(CASES).filter((f) => f.endsWith('.mdx')).length;
    const parts = Math.round(total / Number(PART_CASES));
    expect(first.stdout).toMatch(new RegExp(`Pagefind：已为 ${total} 个案例建立索引，分 ${parts} 份，其中 0 份未变、沿用上次的，用时`));
    const line = /Pagefind：已为 (\d+) 个案例建立索引，分 (\d+) 份，其中 (\d+) 份未变、沿用上次的；只为其中 (\d+) 个案例重新生成了搜索记录/.exec(
      rebuild.stdout,
    );
    expect(line, rebuild.stdout).not.toBeNull();
    const [, indexed, inParts, reusedParts, made] = line!.map(Number);
    expect([indexed, inParts, reusedParts]).toEqual([total, parts, parts - 1]);
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThan(total);
  });

  it('makes exactly the site a cold build of the same cases makes', () => {
    const rebuilt = siteFiles(REBUILT);
    const cold = siteFiles(COLD);
    expect([...rebuilt.keys()]).toEqual([...cold.keys()]);
    const differing = [...rebuilt].filter(([name, bytes]) => !bytes.equals(cold.get(name)!)).map(([name]) => name);
    expect(differing).toEqual([]);
    // And the change is in it: on the case page and in the lists that show the case.
    expect(rebuilt.get(`cases/${changedId}/index.html`)!.toString()).toContain(newTitle);
    expect(rebuilt.get('all/index.html')!.toString()).toContain(newTitle);
  });
});
