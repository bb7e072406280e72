import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCaseText, formatProblem } from '../../src/lib/validate.ts';
import { TODO_MARKER, placeSlug, slugify, uniqueId } from '../../src/lib/scaffold.ts';
import { runInProcess, runScript } from '../helpers/site.ts';
import { newCaseCommand } from '../../scripts/new-case.ts';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'casebook-new-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS = [
  '--title',
  '门头沟区妙峰山镇：选派企业干部回村任职',
  '--province',
  '北京市',
  '--county',
  '门头沟区',
  '--town',
  '妙峰山镇',
  '--level',
  '乡镇',
  '--year',
  '2003',
  '--measures',
  'capable-leaders,collective-economy',
  '--dir',
  dir,
];

const problemsOf = (file: string, text = readFileSync(join(dir, file), 'utf8')) => checkCaseText(file, text).problems.map(formatProblem);

describe('ids', () => {
  it('come from the pinyin of the place without its suffix', () => {
    expect(placeSlug('妙峰山镇')).toBe('miaofengshan');
    expect(placeSlug('沙市区')).toBe('shashi');
    expect(slugify(' Three Ventures! 2014 ')).toBe('three-ventures-2014');
  });

  it('get -2, -3 … when the file exists', () => {
    const d = mkdtempSync(join(tmpdir(), 'casebook-ids-'));
    expect(uniqueId(d, 'a')).toBe('a');
    writeFileSync(join(d, 'a.mdx'), '');
    writeFileSync(join(d, 'a-2.mdx'), '');
    expect(uniqueId(d, 'a')).toBe('a-3');
    rmSync(d, { recursive: true });
  });
});

describe('npm run new-case', () => {
  it('writes a draft with every section that passes the content check as it is', () => {
    const r = runScript('new-case.ts', FLAGS);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('miaofengshan-2003.mdx');
    const text = readFileSync(join(dir, 'miaofengshan-2003.mdx'), 'utf8');
    expect(problemsOf('miaofengshan-2003.mdx', text)).toEqual([]);
    const { checked } = checkCaseText('miaofengshan-2003.mdx', text);
    expect(checked?.data).toMatchObject({
      id: 'miaofengshan-2003',
      draft: true,
      level: '乡镇',
      year: 2003,
      measures: ['capable-leaders', 'collective-economy'],
    });
    expect(checked?.data.region).toMatchObject({ province: '北京市', county: '门头沟区', town: '妙峰山镇', townCode: '110109108' });
    for (const s of ['背景', '主要做法', '成效', '经验与启示']) expect(text).toContain(`\n## ${s}\n`);
  });

  // The first test runs the script itself; these run its command in-process.
  it('never overwrites: a second run gets a suffixed id, an explicit --id that exists is refused', async () => {
    const again = await runInProcess(newCaseCommand, FLAGS);
    expect(again.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['miaofengshan-2003-2.mdx', 'miaofengshan-2003.mdx']);
    expect(problemsOf('miaofengshan-2003-2.mdx')).toEqual([]);
    const before = readFileSync(join(dir, 'miaofengshan-2003.mdx'), 'utf8');
    const refused = await runInProcess(newCaseCommand, [...FLAGS, '--id', 'miaofengshan-2003']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('已存在，不会覆盖');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'miaofengshan-2003.mdx'), 'utf8')).toBe(before);
  });

  it('passes once the placeholders are filled and cannot be published before', () => {
    const text = readFileSync(join(dir, 'miaofengshan-2003.mdx'), 'utf8').replace('draft: true', 'draft: false');
    expect(problemsOf('miaofengshan-2003.mdx', text)).toEqual([
      expect.stringMatching(/^miaofengshan-2003\.mdx:4 {2}frontmatter {2}仍有“待改写”的占位文字或原文摘录/),
    ]);
    const filled = text.replace(new RegExp(`${TODO_MARKER}：`, 'g'), '已写：');
    expect(problemsOf('miaofengshan-2003.mdx', filled)).toEqual([]);
  });

  it.each([
    [['--province', '湖北'], /--province（region\.province）：“湖北” 不是允许的值（是否想写“湖北省”？）；可选：北京市、天津市/],
    [['--county', '沙市区'], /--county（region\.county）：“沙市区” 不是北京市下辖的县级行政区；可选：东城区、西城区/],
    [['--measures', 'capable-leaders,secretary-first'], /--measures（measures\.1）：“secretary-first” 不是允许的值；可选：.*first-secretary/],
    [['--level', '镇'], /--level（level）：“镇” 不是允许的值.*可选：村、乡镇、县区、地市、省/],
    [['--year', '1900'], /--year（year）：1900 太小：不能小于 1949/],
    [['--id', 'Bad_ID'], /--id“Bad_ID”不合格式/],
  ])('rejects %j with a Chinese message listing what is allowed', async (change, message) => {
    const flags = [...FLAGS];
    const at = flags.indexOf(change[0]!);
    if (at === -1) flags.push(...change);
    else flags[at + 1] = change[1]!;
    const r = await runInProcess(newCaseCommand, flags);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  // The script itself, so that its input is a pipe and not the terminal vitest may run in.
  it('without a terminal and without the required flags, prints the usage in Chinese', () => {
    const r = runScript('new-case.ts', ['--title', '测试镇：测试做法', '--dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('缺少参数 --province、--level、--year、--measures');
    expect(r.stderr).toContain('用法：npm run new-case');
  });

  // `script` gives the program a terminal, so the prompts run as they do for an editor.
  it.skipIf(!existsSync('/usr/bin/script'))('asks for each value on a terminal when no flags are given', () => {
    const answers = ['测试镇：测试做法示例', '北京市', '', '门头沟区', '', '县区', '2010', 'first-secretary', 'tty-case'].join('\n');
    const command = `${process.execPath} --disable-warning=ExperimentalWarning scripts/new-case.ts --dir ${dir}`;
    const r = spawnSync('script', ['-qc', command, '/dev/null'], { cwd: PROJECT_ROOT, input: `${answers}\n`, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toContain('实施主体级别（村、乡镇、县区、地市、省）');
    expect(r.stdout).toContain('已生成草稿');
    expect(problemsOf('tty-case.mdx')).toEqual([]);
    expect(readFileSync(join(dir, 'tty-case.mdx'), 'utf8')).toContain('county: 门头沟区');
  });
});
