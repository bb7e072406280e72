import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/schema/case.ts';
import { UNITS } from '../../src/schema/units.ts';
import { openCase } from '../../src/lib/open-data.ts';
import { compareRows, sharedMark, type CompareRow } from '../../src/lib/compare.ts';
import { MAX_COMPARED, parseCompareIds, serializeCompareIds, toggleCompareId } from '../../src/lib/compare-ids.ts';
import { comparisonTableHtml } from '../../src/lib/compare-markup.ts';
import { validCase } from '../helpers/case-text.ts';

const KINDS = [...new Set(Object.values(UNITS).map((u) => u.kind))];
const open = (change: Record<string, unknown>) => openCase(caseSchema.parse({ ...validCase(), ...change }), (id) => `/cases/${id}/`);
const row = (rows: CompareRow[], key: string) => rows.find((r) => r.key === key)!;

describe('compare ids', () => {
  it('keeps well-formed ids once, in order, names the malformed, and sets aside those past the fourth', () => {
    expect(parseCompareIds(' b-case,a-case,b-case,,<x>,../y,c,d,e,f')).toEqual({
      ids: ['b-case', 'a-case', 'c', 'd'],
      malformed: ['<x>', '../y'],
      extra: ['e', 'f'],
    });
    expect(parseCompareIds(null)).toEqual({ ids: [], malformed: [], extra: [] });
  });

  it('toggles without passing four, and round-trips through the URL form', () => {
    let ids: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) ids = toggleCompareId(ids, id);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect(ids).toHaveLength(MAX_COMPARED);
    expect(toggleCompareId(ids, 'b')).toEqual(['a', 'c', 'd']);
    expect(parseCompareIds(serializeCompareIds(ids)).ids).toEqual(ids);
  });

  it('marks shared measures in words', () => {
    expect([sharedMark(1, 3), sharedMark(2, 3), sharedMark(3, 3), sharedMark(2, 2)]).toEqual(['', '2个案例共有', '共同', '共同']);
  });
});

describe('comparison rows', () => {
  const a = open({
    id: 'case-a',
    measures: ['first-secretary', 'capable-leaders', 'collective-economy'],
    metrics: [
      { label: '村集体收入', value: 300, unit: '万元', qualifier: '多' },
      { label: '培训人次', value: 396, unit: '人次' },
      { label: '贷款额度', value: 2, max: 5, unit: '万元' },
    ],
  });
  const b = open({
    id: 'case-b',
    region: { province: '江苏省', city: '盐城市', county: '东台市', town: '溱东镇' },
    level: '村',
    year: 2016,
    period: undefined,
    measures: ['collective-economy', 'grid-services'],
    metrics: [
      { label: '入社农户比例', value: 90, unit: '%', qualifier: '以上' },
      { label: '投入资金', value: 50000, unit: '元', qualifier: '约' },
    ],
  });
  const c = open({ id: 'case-c', measures: ['capable-leaders', 'collective-economy'], metrics: [] });

  it('has one column per case and the fields in a fixed order, figures by kind in the order of units.yaml', () => {
    const { columns, rows } = compareRows([a, b], KINDS);
    expect(columns.map((x) => x.id)).toEqual(['case-a', 'case-b']);
    const percentKind = UNITS['%']!.kind;
    expect(rows.map((r) => r.label)).toEqual(['摘要', '地区', '层级', '年份', '措施', '数据：金额', '数据：人次', `数据：${percentKind}`, '学习目标']);
    expect(row(rows, 'region').cells).toEqual(['北京市 › 门头沟区 › 妙峰山镇 › 陈家庄村', '江苏省 › 盐城市 › 东台市 › 溱东镇']);
    expect(row(rows, 'year').cells).toEqual(['2003年（2002—2004年）', '2016年']);
    expect(row(rows, 'level').cells).toEqual(['乡镇', '村']);
  });

  it('puts figures of one kind on one row, each with the hedge the source wrote', () => {
    const { rows } = compareRows([a, b], KINDS);
    expect(row(rows, 'metrics-金额').cells).toEqual([
      [
        { label: '村集体收入', display: '300多万元', note: null },
        { label: '贷款额度', display: '2—5万元', note: null },
      ],
      [{ label: '投入资金', display: '约50000元', note: null }],
    ]);
    // A kind only one case has still gets its row, empty for the other.
    expect(row(rows, 'metrics-人次').cells).toEqual([[{ label: '培训人次', display: '396人次', note: null }], []]);
    expect(row(rows, `metrics-${UNITS['%']!.kind}`).cells[1]).toEqual([{ label: '入社农户比例', display: '90%以上', note: null }]);
  });

  it('counts for each measure how many compared cases list it, shared ones first', () => {
    const { rows, sharedByAll } = compareRows([a, b, c], KINDS);
    const measures = row(rows, 'measures').cells as { id: string; sharedBy: number }[][];
    expect(measures[0]!.map((m) => [m.id, m.sharedBy])).toEqual([
      ['collective-economy', 3],
      ['capable-leaders', 2],
      ['first-secretary', 1],
    ]);
    expect(measures[1]!.map((m) => [m.id, m.sharedBy])).toEqual([
      ['collective-economy', 3],
      ['grid-services', 1],
    ]);
    expect(sharedByAll).toEqual(['collective-economy']);
    // The third case has no figures: no figure rows are invented for it.
    expect(compareRows([c, c], KINDS).rows.filter((r) => r.type === 'metrics')).toEqual([]);
  });
});

describe('comparison table markup', () => {
  const links = { caseUrl: (id: string) => `/cases/${id}/`, measureUrl: (id: string) => `/measures/${id}/` };
  const hostile = open({
    id: 'case-x',
    title: '测试镇：<img src=x onerror=alert(1)>',
    metrics: [{ label: '<b>收入</b>', value: 3, unit: '万元', note: '"引号"' }],
  });
  const plain = open({ id: 'case-y' });

  it('heads columns with the cases and rows with the fields, and marks shared measures in words', () => {
    const html = comparisonTableHtml(compareRows([hostile, plain], KINDS), links);
    expect(html.match(/<th scope="col">/g)).toHaveLength(3);
    expect(html).toContain('<th scope="row">措施</th>');
    expect(html).toContain('<a href="/measures/capable-leaders/">能人治村</a><strong class="shared-mark">（共同）</strong>');
    expect(html).toContain('aria-label="从对比中移除“测试镇：&lt;img src=x onerror=alert(1)&gt;”"');
  });

  it('escapes everything that comes from a case', () => {
    const html = comparisonTableHtml(compareRows([hostile, plain], KINDS), links);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;收入&lt;/b&gt;：<span class="figure">3万元</span>');
  });
});
