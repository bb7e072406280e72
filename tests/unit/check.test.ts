/**
 * `npm run check` through the real CLI (node scripts/check.ts DIR), against a folder of bad
 * case files: every file gets exactly the Chinese lines pinned here, the exit code is 1 and
 * nothing looks like a stack trace. Odd but valid files pass.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, fromRoot } from '../../src/lib/paths.ts';
import { listAllowed } from '../../src/schema/errors.ts';
import { measureIds, vocabulary } from '../../src/schema/vocabulary.ts';
import { provinceNames } from '../../src/lib/gazetteer.ts';
import { caseSchema, currentYear } from '../../src/schema/case.ts';
import { regionSchema } from '../../src/schema/region.ts';
import { sourceSchema } from '../../src/schema/source.ts';
import { metricSchema } from '../../src/schema/metric.ts';
import { QUALIFIERS, UNIT_NAMES } from '../../src/schema/units.ts';
import { BUILDS, runInProcess, runScript, type RunResult } from '../helpers/site.ts';
import { checkCommand } from '../../scripts/check.ts';
import { VALID_BODY, caseText, validCase } from '../helpers/case-text.ts';

const BAD = 'tests/fixtures/bad-cases';
const BAD_COLLECTIONS = 'tests/fixtures/bad-collections';
const GOOD = 'tests/fixtures/good-cases';
/** The check as an editor runs it, in this process (the first describe runs the script itself). */
const check = (dir: string, args: string[] = []): Promise<RunResult> => runInProcess(checkCommand, [dir, ...args]);

