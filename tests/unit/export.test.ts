import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/schema/case.ts';
import { toCsv } from '../../src/lib/csv.ts';
import { caseColumns, metricColumns, metricRows } from '../../src/lib/export.ts';
import { validCase } from '../helpers/case-text.ts';

describe('CSV export', () => {
  const data = caseSchema.parse({ ...validCase(), title: '带逗号,和"引号"的标题' });

  it('quotes commas and quotes, and starts with a BOM for Excel', () => {
    const csv = toCsv([data], caseColumns);
    expect(csv.startsWith('\uFEFFid,title,province,')).toBe(true);
    expect(csv).toContain(
      'test-case,"带逗号,和""引号""的标题",北京市,,门头沟区,妙峰山镇,陈家庄村,110109108205,乡镇,2003,2002,2004,capable-leaders;collective-economy,能人治村;发展村集体经济,',
    );
  });

  it('writes one row per figure with the normalised value', () => {
    const csv = toCsv(metricRows([data]), metricColumns).split('\r\n');
    expect(csv).toHaveLength(1 + data.metrics.length + 1);
    expect(csv[1]).toBe('test-case,"带逗号,和""引号""的标题",北京市,2003,承包费,50,,万元,,0,,50万元,金额,1,元,500000,,500000,500000,');
  });

  it('keeps the hedge of a figure in flag and limit columns', () => {
    const hedged = caseSchema.parse({
      ...validCase(),
      metrics: [
        { label: '年外销水产品', value: 300, unit: '万公斤', qualifier: '多' },
        { label: '贷款额度', value: 2, max: 5, unit: '万元' },
        { label: '参训党员', value: 50, unit: '人', qualifier: '不足' },
      ],
    });
    const header = toCsv([], metricColumns).replace('\uFEFF', '').trim().split(',');
    const rows = toCsv(metricRows([hedged]), metricColumns)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell])));
    const pick = ['qualifier', 'approximate', 'bound', 'additive', 'base_value', 'base_max', 'base_at_least', 'base_at_most'];
    expect(rows.map((r) => pick.map((k) => r[k]))).toEqual([
      ['多', '1', 'lower', '1', '3000000', '', '3000000', ''],
      ['', '0', '', '1', '20000', '50000', '20000', '50000'],
      ['不足', '0', 'upper', '1', '50', '', '', '50'],
    ]);
  });

  it('neutralises a title Excel would read as a formula', () => {
    const evil = caseSchema.parse({ ...validCase(), title: '=HYPERLINK("http://x","案例")' });
    const line = toCsv(metricRows([evil]), metricColumns).split('\r\n')[1]!;
    expect(line.startsWith(`test-case,"'=HYPERLINK(`)).toBe(true);
  });
});
