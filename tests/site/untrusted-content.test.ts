/**
 * Case files arrive from strangers and CI builds them. Every attack of the adversarial round
 * (issue 8) and ten more are put in one folder and run through the real `npm run check` and the
 * real build: both refuse exactly the same files with exactly the same Chinese lines, no stack
 * trace, nothing published, and no script in the folder ever runs. A second folder holds odd
 * but harmless content that both accept, and the built site shows it safely.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { checkCaseDirectory, formatProblem } from '../../src/lib/validate.ts';
import { BUILDS, runScript, type RunResult } from '../helpers/site.ts';
import { attacks, SECRET, writeAttacks } from '../helpers/attacks.ts';
import { caseText, validCase, VALID_BODY } from '../helpers/case-text.ts';

const WORK = join(BUILDS, 'untrusted');
const ATTACKS = join(WORK, 'attacks');
const MARKER = join(WORK, 'executed.txt');
const rel = (path: string) => relative(PROJECT_ROOT, path);
const STACK_TRACE = /^\s+at .+[:(]\d+|\b(Error|TypeError|ReferenceError|SyntaxError|RangeError):|node:internal|\.ts:\d+:\d+/m;
const problemLines = (text: string) => text.split('\n').filter((l) => l.startsWith(rel(ATTACKS)));

describe('attacks through npm run check and the build', () => {
  const list = attacks(MARKER);
  let check: RunResult;
  let build: RunResult;
  const site = join(WORK, 'attack-site');

  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    writeAttacks(ATTACKS, list);
    check = runScript('check.ts', [rel(ATTACKS)]);
    build = runScript('build.ts', ['--out', rel(site)], { CASEBOOK_CASES_DIR: rel(ATTACKS) });
  });

  it('check refuses each attack with its pinned Chinese line', () => {
    expect(check.status).toBe(1);
    const expected = list
      .flatMap((a) => a.expected)
      .map(([file, line, field, message]) => `${rel(ATTACKS)}/${file}:${line}  ${field}  ${message}`)
      .sort();
    expect(problemLines(check.stderr).sort()).toEqual(expected);
    expect(`${check.stdout}\n${check.stderr}`).not.toMatch(STACK_TRACE);
  });

  it('the build refuses the same files with the same lines, and publishes nothing', () => {
    expect(build.status).toBe(1);
    expect(build.stderr.split('\n')[0]).toBe(`构建失败，没有生成 dist/。案例内容有 ${problemLines(check.stderr).length} 处问题：`);
    expect(problemLines(build.stderr)).toEqual(problemLines(check.stderr));
    expect(`${build.stdout}\n${build.stderr}`).not.toMatch(STACK_TRACE);
    expect(existsSync(site)).toBe(false);
  });

  it('never runs a script that sits beside a case', () => {
    expect(readdirSync(ATTACKS)).toEqual(expect.arrayContaining(['.x', 'run.mjs', 'assets']));
    expect(existsSync(MARKER)).toBe(false);
  });

  it('never prints a file from outside the case folder', () => {
    expect(`${check.stdout}${check.stderr}${build.stdout}${build.stderr}`).not.toContain(SECRET);
  });
});

describe('the content folder itself', () => {
  it('refuses symbolic links and hidden files beside the cases folder and the vocabulary', () => {
    const root = join(WORK, 'project');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'content', 'cases'), { recursive: true });
    writeFileSync(join(root, 'content', 'cases', 'test-case.mdx'), caseText(validCase()));
    symlinkSync('/etc/passwd', join(root, 'content', 'extra.yaml'));
    writeFileSync(join(root, 'content', '.hidden'), 'x');
    const { problems, cases } = checkCaseDirectory(join(root, 'content', 'cases'), root);
    expect(problems.map(formatProblem)).toEqual([
      'content/.hidden:1  文件  不允许以“.”开头的隐藏文件或文件夹；请删去或改名',
      'content/extra.yaml:1  文件  不允许符号链接：内容文件夹里只放真实的文件（符号链接可以指向构建机器上的任何文件）',
    ]);
    expect(cases.map((c) => c.data.id)).toEqual(['test-case']);
  });
});

/** A one-pixel PNG, made by a real encoder (the bytes are the file, not a stand-in). */
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('odd but harmless content, accepted by both and published safely', () => {
  const CASES = join(WORK, 'accepted');
  const SITE = join(WORK, 'accepted-site');
  let check: RunResult;
  let build: RunResult;

  beforeAll(() => {
    rmSync(CASES, { recursive: true, force: true });
    mkdirSync(CASES, { recursive: true });
    // A date-like title is text: both readers keep it as written.
    writeFileSync(
      join(CASES, 'date-title.mdx'),
      caseText({ ...validCase(), id: 'date-title', title: '2014-09-11' }).replace("title: '2014-09-11'", 'title: 2014-09-11'),
    );
    const data = {
      ...validCase(),
      id: 'spreadsheet-bait',
      title: '=HYPERLINK("http://example.org","点我")',
      summary: '摘要里有 <img src=x onerror=alert(1)> 这样的文字，网站和订阅源都应原样显示。',
      metrics: [
        { label: '@SUM(1+1)', value: 5, unit: '个' },
        { label: '-2+3的收入', value: 50, unit: '万元' },
      ],
    };
    const body = VALID_BODY.replace('## 成效', '![现场照片](./pixel.png)\n\n### metrics\n\n[见数据表](#metrics)\n\n## 成效');
    writeFileSync(join(CASES, 'spreadsheet-bait.mdx'), caseText(data, body));
    writeFileSync(join(CASES, 'pixel.png'), PIXEL_PNG);
    check = runScript('check.ts', [rel(CASES)]);
    build = runScript('build.ts', ['--out', rel(SITE), '--base', '/casebook/'], { CASEBOOK_CASES_DIR: rel(CASES) });
  });

  it('check and build both accept it', () => {
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(build.status, build.stderr).toBe(0);
  });

  it('keeps a date-like title as text', () => {
    expect(readFileSync(join(SITE, 'cases/date-title/index.html'), 'utf8')).toContain('<h1>2014-09-11</h1>');
  });

  it('writes CSV cells that no spreadsheet reads as formulas', () => {
    const cases = readFileSync(join(SITE, 'data/cases.csv'), 'utf8');
    const metrics = readFileSync(join(SITE, 'data/metrics.csv'), 'utf8');
    expect(cases).toContain(`,"'=HYPERLINK(""http://example.org"",""点我"")",`);
    expect(metrics).toContain(",'@SUM(1+1),");
    expect(metrics).toContain(",'-2+3的收入,");
    for (const line of [...cases.split('\r\n'), ...metrics.split('\r\n')])
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });

  it('escapes text for feed readers that show descriptions as HTML', () => {
    const rss = readFileSync(join(SITE, 'rss.xml'), 'utf8');
    expect(rss).toContain('&amp;lt;img src=x onerror=alert(1)&amp;gt;');
    expect(rss).not.toMatch(/<img|&lt;img/);
  });

  it('publishes a checked image under its hash, under the base, and keeps #metrics for the page’s own table', () => {
    const html = readFileSync(join(SITE, 'cases/spreadsheet-bait/index.html'), 'utf8');
    const src = /<img src="(\/casebook\/case-images\/[0-9a-f]{20}\.png)" alt="现场照片" width="1" height="1"/.exec(html)?.[1];
    expect(src).toBeDefined();
    expect(readFileSync(join(SITE, src!.replace('/casebook/', '')))).toEqual(PIXEL_PNG);
    expect(html).toContain('<h3 id="metrics-1">metrics</h3>');
    expect(html.match(/id="metrics"/g)).toHaveLength(1);
    expect(html).toContain('<h2 id="metrics">主要数据</h2>');
    expect(html).toContain('<a href="#metrics">见数据表</a>');
  });

  it('shows the summary’s markup as text', () => {
    const html = readFileSync(join(SITE, 'cases/spreadsheet-bait/index.html'), 'utf8');
    expect(html).toContain('摘要里有 &lt;img src=x onerror=alert(1)&gt; 这样的文字');
    const images: string[] = [];
    const visit = (node: { tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }): void => {
      if (node.tagName === 'img') images.push(String(node.properties?.['src']));
      (node.children ?? []).forEach((c) => visit(c as typeof node));
    };
    visit(fromHtml(html));
    expect(images).toEqual([expect.stringMatching(/^\/casebook\/case-images\//)]);
  });
});
