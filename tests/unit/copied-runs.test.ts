/**
 * The own-words comparison on small invented texts (no source report is ever copied into the
 * repository): what counts as a copied run, what does not, and where it is reported.
 */
import { describe, expect, it } from 'vitest';
import { MIN_COPIED_RUN, copiedRunMessage, findCopiedRuns } from '../../src/lib/copied-runs.ts';
import { copiedRunProblems } from '../../src/lib/own-words.ts';
import { formatProblem } from '../../src/lib/validate.ts';

// An invented report: a village sets up a cooperative and a canteen.
const REPORT = [
  '青石村党支部牵头成立蘑菇种植专业合作社，吸收社员120户，年销售额达到300余万元。',
  '村里还办起了老年互助食堂，每天为本村80岁以上老人提供午餐。',
  '支部书记说：“先富带后富，一个都不能少。”',
].join('\n');

describe('findCopiedRuns', () => {
  it('finds a clause copied word for word, with its line and length', () => {
    const body = '## 背景\n\n据报道，青石村党支部牵头成立蘑菇种植专业合作社。\n';
    const runs = findCopiedRuns(body, REPORT);
    expect(runs).toEqual([{ line: 3, text: '青石村党支部牵头成立蘑菇种植专业合作社', length: 19 }]);
    expect(copiedRunMessage(runs[0]!)).toBe('与原始报道雷同：“青石村党支部牵头成立蘑菇种植专业合作社”（19 字）');
  });

  it('counts lines from where the body starts in the file', () => {
    const runs = findCopiedRuns('第一行。\n村里还办起了老年互助食堂，每天为本村老人做饭。', REPORT, { firstLine: 40 });
    expect(runs.map((r) => r.line)).toEqual([41]);
  });

  it('sees through spaces around numerals, full-width forms and changed punctuation', () => {
    const body = '合作社吸收社员 １２０ 户、年销售额达到 300 余万元';
    const runs = findCopiedRuns(body, REPORT);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.text).toBe(body);
    expect(runs[0]!.length).toBe('合作社吸收社员120户年销售额达到300余万元'.length);
  });

  it('reports one run per stretch, however many windows it shares', () => {
    const body = '青石村党支部牵头成立蘑菇种植专业合作社，吸收社员120户。另起一句：村里还办起了老年互助食堂，每天为本村80岁以上老人提供午餐。';
    const runs = findCopiedRuns(body, REPORT);
    expect(runs.map((r) => r.text)).toEqual([
      '青石村党支部牵头成立蘑菇种植专业合作社，吸收社员120户',
      '村里还办起了老年互助食堂，每天为本村80岁以上老人提供午餐',
    ]);
  });

  it('finds a run that goes over a line break and list markup', () => {
    const body = '- **青石村党支部牵头成立**\n- 蘑菇种植专业合作社：规模不小';
    const runs = findCopiedRuns(body, REPORT);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.line).toBe(1);
    expect(copiedRunMessage(runs[0]!)).toBe('与原始报道雷同：“青石村党支部牵头成立** - 蘑菇种植专业合作社”（19 字）');
  });

  it('leaves out runs one character shorter than the limit', () => {
    // 14 shared characters, then a character the report does not have there.
    const fourteen = '青石村党支部牵头成立蘑菇种植';
    expect([...fourteen]).toHaveLength(MIN_COPIED_RUN - 1);
    expect(findCopiedRuns(`${fourteen}园区`, REPORT)).toEqual([]);
    expect(findCopiedRuns(`${fourteen}专`, REPORT)).toHaveLength(1);
  });

  it('accepts what the case cites in quotation marks or title marks', () => {
    expect(findCopiedRuns('支部书记的话是“先富带后富，一个都不能少”，村民都记得。', REPORT)).toEqual([]);
    expect(findCopiedRuns('见《青石村党支部牵头成立蘑菇种植专业合作社》一文。', REPORT)).toEqual([]);
    expect(findCopiedRuns('「青石村党支部牵头成立蘑菇种植专业合作社」', REPORT)).toEqual([]);
  });

  it('does not let a citation join two halves into one run', () => {
    // Each half alone is shorter than the limit; the quoted words between them do not count.
    expect(findCopiedRuns('青石村党支部牵头成立“蘑菇”种植专业合作社', REPORT)).toEqual([]);
  });

  it('does not let an unclosed quotation mark hide the rest of the text', () => {
    const runs = findCopiedRuns('他说“好\n村里还办起了老年互助食堂，每天为本村老人做饭。', REPORT);
    expect(runs.map((r) => r.line)).toEqual([2]);
  });

  it('finds nothing in a text written in its own words', () => {
    const body = '青石村由支部出面，把种蘑菇的农户组织进合作社，入社的有 120 户，一年卖出 300 余万元的货。';
    expect(findCopiedRuns(body, REPORT)).toEqual([]);
  });

  it('takes a shorter limit when asked', () => {
    expect(findCopiedRuns('老年互助食堂', REPORT, { minLength: 6 }).map((r) => r.length)).toEqual([6]);
    expect(findCopiedRuns('老年互助食堂', REPORT)).toEqual([]);
  });

  it('finds nothing against an empty or short report', () => {
    expect(findCopiedRuns('青石村党支部牵头成立蘑菇种植专业合作社', '')).toEqual([]);
    expect(findCopiedRuns('青石村党支部牵头成立蘑菇种植专业合作社', '青石村')).toEqual([]);
  });
});

describe('copiedRunProblems', () => {
  it('names the file and the line in the file, and compares a Traditional report in Simplified', () => {
    const traditional = '青石村黨支部牽頭成立蘑菇種植專業合作社，吸收社員120戶。';
    const body = '## 背景\n\n青石村党支部牵头成立蘑菇种植专业合作社，规模不小。\n';
    expect(copiedRunProblems({ file: 'content/cases/x.mdx', body, bodyLine: 30 }, traditional).map(formatProblem)).toEqual([
      'content/cases/x.mdx:32  正文  与原始报道雷同：“青石村党支部牵头成立蘑菇种植专业合作社”（19 字）',
    ]);
  });
});
