/**
 * 专题 files (content/collections/*.yaml) through the real CLI, checked in the same pass as the
 * cases beside them: a good set passes and each bad file gets exactly the Chinese lines pinned
 * here. The course-pack link and the hours of a collection are pure and tested directly.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, fromRoot } from '../../src/lib/paths.ts';
import { checkCaseDirectory } from '../../src/lib/validate.ts';
import { checkCollectionText } from '../../src/lib/validate-collections.ts';
import { collectionHours, coursePackUrl, hoursText } from '../../src/lib/course-pack.ts';
import { BUILDS, runInProcess, type RunResult } from '../helpers/site.ts';
import { checkCommand } from '../../scripts/check.ts';
import { VALID_BODY, caseText, validCase } from '../helpers/case-text.ts';

const GOOD = 'tests/fixtures/collections-good';
const BAD = 'tests/fixtures/collections-bad';
const linesOf = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const STACK_TRACE = /^\s+at .+[:(]\d+|\b(Error|TypeError|SyntaxError):|node:internal/m;

describe('a good set of collections', () => {
  it('passes the check, which counts the collections', async () => {
    const run = await runInProcess(checkCommand, [`${GOOD}/cases`]);
    expect(run.stderr).toBe('');
    expect(linesOf(run.stdout).at(-1)).toBe('内容检查通过：3 个案例（其中草稿 1 个，不会发布），2 个专题。');
    expect(run.status).toBe(0);
  });

  it('is read in file-name order with its cases in the order written', () => {
    const { collections } = checkCaseDirectory(fromRoot(GOOD, 'cases'));
    expect(collections.map((c) => [c.id, c.cases])).toEqual([
      ['starter-course', ['second-case', 'first-case']],
      ['with-hours', ['first-case']],
    ]);
    expect(collections[1]).toMatchObject({ title: '单篇精读', audience: '新任村干部', hours: 3 });
  });
});

describe('bad collection files, through the check command', () => {
  let run: RunResult;
  beforeAll(async () => {
    run = await runInProcess(checkCommand, [`${BAD}/cases`]);
  });
  const at = (file: string) => `${BAD}/collections/${file}`;
  /** [file, lines printed for it]. */
  const EXPECTED: [string, string[]][] = [
    ['Upper_Case.yaml', ['1  文件  文件名“Upper_Case.yaml”不能作专题 id：只能用小写英文字母、数字和单个连字符，如 party-building-basics.yaml']],
    ['broken-yaml.yaml', ['1  文件  YAML 格式错误：引号或括号没有成对：缺少另一半的 " \' ] 或 }']],
    ['lists-a-draft.yaml', ['5  cases.0  案例“unfinished-case”是草稿，不会发布，专题页会缺这一篇；请先发布该案例，或从专题里删去']],
    [
      'misspelt-field.yaml',
      ['1  audience  缺少必填字段', '3  audiance  不认识的字段 “audiance”（拼写错误或多余的字段）', '4  hours  应为数字，实际写的是“两课时”（文本）'],
    ],
    ['no-cases.yaml', ['4  cases  至少要有 1 项，实际 0 项']],
    ['number-style.yaml', ['2  intro  数字和汉字之间不空格：把“了 2”写成“了2”']],
    ['repeated.yaml', ['7  cases.2  案例“first-case”重复列出；每个案例在专题里只列一次']],
    [
      'unknown-id.yaml',
      [
        '6  cases.1  找不到案例“no-such-case”；请写 content/cases 里案例的 id（文件名去掉 .mdx）；可选：first-case、second-case',
        '7  cases.2  找不到案例“second-cases”（是否想写“second-case”？）；请写 content/cases 里案例的 id（文件名去掉 .mdx）；可选：first-case、second-case',
      ],
    ],
    ['wrong-extension.yml', ['1  文件  专题文件的扩展名应为 .yaml（不是 .yml、.json 或其他）；专题文件夹里只放专题']],
  ];

  it('fails with exit code 1, a count and no stack trace', () => {
    expect(run.status).toBe(1);
    const total = EXPECTED.reduce((n, [, lines]) => n + lines.length, 0);
    expect(linesOf(run.stderr).at(-1)).toBe(`内容检查未通过：${total} 处问题。`);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_TRACE);
  });

  it('has a pinned expectation for every fixture file', () => {
    expect(readdirSync(fromRoot(BAD, 'collections')).sort()).toEqual(EXPECTED.map(([f]) => f).sort());
  });

  it.each(EXPECTED)('%s', (file, lines) => {
    const printed = linesOf(run.stderr).filter((l) => l.startsWith(`${at(file)}:`));
    expect(printed).toEqual(lines.map((l) => `${at(file)}:${l}`));
  });

  it('leaves the cases themselves unharmed: only collection files are reported', () => {
    expect(linesOf(run.stderr).filter((l) => l.includes('/cases/'))).toEqual([]);
  });
});

