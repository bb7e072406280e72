import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { friendlyProblems, parseWithChineseErrors } from '../../src/schema/errors.ts';
import { MAX_MEASURES, caseSchema, currentYear } from '../../src/schema/case.ts';
import { measureIds } from '../../src/schema/vocabulary.ts';
import { checkCaseText, formatProblem } from '../../src/lib/validate.ts';
import { fromRoot } from '../../src/lib/paths.ts';
import { caseText, mutated, validCase } from '../helpers/case-text.ts';

const FILE = 'content/cases/test-case.mdx';
const problemsOf = (text: string) => checkCaseText(FILE, text).problems.map(formatProblem);

describe('the five seed cases', () => {
  const dir = fromRoot('content', 'cases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

  it('are all in the repository', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s passes every content check', (name) => {
    const { problems, checked } = checkCaseText(`content/cases/${name}`, readFileSync(join(dir, name), 'utf8'));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(checked?.data.metrics.length).toBeGreaterThan(5);
    expect(checked?.data.questions.length).toBeGreaterThanOrEqual(2);
  });
});

describe('a valid case', () => {
  it('is accepted and gains gazetteer codes and normalised figures', () => {
    const result = caseSchema.parse(validCase());
    expect(result.region).toMatchObject({ provinceCode: '11', countyCode: '110109', townCode: '110109108', villageCode: '110109108205' });
    expect(result.metrics[0]).toMatchObject({ display: '50万元', normalised: { kind: '金额', unit: '元', value: 500_000 } });
    expect(problemsOf(caseText(validCase()))).toEqual([]);
  });

  it('accepts a UTF-8 byte order mark and CRLF line endings', () => {
    const text = `\uFEFF${caseText(validCase()).replace(/\n/g, '\r\n')}`;
    expect(problemsOf(text)).toEqual([]);
  });
});

describe('durations', () => {
  it('take 天, 周, 个月 and 年, and compare in days', () => {
    const data = validCase();
    data['metrics'] = [
      { label: '轮训时长', value: 1, unit: '周' },
      { label: '租赁期限', value: 3, unit: '年' },
    ];
    expect(caseSchema.parse(data).metrics.map((m) => [m.display, m.normalised])).toEqual([
      ['1周', { kind: '时长', unit: '天', additive: false, value: 7, approximate: false, bound: '', atLeast: 7, atMost: 7 }],
      ['3年', { kind: '时长', unit: '天', additive: false, value: 1095, approximate: false, bound: '', atLeast: 1095, atMost: 1095 }],
    ]);
  });
});

describe('measures', () => {
  it('a case may list more than eight measures, and say how many of them are primary', () => {
    const nine = measureIds.slice(0, 9);
    expect(
      problemsOf(
        mutated((d) => {
          d['measures'] = nine;
          d['primaryMeasures'] = 2;
        }),
      ),
    ).toEqual([]);
  });
});