const STACK_TRACE = /^\s+at .+[:(]\d+|\b(Error|TypeError|ReferenceError|SyntaxError):|node:internal|\.ts:\d+:\d+/m;
const expectNoStackTrace = (r: RunResult) => expect(`${r.stdout}\n${r.stderr}`).not.toMatch(STACK_TRACE);
const linesOf = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

const SECTIONS = '## 背景、## 主要做法、## 成效、## 经验与启示';
const LESS_THAN = '表示“小于”请写全角“＜”，或在前面加反斜杠写成“\\<”';
const BRACES = '要写花括号请用全角“｛｝”，或在前面加反斜杠写成“\\{”';
const SCRIPT_URL = '这类脚本网址；链接只能用 http(s) 网址或站内路径';
const BAD_TAG = '标签：正文不能含脚本、框架或样式';

/** [fixture file, [line, field, message] for each problem, in the order printed]. */
const EXPECTED: [string, [number, string, string][]][] = [
  // Frontmatter
  ['missing-field.mdx', [[1, 'title', '缺少必填字段']]],
  ['wrong-type.mdx', [[11, 'year', '应为数字，实际写的是“二〇〇三”（文本）']]],
  ['unknown-measure.mdx', [[17, 'measures.1', `“secretary-first” 不是允许的值；可选：${listAllowed(measureIds)}`]]],
  ['unknown-province.mdx', [[6, 'region.province', `“湖北” 不是允许的值（是否想写“湖北省”？）；可选：${listAllowed(provinceNames())}`]]],
  // 2999 stays in the future for as long as this project can matter.
  ['future-year.mdx', [[11, 'year', `2999 太大：不能大于 ${currentYear()}`]]],
  ['year-before-1949.mdx', [[11, 'year', '1948 太小：不能小于 1949']]],
  ['misspelt-field.mdx', [[38, 'meausres', '不认识的字段 “meausres”（拼写错误或多余的字段）']]],
  ['too-few-questions.mdx', [[33, 'questions', '至少要有 2 项，实际 1 项']]],
  ['wrong-file-name.mdx', [[2, 'id', '文件名应与 id 一致：请把文件命名为 another-id.mdx（或把 id 改为 wrong-file-name）']]],
  // YAML
  ['malformed-yaml.mdx', [[3, 'frontmatter', 'YAML 格式错误：引号或括号没有成对：缺少另一半的 " \' ] 或 }']]],
  ['duplicate-yaml-key.mdx', [[11, 'frontmatter', 'YAML 格式错误：同一个字段写了两次；请删去重复的一行']]],
  [
    'chinese-colon.mdx',
    [
      [
        36,
        'frontmatter',
        'YAML 格式错误：这一行不是“字段: 值”的形式：冒号要用半角“:”且后面有空格；值里含有“: ”“#”或以 [ { * & ! | > \' " 开头时，请给整个值加引号',
      ],
    ],
  ],
  // The file as a whole
  ['empty-file.mdx', [[1, '文件', '文件是空的；请用 npm run new-case 生成案例模板']]],
  ['no-frontmatter.mdx', [[1, 'frontmatter', '文件开头缺少 frontmatter：第一行应为 ---，字段写完后再用一行 --- 结束']]],
  ['wrong-extension.md', [[1, '文件', '案例文件的扩展名应为 .mdx；案例文件夹里只放案例和案例用到的图片（.png .jpg .jpeg .webp .gif .avif）']]],
  // Body structure
  ['empty-body.mdx', [[39, '正文', `正文是空的；正文应依次包含 ${SECTIONS} 四节`]]],
  ['missing-section.mdx', [[48, '正文', `缺少“## 成效”一节；正文须依次包含 ${SECTIONS}`]]],
  ['sections-out-of-order.mdx', [[40, '正文', `“## 主要做法”的位置不对；正文须依次为 ${SECTIONS}`]]],
  ['questions-in-body.mdx', [[56, '正文', '讨论题请写在 frontmatter 的 questions 字段里，不要写进正文']]],
  ['link-to-missing-case.mdx', [[48, '正文', '链接 /cases/no-such-case/ 指向不存在的案例“no-such-case”；请核对案例 id']]],
  // MDX syntax
  ['mdx-syntax-error.mdx', [[48, '正文', '<Note> 没有对应的结束标签 </Note>；组件要成对书写，如 <Note title="编者按">…</Note>，且开始和结束标签各占一段']]],
  ['html-comment.mdx', [[48, '正文', 'MDX 不支持 HTML 注释“<!-- … -->”；请删去注释，给编辑的说明写在拉取请求里']]],
  ['less-than.mdx', [[48, '正文', `“<5万元的村逐年减少。”中的“<”会被当作标签的开头；${LESS_THAN}`]]],
  // MDX safety
  ['import.mdx', [[40, '正文', '不允许 import 或 export 语句：案例正文只能写 Markdown，组件由网站提供，无须导入']]],
  ['export.mdx', [[56, '正文', '不允许 import 或 export 语句：案例正文只能写 Markdown，组件由网站提供，无须导入']]],
  ['expression.mdx', [[48, '正文', `不允许 {…} 表达式（包括 {/* 注释 */}）；${BRACES}`]]],
  ['script-tag.mdx', [[48, '正文', `不允许 <script> ${BAD_TAG}`]]],
  ['iframe.mdx', [[48, '正文', `不允许 <iframe> ${BAD_TAG}`]]],
  [
    'style-tag.mdx',
    [
      [48, '正文', `不允许 <style> ${BAD_TAG}`],
      [48, '正文', `“{”开始的内容不是合法的 MDX 表达式；正文不允许 {…} 表达式，${BRACES}`],
    ],
  ],
  ['onclick.mdx', [[48, '正文', '不允许事件属性 onclick=：正文不能含脚本']]],
  ['javascript-link.mdx', [[48, '正文', `不允许 javascript:alert(1) ${SCRIPT_URL}`]]],
  ['javascript-image.mdx', [[48, '正文', `不允许 javascript:alert(1) ${SCRIPT_URL}`]]],
  ['javascript-reference.mdx', [[50, '正文', `不允许 JavaScript:alert(1) ${SCRIPT_URL}`]]],
  ['javascript-autolink.mdx', [[48, '正文', 'MDX 不支持“<网址>”形式的自动链接（<javascript:…）；请写成 [链接文字](网址)']]],
  [
    'javascript-a-href.mdx',
    [
      [48, '正文', '不允许标签或组件 <a>；只允许：<Note>（如果本意是“小于”，请写全角“＜”或“\\<”）'],
      [48, '正文', '属性 href 不允许 javascript:alert(1) 这类脚本网址'],
    ],
  ],
  ['component-not-allowed.mdx', [[48, '正文', '不允许标签或组件 <Chart>；只允许：<Note>（如果本意是“小于”，请写全角“＜”或“\\<”）']]],
  ['missing-image.mdx', [[48, '正文', '图片 ./no-such-photo.jpg 不存在；图片文件要和案例文件放在同一个文件夹里，用 ./文件名 引用']]],
  ['remote-image.mdx', [[48, '正文', '不允许引用其他网站的图片 https://example.org/photo.jpg：网站不从其他网站加载任何内容，读者的访问不应被第三方记录']]],
];

const format = (file: string, [line, field, message]: [number, string, string]) => `${file}:${line}  ${field}  ${message}`;

describe('bad case files, one problem each, through node scripts/check.ts', () => {
  let run: RunResult;
  beforeAll(() => {
    run = runScript('check.ts', [BAD]);
  });

  it('fails with exit code 1, a count, and no stack trace', () => {
    expect(run.status).toBe(1);
    const total = EXPECTED.reduce((n, [, lines]) => n + lines.length, 0);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`内容检查未通过：${total} 处问题。`);
    expectNoStackTrace(run);
  });

  it('has a pinned expectation for every fixture file, and a fixture for every expectation', () => {
    const files = readdirSync(fromRoot(BAD), { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name);
    expect(files.sort()).toEqual(EXPECTED.map(([f]) => f).sort());
  });

  it.each(EXPECTED)('%s', (name, expected) => {
    const file = `${BAD}/${name}`;
    const printed = linesOf(run.stderr).filter((l) => l.startsWith(`${file}:`));
    expect(printed).toEqual(expected.map((p) => format(file, p)));
  });
});

describe('collection-level problems, one folder each', () => {
  const FOLDERS: [string, string[], string[]][] = [
    [
      'duplicate-id',
      [
        `${BAD_COLLECTIONS}/duplicate-id/copy.mdx:2  id  文件名应与 id 一致：请把文件命名为 original.mdx（或把 id 改为 copy）`,
        `${BAD_COLLECTIONS}/duplicate-id/copy.mdx:2  id  id“original”与 ${BAD_COLLECTIONS}/duplicate-id/original.mdx 重复；每个案例的 id 必须唯一`,
      ],
      [],
    ],
    [
      'link-to-draft',
      [
        `${BAD_COLLECTIONS}/link-to-draft/published.mdx:48  正文  链接 /cases/unfinished/ 指向草稿案例“unfinished”，草稿不会发布，链接会失效；请先发布该案例或删去链接`,
      ],
      [`${BAD_COLLECTIONS}/link-to-draft/unfinished.mdx:37  draft  提示：这是草稿，已检查但不会发布到网站和搜索索引；写完后把 draft 改为 false`],
    ],
  ];
  it.each(FOLDERS)('%s', async (folder, errors, notices) => {
    const run = await check(`${BAD_COLLECTIONS}/${folder}`);
    expect(run.status).toBe(1);
    expect(linesOf(run.stderr)).toEqual([...errors, `内容检查未通过：${errors.length} 处问题。`]);
    expect(linesOf(run.stdout)).toEqual(notices);
    expectNoStackTrace(run);
  });
});

describe('generated bad files (too big to commit, or not text)', () => {
  const dir = join(BUILDS, 'check-generated');
  const rel = relative(PROJECT_ROOT, dir);
  let run: RunResult;
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const valid = (id: string) => caseText({ ...validCase(), id });
    // 5 MB: a valid case padded with prose.
    writeFileSync(join(dir, 'huge.mdx'), valid('huge') + '很长的正文。'.repeat(300_000));
    // GBK bytes for 背景, as a Windows editor might save them.
    writeFileSync(
      join(dir, 'gbk.mdx'),
      Buffer.concat([Buffer.from(valid('gbk').replace(/## 背景[\s\S]*/, '## ')), Buffer.from([0xb1, 0xb3, 0xbe, 0xb0, 0x0a])]),
    );
    // A YAML alias bomb in miniature.
    writeFileSync(join(dir, 'aliases.mdx'), valid('aliases').replace('editor: 测试编辑', 'editor: &e 测试编辑\nauthor: *e'));
    // A folder that looks like a case file.
    mkdirSync(join(dir, 'folder.mdx'));
    // Body problems keep their line numbers with a BOM and CRLF line endings.
    writeFileSync(join(dir, 'crlf-script.mdx'), `\uFEFF${valid('crlf-script').replace('## 成效', '<script>x</script>\n\n## 成效').replace(/\n/g, '\r\n')}`);
    run = await check(rel);
  });

  it('reports each with a Chinese line, exit code 1 and no stack trace', () => {
    expect(readFileSync(join(dir, 'huge.mdx')).length).toBeGreaterThan(5_000_000);
    expect(run.status).toBe(1);
    expectNoStackTrace(run);
    expect(linesOf(run.stderr)).toEqual([
      `${rel}/aliases.mdx:2  frontmatter  YAML 格式错误：不允许使用锚点和别名（& 和 *）；请把值直接写出来`,
      `${rel}/crlf-script.mdx:48  正文  不允许 <script> ${BAD_TAG}`,
      `${rel}/folder.mdx:1  文件  案例文件夹里不能有子文件夹；案例和它的图片直接放在案例文件夹里`,
      `${rel}/gbk.mdx:1  文件  文件不是 UTF-8 编码（可能是 GBK）；请在编辑器里用“UTF-8”编码另存`,
      `${rel}/huge.mdx:1  文件  文件太大（5.2 MB），上限 128 KB；请删去多余内容或拆成几个案例`,
      '内容检查未通过：5 处问题。',
    ]);
  });

  it('reports a missing folder in Chinese', async () => {
    const missing = await check(`${rel}/no-such-folder`);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`内容检查无法完成：找不到案例文件夹 ${join(dir, 'no-such-folder')}`);
    expectNoStackTrace(missing);
  });
});

describe('odd but valid files', () => {
  it('are kept byte-exact in the repository (BOM, CRLF, spaces after ---)', () => {
    expect(readFileSync(fromRoot(GOOD, 'with-bom.mdx'))[0]).toBe(0xef);
    expect(readFileSync(fromRoot(GOOD, 'crlf.mdx'), 'utf8')).toContain('---\r\nid: crlf\r\n');
    expect(readFileSync(fromRoot(GOOD, 'trailing-spaces.mdx'), 'utf8')).toMatch(/^--- {3}\n/);
  });

  it('pass, and a draft is a notice that does not fail the check', async () => {
    const run = await check(GOOD);
    expect(run.stderr).toBe('');
    expect(linesOf(run.stdout)).toEqual([
      `${GOOD}/a-draft.mdx:37  draft  提示：这是草稿，已检查但不会发布到网站和搜索索引；写完后把 draft 改为 false`,
      '内容检查通过：5 个案例（其中草稿 1 个，不会发布）。',
    ]);
    expect(run.status).toBe(0);
  });

  it('the real content passes', async () => {
    const run = await runInProcess(checkCommand);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^内容检查通过：\d+ 个案例/m);
    expect(run.status).toBe(0);
    expect(existsSync(fromRoot('content', 'cases'))).toBe(true);
  });
});

describe('the own-words check compares a case with its raw report', () => {
  const dir = join(BUILDS, 'check-own-words');
  const rel = relative(PROJECT_ROOT, dir);
  // An invented report and a case body that copies one clause of it (with spaces added) and quotes another.
  const REPORT = '青石村党支部牵头成立蘑菇种植专业合作社，吸收社员120户。支部书记说：“先富带后富，一个都不能少，大家一起干。”';
  const BODY = VALID_BODY.replace(
    '某镇地处山区，村集体收入薄弱。',
    '某镇地处山区。据报道，合作社吸收社员120户。\n\n青石村党支部牵头成立蘑菇种植专业合作社。书记常说“先富带后富，一个都不能少，大家一起干”。',
  );
  const cases = join(dir, 'cases');
  const reports = join(dir, 'reports');
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(cases, { recursive: true });
    mkdirSync(reports, { recursive: true });
    writeFileSync(join(cases, 'test-case.mdx'), caseText(validCase(), BODY));
    writeFileSync(join(cases, 'other-case.mdx'), caseText({ ...validCase(), id: 'other-case' }));
    writeFileSync(join(reports, 'test-case.txt'), REPORT);
    writeFileSync(join(dir, 'named.txt'), REPORT);
  });
  const COPIED = `${rel}/cases/test-case.mdx:44  正文  与原始报道雷同：“青石村党支部牵头成立蘑菇种植专业合作社”（19 字）`;

  it('lists each copied run from the kept report as a warning that does not fail the check', async () => {
    const run = await check(`${rel}/cases`, ['--reports', `${rel}/reports`]);
    expect(run.stderr).toBe('');
    expect(linesOf(run.stdout)).toEqual([
      COPIED,
      '内容检查通过：2 个案例（其中草稿 0 个，不会发布）。',
      '与原始报道对照：1 个案例中有 1 处与原文雷同；请用自己的话改写（这是提醒，不影响检查结果；加 --strict 时算作问题）。',
    ]);
    expect(run.status).toBe(0);
  });

  it('fails with --strict', async () => {
    const run = await check(`${rel}/cases`, ['--reports', `${rel}/reports`, '--strict']);
    expect(linesOf(run.stderr)).toEqual([COPIED, '与原始报道对照：1 个案例中有 1 处与原文雷同（--strict：算作问题）；请用自己的话改写。']);
    expect(run.status).toBe(1);
  });

  it('takes a report named on the command line for the named case only', async () => {
    const run = await check(`${rel}/cases`, ['--report', `${rel}/named.txt`, '--case', 'test-case', '--reports', `${rel}/no-reports`]);
    expect(linesOf(run.stdout)[0]).toBe(COPIED);
    const other = await check(`${rel}/cases`, ['--report', `${rel}/named.txt`, '--case', 'other-case']);
    expect(linesOf(other.stdout)).toContain('与原始报道对照：1 个案例，没有发现照抄原文的句子。');
    expect(other.status).toBe(0);
  });

  it('says what is wrong with the flags, in Chinese', async () => {
    const cases: [string[], string][] = [
      [['--report', `${rel}/named.txt`], '--report 要和 --case 一起用'],
      [['--report', `${rel}/missing.txt`, '--case', 'test-case'], `找不到原始报道 ${rel}/missing.txt`],
      [['--case', 'no-such-case'], '没有 id 为“no-such-case”的案例'],
      [['--reprot', 'x'], '参数有误'],
    ];
    for (const [args, message] of cases) {
      const run = await check(`${rel}/cases`, args);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(message);
      expectNoStackTrace(run);
    }
  });
});

