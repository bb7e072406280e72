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
    expect(csv[1]).toBe('test-case,北京市,2003,承包费,50,,万元,,50万元,金额,元,500000,,');
  });
});
