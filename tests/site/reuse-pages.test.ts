/**
 * A rebuild links the pages that did not change from the published site instead of copying them
 * (src/lib/reuse-pages.ts), here under a sub-path. The published site is never written through
 * those links, a deleted case leaves no page behind, and the result is byte for byte what a cold
 * build of the same cases makes.
 */
import { cpSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, fromRoot } from '../../src/lib/paths.ts';
import { buildCacheDir } from '../../src/lib/publish.ts';
import { BUILDS, siteFiles, SUB_BASE, runScript, type RunResult } from '../helpers/site.ts';

const WORK = join(BUILDS, 'reuse-pages');
const CASES = join(WORK, 'cases');
const SITE = join(WORK, 'site');
const COLD = join(WORK, 'cold');
const KEPT = join(WORK, 'kept');
const rel = (path: string) => relative(PROJECT_ROOT, path);

function build(out: string, cold: boolean): RunResult {
  if (cold) rmSync(buildCacheDir(PROJECT_ROOT, rel(out), rel(CASES)), { recursive: true, force: true });
  const result = runScript('build.ts', ['--out', rel(out), '--base', SUB_BASE], { CASEBOOK_CASES_DIR: rel(CASES), CASEBOOK_VERBOSE: '1' });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

describe('a rebuild that links the unchanged pages of the published site', () => {
  const changed = 'shashi-three-ventures';
  const deleted = 'qindong-entrepreneurial-branches';
  const newTitle = '沙市区“三创”支部带动返乡创业（第二稿）';
  const page = (id: string) => join('cases', id, 'index.html');
  let rebuild: RunResult;
  let publishedBefore: Map<string, Buffer>;

  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(CASES, { recursive: true });
    cpSync(fromRoot('content', 'cases'), CASES, { recursive: true });
    build(SITE, true);
    // Hold on to every file of the published version: it is deleted after the rebuild, but these
    // links still show what is in the files it had.
    publishedBefore = siteFiles(SITE);
    for (const name of publishedBefore.keys()) {
      mkdirSync(dirname(join(KEPT, name)), { recursive: true });
      linkSync(join(SITE, name), join(KEPT, name));
    }
    const file = join(CASES, `${changed}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${newTitle}`));
    rmSync(join(CASES, `${deleted}.mdx`));
    rebuild = build(SITE, false);
    build(COLD, true);
  });

  it('takes the unchanged pages from the published site as links', () => {
    const linked = /从已发布的网站链接了 (\d+) 个页面/.exec(rebuild.stdout);
    expect(linked, rebuild.stdout).not.toBeNull();
    expect(Number(linked![1])).toBeGreaterThan(5);
    // Astro left each page it did not render again as it found it: the published file itself.
    // (Astro colours its log when CI is set.)
    const kept = [...stripVTControlCharacters(rebuild.stdout).matchAll(/├─ \/(\S+) \(cached\)/g)].map(([, name]) => name!);
    expect(kept.length).toBeGreaterThan(5);
    for (const name of kept) expect(statSync(join(SITE, name)).ino, name).toBe(statSync(join(KEPT, name)).ino);
    expect(rebuild.stdout).not.toContain('(restored)');
  });

  it('never writes into the published site', () => {
    expect(statSync(join(SITE, page(changed))).ino).not.toBe(statSync(join(KEPT, page(changed))).ino);
    expect(readFileSync(join(SITE, page(changed)), 'utf8')).toContain(newTitle);
    const after = siteFiles(KEPT);
    expect([...after.keys()]).toEqual([...publishedBefore.keys()]);
    expect([...after].filter(([name, bytes]) => !bytes.equals(publishedBefore.get(name)!)).map(([name]) => name)).toEqual([]);
  });

  it('leaves no page of a deleted case, and makes exactly the site a cold build makes', () => {
    expect(existsSync(join(SITE, 'cases', deleted))).toBe(false);
    expect(existsSync(join(SITE, 'data', 'cases', `${deleted}.json`))).toBe(false);
    const rebuilt = siteFiles(SITE);
    const cold = siteFiles(COLD);
    expect([...rebuilt.keys()]).toEqual([...cold.keys()]);
    expect([...rebuilt].filter(([name, bytes]) => !bytes.equals(cold.get(name)!)).map(([name]) => name)).toEqual([]);
  });
});