describe('what the collection check refuses before reading fields', () => {
  const cases = new Map([['first-case', { draft: false }]]);
  const check = (text: string) => checkCollectionText('c.yaml', 'c', text, cases).problems.map((p) => `${p.line}  ${p.field}  ${p.message}`);

  it('an empty file, aliases, tags and a list instead of fields', () => {
    expect(check('')).toEqual(['1  文件  文件是空的；专题要写 title、intro、audience 和 cases（见 CONTRIBUTING.md）']);
    expect(check('title: &t 标题标题\naudience: *t\n')).toEqual(['1  文件  YAML 格式错误：不允许使用锚点和别名（& 和 *）；请把值直接写出来']);
    expect(check('title: !!js/function 标题\n')).toEqual([
      '1  文件  YAML 格式错误：不允许 !!js/function 这类标签；请去掉“!”开头的标签，直接写值（日期等需要时加引号）',
    ]);
    // The same YAML rules as a case's frontmatter (yaml-data.ts): directives, and invisible characters written as escapes.
    expect(check('%YAML 1.2\n---\ntitle: 标题标题\n')).toEqual(['1  文件  YAML 格式错误：不允许 % 开头的 YAML 指令（如 %YAML）；请删去这一行']);
    expect(check('title: "标题\\u202e标题"\n')[0]).toMatch(/^1 {2}title {2}含有不可见的文字方向控制符（U\+202E）/);
    expect(check('- first-case\n')).toEqual(['1  文件  专题文件应为“字段: 值”形式的若干行：title、intro、audience、cases；冒号要用半角“:”且后面有空格']);
  });

  it('invisible direction controls', () => {
    expect(check('title: 标题\u202e标题\n')[0]).toMatch(/^1 {2}文件 {2}含有不可见的文字方向控制符（U\+202E）/);
  });
});

describe('the real collections', () => {
  it('pass with the real cases, and each lists published cases only', () => {
    const { problems, collections, cases } = checkCaseDirectory(fromRoot('content', 'cases'));
    expect(problems).toEqual([]);
    expect(collections.length).toBeGreaterThanOrEqual(1);
    const published = new Set(cases.filter((c) => !c.data.draft).map((c) => c.data.id));
    for (const c of collections) for (const id of c.cases) expect(published.has(id), `${c.id}: ${id}`).toBe(true);
  });
});

describe('course pack and hours', () => {
  it('links the handout page with the ids in order and the title encoded, under any base', () => {
    expect(coursePackUrl('/casebook/handout/', ['b-case', 'a-case'], '选好带头人 & 集体经济')).toBe(
      '/casebook/handout/?ids=b-case,a-case&title=%E9%80%89%E5%A5%BD%E5%B8%A6%E5%A4%B4%E4%BA%BA%20%26%20%E9%9B%86%E4%BD%93%E7%BB%8F%E6%B5%8E',
    );
    const link = new URL(coursePackUrl('/handout/', ['x', 'y'], '甲&乙=丙？'), 'http://localhost');
    expect([link.searchParams.get('ids'), link.searchParams.get('title')]).toEqual(['x,y', '甲&乙=丙？']);
  });

  it('takes the collection’s own hours, else adds up the cases’ and says how many gave none', () => {
    expect(collectionHours(6, [2, 2])).toEqual({ hours: 6, from: 'collection', without: 0 });
    expect(collectionHours(undefined, [2, undefined, 3])).toEqual({ hours: 5, from: 'cases', without: 1 });
    expect(collectionHours(undefined, [undefined])).toBeUndefined();
    expect(hoursText({ hours: 5, from: 'cases', without: 1 })).toBe('共5课时（另有1个案例未定课时）');
    expect(hoursText({ hours: 10, from: 'cases', without: 0 })).toBe('共10课时');
  });
});

describe('links from a case body to a collection', () => {
  it('are accepted when the collection exists, and refused when it does not', async () => {
    const dir = join(BUILDS, 'collection-links');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'cases'), { recursive: true });
    cpSync(fromRoot(GOOD, 'collections'), join(dir, 'collections'), { recursive: true });
    for (const id of ['first-case', 'second-case']) writeFileSync(join(dir, 'cases', `${id}.mdx`), caseText({ ...validCase(), id }));
    const body = VALID_BODY.replace('选对带头人是关键。', '同类做法见[专题](/collections/starter-course/)和[另一个专题](/collections/no-such-course/)。');
    writeFileSync(join(dir, 'cases', 'linking-case.mdx'), caseText({ ...validCase(), id: 'linking-case' }, body));
    const run = await runInProcess(checkCommand, [relative(PROJECT_ROOT, join(dir, 'cases'))]);
    expect(linesOf(run.stderr)).toEqual([
      `${relative(PROJECT_ROOT, dir)}/cases/linking-case.mdx:54  正文  链接 /collections/no-such-course/ 指向网站上不存在的页面；站内链接请用现有页面的路径，如 /cases/案例id/、/measures/措施id/、/years/2020/`,
      '内容检查未通过：1 处问题。',
    ]);
  });
});
