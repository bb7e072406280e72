/**
 * A failed build must not cost the reader the site that was there. scripts/build.ts is run
 * for real on a small case folder (CASEBOOK_CASES_DIR): a good build, then a content error
 * caught before Astro starts, then an error inside Astro's own pipeline. After each failure the
 * previous output is byte-identical, no staging folder is left, and the reason is printed in
 * Chinese without a stack trace; a bad 专题 beside the cases stops the build as it fails the check. Drafts are checked but neither built nor indexed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { indexedPageCount } from '../../src/lib/pagefind-index.ts';
import { BUILDS, runScript, type RunResult } from '../helpers/site.ts';
import { caseText, validCase, VALID_BODY } from '../helpers/case-text.ts';
import { loadPagefind, searchIds } from '../helpers/pagefind.ts';

const WORK = join(BUILDS, 'build-failure');
const CASES = join(WORK, 'cases');
const SITE_DIR = join(WORK, 'site');
const rel = (path: string) => relative(PROJECT_ROOT, path);

const build = (): RunResult => runScript('build.ts', ['--out', rel(SITE_DIR)], { CASEBOOK_CASES_DIR: rel(CASES) });
const write = (name: string, text: string) => writeFileSync(join(CASES, name), text);
const caseWith = (id: string, change: (d: Record<string, unknown>) => void = () => {}, body = VALID_BODY) => {
  const data = { ...validCase(), id };
  change(data);
  return caseText(data, body);
};

const STACK_TRACE = /^\s+at .+[:(]\d+|\b(Error|TypeError|ReferenceError|SyntaxError):|node:internal|\.ts:\d+:\d+/m;

/** Every file under a folder with its content hash and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    out[name] = stat.isFile() ? `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${stat.mtimeMs}` : 'dir';
  }
  return out;
}

/** The work folder holds the cases, the site link and one version: nothing a failed build left. */
function expectOnlyThePublishedVersion() {
  expect(readdirSync(WORK).sort()).toEqual(['.site-versions', 'cases', 'site']);
  expect(readdirSync(join(WORK, '.site-versions'))).toHaveLength(1);
}

describe('scripts/build.ts on a small case folder', () => {
  let first: RunResult;
  let before: Record<string, string>;

  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(CASES, { recursive: true });
    write('published-case.mdx', caseWith('published-case'));
    write(
      'draft-case.mdx',
      caseWith('draft-case', (d) => {
        d['draft'] = true;
        d['title'] = '草稿镇：尚未核实的做法';
      }),
    );
    first = build();
    before = snapshot(SITE_DIR);
  });

  it('builds a valid folder', () => {
    expect(first.stderr).not.toMatch(STACK_TRACE);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`构建完成：${SITE_DIR}`);
    expect(readdirSync(join(SITE_DIR, 'cases'))).toEqual(['published-case']);
  });

  it('gives a case without teaching notes no notes, and a site without collections an empty index and no home section', () => {
    expect(readFileSync(join(SITE_DIR, 'cases', 'published-case', 'index.html'), 'utf8')).not.toContain('teaching-notes');
    expect(readFileSync(join(SITE_DIR, 'collections', 'index.html'), 'utf8')).toContain('还没有专题。');
    expect(readFileSync(join(SITE_DIR, 'index.html'), 'utf8')).not.toContain('id="collections"');
  });

  it('checks a draft but gives it no page and no search record', async () => {
    expect(indexedPageCount(join(SITE_DIR, 'pagefind'))).toBe(1);
    const html = Object.keys(before)
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(join(SITE_DIR, f), 'utf8'));
    expect(html.length).toBeGreaterThan(1);
    for (const page of html) {
      expect(page).not.toContain('草稿镇');
      expect(page).not.toContain('/cases/draft-case/');
    }
    const pf = await loadPagefind(SITE_DIR);
    expect(await searchIds(pf, '草稿镇')).toEqual([]);
    expect(await searchIds(pf, '测试镇')).toEqual(['published-case']);
  });

  it('stops on a content error before Astro runs, and leaves the previous output untouched', () => {
    write('unsafe-case.mdx', caseWith('unsafe-case', undefined, VALID_BODY.replace('## 成效', '<script>alert(1)</script>\n\n## 成效')));
    const run = build();
    rmSync(join(CASES, 'unsafe-case.mdx'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      '构建失败，原有的 dist/ 保持不变。案例内容有 1 处问题：',
      `${rel(CASES)}/unsafe-case.mdx:48  正文  不允许 <script> 标签：正文不能含脚本、框架或样式`,
    ]);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_TRACE);
    expect(snapshot(SITE_DIR)).toEqual(before);
    expectOnlyThePublishedVersion();
  });

  it('refuses in the build what the check refuses (an image that is not one), and leaves the previous output untouched', () => {
    write('photo.png', '这不是图片');
    write('published-case.mdx', caseWith('published-case', undefined, VALID_BODY.replace('## 成效', '![现场照片](./photo.png)\n\n## 成效')));
    const problem = `${rel(CASES)}/published-case.mdx:48  正文  图片 photo.png 的内容不是 PNG、JPEG、WebP、GIF 或 AVIF 图片（不看扩展名，看文件内容）；请用图片软件另存为 JPEG 或 PNG`;
    const checked = runScript('check.ts', [rel(CASES)]);
    expect(checked.stderr).toContain(problem);
    const run = build();
    rmSync(join(CASES, 'photo.png'));
    write('published-case.mdx', caseWith('published-case'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['构建失败，原有的 dist/ 保持不变。案例内容有 1 处问题：', problem]);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_TRACE);
    expect(snapshot(SITE_DIR)).toEqual(before);
    expectOnlyThePublishedVersion();
  });

  it('refuses in the build what the check refuses in a collection beside the cases (a case id that names no case)', () => {
    const collections = join(WORK, 'collections');
    mkdirSync(collections);
    writeFileSync(
      join(collections, 'course.yaml'),
      'title: 测试专题一\nintro: 这个专题列了一个已发布的案例和一个不存在的案例。\naudience: 测试用的读者\ncases:\n  - published-case\n  - missing-case\n',
    );
    const problem = `${rel(collections)}/course.yaml:6  cases.1  找不到案例“missing-case”；请写 content/cases 里案例的 id（文件名去掉 .mdx）；可选：published-case`;
    const checked = runScript('check.ts', [rel(CASES)]);
    const run = build();
    rmSync(collections, { recursive: true });
    expect(checked.stderr).toContain(problem);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['构建失败，原有的 dist/ 保持不变。案例内容有 1 处问题：', problem]);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_TRACE);
    expect(snapshot(SITE_DIR)).toEqual(before);
    expectOnlyThePublishedVersion();
  });
});

describe('scripts/build.ts with a cases folder that does not exist', () => {
  it('fails in Chinese without a stack trace and writes nothing', () => {
    const out = join(WORK, 'never-built');
    const run = runScript('build.ts', ['--out', rel(out)], { CASEBOOK_CASES_DIR: rel(join(WORK, 'no-such-folder')) });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      '构建失败，没有生成 dist/。案例内容有 1 处问题：',
      `${rel(join(WORK, 'no-such-folder'))}:1  文件  找不到案例文件夹；请检查 CASEBOOK_CASES_DIR 或命令行给出的路径`,
    ]);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });
});
