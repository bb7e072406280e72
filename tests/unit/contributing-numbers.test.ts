/**
 * Every size CONTRIBUTING.md tells an editor (title and summary length, how many measures,
 * objectives and questions …) is the schema's own value: the guide is read and each stated
 * number compared with the constant the schema enforces.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_YEAR, LIMITS } from '../../src/schema/case.ts';
import { LABEL_LENGTH } from '../../src/schema/metric.ts';
import { fromRoot } from '../../src/lib/paths.ts';
import { MINUTES_PER_HOUR, TEACHING_LIMITS } from '../../src/schema/teaching.ts';
import { COLLECTION_LIMITS } from '../../src/schema/collection.ts';

const guide = readFileSync(fromRoot('CONTRIBUTING.md'), 'utf8');
const range = (l: { min: number; max: number }) => [l.min, l.max];

const STATED: [string, RegExp, number[]][] = [
  ['title length (example)', /^title: .*# (\d+)—(\d+) 字/gmu, range(LIMITS.title)],
  ['title length', /标题 (\d+)—(\d+) 字/gu, range(LIMITS.title)],
  ['summary length (example)', /^summary: .*# (\d+)—(\d+) 字/gmu, range(LIMITS.summary)],
  ['summary length', /摘要 (\d+)—(\d+) 字/gu, range(LIMITS.summary)],
  ['measures (example)', /# (\d+)—(\d+) 个措施 id/gu, range(LIMITS.measures)],
  ['measures', /(?<!主要)措施 (\d+)—(\d+) [项个]/gu, range(LIMITS.measures)],
  ['measures at most', /最多 (\d+) 项）/gu, [LIMITS.measures.max]],
  ['primary measures (example)', /# 可选，(\d+)—(\d+)：前几项是“主要措施”/gu, range(LIMITS.primaryMeasures)],
  ['primary measures', /主要措施 (\d+)—(\d+) 项/gu, range(LIMITS.primaryMeasures)],
  ['objectives', /学习目标，?\s*(\d+)—(\d+) 条/gu, range(LIMITS.objectives)],
  ['questions', /讨论题，?\s*(\d+)—(\d+) 道/gu, range(LIMITS.questions)],
  ['questions at least', /讨论题至少 (\d+) 道/gu, [LIMITS.questions.min]],
  ['characters of an objective or question', /每[条道]至少 (\d+) 个字/gu, [LIMITS.itemLength]],
  ['metric label length', /`label`[^\n]*?(\d+)—(\d+) 字/gu, range(LABEL_LENGTH)],
  ['first year', /(\d{4}) 至今年|不能早于 (\d{4})/gu, [FIRST_YEAR]],
  ['teaching courses', /\| (\d+)—(\d+) 门/gu, [TEACHING_LIMITS.courses.min, TEACHING_LIMITS.courses.max]],
  ['teaching audience', /学员对象，一句话 \| (\d+)—(\d+) 字/gu, range(TEACHING_LIMITS.audience)],
  ['teaching hours', /(\d+)—(\d+) 课时；每课时按 (\d+) 分钟算/gu, [...range(TEACHING_LIMITS.hours), MINUTES_PER_HOUR]],
  ['minutes of a class period', /每课时 (\d+) 分钟|`hours` × (\d+)|hours × (\d+)/gu, [MINUTES_PER_HOUR]],
  ['plan steps and minutes', /(\d+)—(\d+) 步，每步 (\d+)—(\d+) 分钟/gu, [...range(TEACHING_LIMITS.plan), ...range(TEACHING_LIMITS.minutes)]],
  ['answer points', /每组 (\d+)—(\d+) 条/gu, range(TEACHING_LIMITS.points)],
  ['key terms', /（术语，(\d+)—(\d+) 字）.*\| (\d+)—(\d+) 个 \|/gu, [2, 20, ...range(TEACHING_LIMITS.keyTerms)]],
  ['collection title', /^title: .*# 专题的题目：(\d+)—(\d+) 字/gmu, range(COLLECTION_LIMITS.title)],
  ['collection intro', /按什么顺序读，(\d+)—(\d+) 字/gu, range(COLLECTION_LIMITS.intro)],
  ['collection cases', /按教学顺序，(\d+)—(\d+) 个/gu, range(COLLECTION_LIMITS.cases)],
];

describe("CONTRIBUTING.md states the schema's numbers", () => {
  it.each(STATED)('%s', (_name, pattern, expected) => {
    const found = [...guide.matchAll(pattern)].map((m) =>
      m
        .slice(1)
        .filter((g) => g !== undefined)
        .map(Number),
    );
    expect(found.length).toBeGreaterThan(0);
    for (const numbers of found) expect(numbers).toEqual(expected);
  });

  it('has the after-import checklist with each point an editor must check', () => {
    const list = /### 导入之后：逐项核对\n([\s\S]*?)\n## /.exec(guide)?.[1] ?? '';
    for (const point of [
      '**id**',
      '`# 原文` 注释',
      '**level**',
      '**主要年份和起止年份**',
      '**来源标题和作者**',
      '**区划里没有的村**',
      '**增加单位**',
      '/search/',
      '/browse/',
    ])
      expect(list).toContain(point);
  });
});