describe('CONTRIBUTING.md stays in step with the schema and the vocabulary', () => {
  const guide = readFileSync(fromRoot('CONTRIBUTING.md'), 'utf8');
  const example = /```yaml\n---\n([\s\S]*?)\n---\n```/.exec(guide)?.[1] ?? '';
  const keysAt = (indent: string) => new Set([...example.matchAll(new RegExp(`^${indent}(?:- )?([a-zA-Z]+):`, 'gm'))].map((m) => m[1]));

  it('shows every frontmatter field in its example', () => {
    expect([...keysAt('')].sort()).toEqual(Object.keys(caseSchema.shape).sort());
    expect([...keysAt('  ')]).toEqual(expect.arrayContaining([...Object.keys(regionSchema.in.shape), ...Object.keys(sourceSchema.shape)]));
    for (const field of Object.keys(metricSchema.in.shape)) expect(guide).toContain(`\`${field}\``);
  });

  it('lists every unit, qualifier and measure category', () => {
    const units = /只能用下列单位之一[^\n]*\n([\s\S]+?)。/.exec(guide)?.[1] ?? '';
    expect(units.replace(/\s+/g, '').split('、')).toEqual(UNIT_NAMES);
    for (const q of QUALIFIERS) expect(guide).toMatch(new RegExp(`[：、]${q}[、。；]`));
    expect(guide).toContain(`措施分为以下几类（以词表文件为准）：${vocabulary.categories.map((c) => c.name).join('、')}。`);
  });
});
