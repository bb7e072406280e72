/** Builds case files for tests from a valid case, so fixtures cannot drift from the schema. */
import { stringify } from 'yaml';

export const VALID_BODY = `## 背景

某镇地处山区，村集体收入薄弱。

## 主要做法

**注意：**镇党委从企业选派干部回村任职。

## 成效

全镇17个村集体收入均有增长。

## 经验与启示

选对带头人是关键。
`;

export function validCase(): Record<string, unknown> {
  return {
    id: 'test-case',
    title: '测试镇：选派企业干部回村任职',
    summary: '测试镇从企业选派干部回村任支部书记，带动村集体增收。',
    region: { province: '北京市', county: '门头沟区', town: '妙峰山镇', village: '陈家庄村' },
    level: '乡镇',
    year: 2003,
    period: { start: 2002, end: 2004 },
    measures: ['capable-leaders', 'collective-economy'],
    metrics: [
      { label: '承包费', value: 50, unit: '万元' },
      { label: '培训人次', value: 396, unit: '人次' },
    ],
    source: { publisher: '测试出版方', title: '测试来源标题', date: '2024-11-21', script: '简', type: '讲话' },
    objectives: ['理解选派企业干部回村任职的做法'],
    questions: ['这一做法在你所在的村是否可行？', '能人治村有哪些风险？'],
    editor: '测试编辑',
    draft: false,
  };
}

/** A case file's text: YAML frontmatter between --- lines, then the body. */
export function caseText(data: unknown, body = VALID_BODY): string {
  return `---\n${stringify(data)}---\n\n${body}`;
}

/** A valid case with one change applied to its data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests write any field, wrong types included
export function mutated(change: (data: Record<string, any>) => void): string {
  const data = validCase();
  change(data);
  return caseText(data);
}