describe('bad frontmatter gets one Chinese line naming file, line, field, value and what is allowed', () => {
  const cases: [string, string, string[]][] = [
    ['a missing field', mutated((d) => delete d['title']), [`${FILE}:1  title  缺少必填字段`]],
    ['a wrong type', mutated((d) => (d['year'] = '二〇〇三')), [`${FILE}:11  year  应为数字，实际写的是“二〇〇三”（文本）`]],
    [
      'an unknown measure',
      mutated((d) => (d['measures'] = ['capable-leaders', 'secretary-first'])),
      [
        expect.stringMatching(
          new RegExp(`^${FILE}:17  measures\\.1  “secretary-first” 不是允许的值；可选：branch-plus-cooperative、.*first-secretary、`),
        ) as unknown as string,
      ],
    ],
    [
      'an unknown province',
      mutated((d) => (d['region'].province = '湖北')),
      [
        expect.stringMatching(
          new RegExp(`^${FILE}:6  region\\.province  “湖北” 不是允许的值（是否想写“湖北省”？）；可选：北京市、天津市`),
        ) as unknown as string,
      ],
    ],
    [
      'a county outside its province',
      mutated((d) => (d['region'].county = '沙市区')),
      [expect.stringMatching(new RegExp(`^${FILE}:7  region\\.county  “沙市区” 不是北京市下辖的县级行政区；可选：东城区、西城区`)) as unknown as string],
    ],
    [
      'a village outside its town',
      mutated((d) => (d['region'].village = '桂花村')),
      [
        expect.stringMatching(
          /region\.village {2}“桂花村” 不是妙峰山镇下辖的村或社区（GB\/T 2260 里没有）：.*请删去 village.*；可选：陇驾庄村、丁家滩村/,
        ) as unknown as string,
      ],
    ],
    [
      'a year in the future',
      mutated((d) => {
        d['year'] = currentYear() + 1;
        delete d['period'];
      }),
      [`${FILE}:11  year  ${currentYear() + 1} 太大：不能大于 ${currentYear()}`],
    ],
    [
      'a year before 1949',
      mutated((d) => {
        d['year'] = 1948;
        delete d['period'];
      }),
      [`${FILE}:11  year  1948 太小：不能小于 1949`],
    ],
    ['a year outside its period', mutated((d) => (d['year'] = 2010)), [`${FILE}:11  year  2010 应在 period 2002—2004 之内`]],
    [
      'an unknown unit',
      mutated((d) => (d['metrics'][0].unit = '块钱')),
      [expect.stringMatching(/:21 {2}metrics\.0\.unit {2}“块钱” 不是允许的值；可选：元、万元、亿元、人/) as unknown as string],
    ],
    ['a range whose upper bound is lower', mutated((d) => (d['metrics'][0].max = 10)), [`${FILE}:22  metrics.0.max  10 区间上限 max 必须大于下限 value`]],
    ['a negative figure', mutated((d) => (d['metrics'][1].value = -3)), [`${FILE}:23  metrics.1.value  -3 太小：不能小于 0`]],
    ['a misspelt field', mutated((d) => (d['meausres'] = ['x'])), [`${FILE}:38  meausres  不认识的字段 “meausres”（拼写错误或多余的字段）`]],
    [
      'a bad publication date',
      mutated((d) => (d['source'].date = '2024年11月21日')),
      [expect.stringMatching(/source\.date {2}“2024年11月21日” 格式不对：日期格式应为 YYYY-MM-DD/) as unknown as string],
    ],
    ['an unknown script', mutated((d) => (d['source'].script = '繁体')), [`${FILE}:29  source.script  “繁体” 不是允许的值（是否想写“繁”？）；可选：简、繁`]],
    [
      'a non-ASCII id',
      mutated((d) => (d['id'] = '测试案例')),
      [`${FILE}:2  id  “测试案例” 格式不对：只能用小写英文字母、数字和单个连字符，如 shashi-three-ventures`],
    ],
    [
      'more measures than any case uses',
      mutated((d) => (d['measures'] = measureIds.slice(0, MAX_MEASURES + 1))),
      [`${FILE}:15  measures  最多 ${MAX_MEASURES} 项，实际 ${MAX_MEASURES + 1} 项`],
    ],
    [
      'more primary measures than measures',
      mutated((d) => (d['primaryMeasures'] = 3)),
      [`${FILE}:38  primaryMeasures  3 多于 measures 的项数（2 项）；主要措施只能从列出的措施里数`],
    ],
    [
      'more than three primary measures',
      mutated((d) => {
        d['measures'] = measureIds.slice(0, 5);
        d['primaryMeasures'] = 4;
      }),
      [`${FILE}:41  primaryMeasures  4 太大：不能大于 3`],
    ],
    ['too few discussion questions', mutated((d) => (d['questions'] = ['只有一题？'])), [`${FILE}:33  questions  至少要有 2 项，实际 1 项`]],
    ['a draft flag that is not yes/no', mutated((d) => (d['draft'] = '是')), [`${FILE}:37  draft  应为是或否（true/false），实际写的是“是”（文本）`]],
  ];

  it.each(cases)('%s', (_kind, text, expected) => {
    const lines = problemsOf(text);
    expect(lines).toEqual(expected);
    for (const line of lines) expect(line).not.toMatch(/\bat \S+:\d+|Error:|Invalid input/);
  });
});

describe('one error map', () => {
  it('words every issue in Chinese, with zod’s zh-CN text where the casebook has no wording of its own', () => {
    const schema = z.strictObject({
      tags: z.record(z.string().regex(/^[a-z]+$/), z.number()),
      count: z.number().multipleOf(5),
      title: z.string().startsWith('案'),
    });
    const data = { tags: { ABC: 1 }, count: 7, title: '标题' };
    const result = parseWithChineseErrors(schema, data);
    expect(result.success).toBe(false);
    const messages = friendlyProblems(result.error!, data).map((p) => p.message);
    expect(messages).toHaveLength(3);
    for (const message of messages) {
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).not.toMatch(/invalid|expected|must|starts_with/i);
    }
  });

  it('keeps the schema’s own messages', () => {
    const data = { ...JSON.parse(JSON.stringify(validCase())), id: 'Bad_ID' };
    const result = parseWithChineseErrors(caseSchema, data);
    expect(friendlyProblems(result.error!, data).find((p) => p.field === 'id')?.message).toContain('只能用小写英文字母');
  });
});

describe('number style in the content check', () => {
  const withBody = (draft: boolean) => {
    const data = { ...(validCase() as Record<string, unknown>), draft };
    return caseText(data).replace('## 主要做法\n', '## 主要做法\n\n每户可贷 2-5 万元。\n');
  };

  it('refuses a published case that writes a range with a hyphen, naming the line', () => {
    const text = withBody(false);
    const line = text.split('\n').findIndex((l) => l.includes('2-5 万元')) + 1;
    expect(problemsOf(text)).toContain(`${FILE}:${line}  正文  数字范围用一字线“—”：把“2-5”写成“2—5”`);
  });

  it('only reminds on a draft, and leaves the source quoted in YAML comments alone', () => {
    const text = withBody(true).replace('---\n', '---\n# 原文第 3 行：贷款 2-5 万元\n');
    const { problems, notices } = checkCaseText(FILE, text);
    expect(problems.map(formatProblem).filter((p) => p.includes('一字线'))).toEqual([]);
    expect(notices.map(formatProblem).filter((p) => p.includes('一字线'))).toHaveLength(1);
  });
});
