/**
 * 教学说明 in a case's frontmatter: every part optional, each checked for shape, and checked
 * against the rest of the case (one list of answer points per discussion question, the class
 * plan adding up to the hours), with the checker's Chinese `file:line 字段 说明` lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaseText, formatProblem } from '../../src/lib/validate.ts';
import { fromRoot } from '../../src/lib/paths.ts';
import { MINUTES_PER_HOUR } from '../../src/schema/teaching.ts';
import { mutated } from '../helpers/case-text.ts';

const FILE = 'content/cases/test-case.mdx';
const problemsOf = (text: string) => checkCaseText(FILE, text).problems.map(formatProblem);

/** Full notes for the test case, whose two questions the answers follow. */
const notes = () => ({
  courses: ['基层党建实务'],
  audience: '村党组织书记',
  hours: 1,
  plan: [
    { step: '阅读案例', minutes: 15 },
    { step: '分组讨论', minutes: 30 },
  ],
  answers: [['看当地有没有这样的企业干部', '看群众是否认可'], ['企业利益与集体利益混同']],
  keyTerms: [{ term: '能人治村', meaning: '选经济能人担任村干部' }],
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests write any shape, wrong ones included
const withNotes = (change: (t: Record<string, any>) => void = () => {}) =>
  mutated((d) => {
    const t = notes() as Record<string, unknown>;
    change(t);
    d['teaching'] = t;
  });

describe('valid teaching notes', () => {
  it('are accepted in full, and parsed as written', () => {
    const { problems, checked } = checkCaseText(FILE, withNotes());
    expect(problems).toEqual([]);
    expect(checked?.data.teaching).toEqual(notes());
  });

  it('are optional, and so is each of their parts', () => {
    expect(problemsOf(mutated(() => {}))).toEqual([]);
    for (const part of Object.keys(notes())) expect(problemsOf(withNotes((t) => delete t[part])), part).toEqual([]);
    // A plan without hours, or hours without a plan, has nothing to add up against.
    expect(problemsOf(withNotes((t) => delete t['hours']))).toEqual([]);
  });
});

describe('teaching notes that do not fit the case get one Chinese line each', () => {
  // In the test case's file teaching: is line 38, and its parts follow in the order of notes().
  const cases: [string, string, string[]][] = [
    [
      'more answer lists than questions',
      withNotes((t) => t['answers'].push(['多出来的一组要点'])),
      [`${FILE}:52  teaching.answers.2  多出的一组答案要点：讨论题只有2道；answers 按顺序每道题一组，请删去或补上对应的讨论题`],
    ],
    [
      'fewer answer lists than questions',
      withNotes((t) => t['answers'].pop()),
      [`${FILE}:48  teaching.answers  只有1组答案要点，讨论题有2道；answers 按顺序每道题一组，请为第2题补上要点`],
    ],
    [
      'an empty list of answers',
      withNotes((t) => (t['answers'] = [])),
      [`${FILE}:48  teaching.answers  只有0组答案要点，讨论题有2道；answers 按顺序每道题一组，请为第1—2题补上要点`],
    ],
    [
      'a plan that does not fill the hours',
      withNotes((t) => (t['plan'][1].minutes = 20)),
      [`${FILE}:43  teaching.plan  教学安排合计35分钟，与 hours 的1课时（45分钟，每课时45分钟）不符；请调整各步的 minutes 或 hours`],
    ],
    [
      'a plan longer than the hours',
      withNotes((t) => {
        t['hours'] = 2;
        t['plan'][0].minutes = 90;
      }),
      [`${FILE}:43  teaching.plan  教学安排合计120分钟，与 hours 的2课时（90分钟，每课时45分钟）不符；请调整各步的 minutes 或 hours`],
    ],
  ];
  it.each(cases)('%s', (_kind, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});

describe('teaching notes of the wrong shape', () => {
  const cases: [string, string, string[]][] = [
    ['hours that are not whole 课时', withNotes((t) => (t['hours'] = 1.5)), [`${FILE}:42  teaching.hours  应为整数，实际写的是1.5（数字）`]],
    ['hours written as text', withNotes((t) => (t['hours'] = '两课时')), [`${FILE}:42  teaching.hours  应为数字，实际写的是“两课时”（文本）`]],
    ['a step without minutes', withNotes((t) => delete t['plan'][0].minutes), [`${FILE}:44  teaching.plan.0.minutes  缺少必填字段`]],
    [
      'a step of no minutes, which also leaves the plan short',
      withNotes((t) => (t['plan'][0].minutes = 0)),
      [
        `${FILE}:43  teaching.plan  教学安排合计30分钟，与 hours 的1课时（45分钟，每课时45分钟）不符；请调整各步的 minutes 或 hours`,
        `${FILE}:45  teaching.plan.0.minutes  0 太小：不能小于 1`,
      ],
    ],
    ['an empty list of answer points', withNotes((t) => (t['answers'][1] = [])), [`${FILE}:51  teaching.answers.1  至少要有 1 项，实际 0 项`]],
    [
      'answer points written as one text',
      withNotes((t) => (t['answers'][1] = '一段话')),
      [`${FILE}:51  teaching.answers.1  应为列表，实际写的是“一段话”（文本）`],
    ],
    ['a key term without its meaning', withNotes((t) => delete t['keyTerms'][0].meaning), [`${FILE}:53  teaching.keyTerms.0.meaning  缺少必填字段`]],
    [
      'a misspelt part',
      withNotes((t) => (t['keyterms'] = [{ term: '能人治村', meaning: '选能人任村干部' }])),
      [`${FILE}:55  teaching.keyterms  不认识的字段 “keyterms”（拼写错误或多余的字段）`],
    ],
    ['notes written as text', mutated((d) => (d['teaching'] = '见教案')), [`${FILE}:38  teaching  应为对象（缩进的子字段），实际写的是“见教案”（文本）`]],
  ];
  it.each(cases)('%s', (_kind, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it('follow the casebook’s number style in their text', () => {
    const text = withNotes((t) => (t['plan'][0].step = '读第2-3节'));
    expect(problemsOf(text)).toEqual([`${FILE}:44  teaching  数字范围用一字线“—”：把“2-3”写成“2—3”`]);
  });
});

describe('the five cases', () => {
  const dir = fromRoot('content', 'cases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

  it.each(files)('%s has full teaching notes, one answer list per question', (name) => {
    const data = checkCaseText(`content/cases/${name}`, readFileSync(join(dir, name), 'utf8')).checked?.data;
    const teaching = data?.teaching;
    expect(teaching?.courses?.length).toBeGreaterThan(0);
    expect(teaching?.audience).toBeTruthy();
    expect(teaching?.answers?.length).toBe(data?.questions.length);
    expect(teaching?.plan?.reduce((sum, s) => sum + s.minutes, 0)).toBe((teaching?.hours ?? 0) * MINUTES_PER_HOUR);
    expect(teaching?.keyTerms?.length).toBeGreaterThan(0);
  });
});
