import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UNITS, UNITS_FILE, UNIT_NAMES, loadUnits } from '../../src/schema/units.ts';
import { metricSchema } from '../../src/schema/metric.ts';

const dir = mkdtempSync(join(tmpdir(), 'casebook-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (text: string) => {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
};

describe('content/units.yaml', () => {
  it('is the list the metric schema accepts, with 套, 台, 辆 and the durations', () => {
    for (const unit of ['套', '台', '辆', '天', '周', '个月', '年']) expect(UNIT_NAMES).toContain(unit);
    expect(metricSchema.parse({ label: '大型农机具', value: 8, unit: '套' }).normalised).toMatchObject({ kind: '套数', unit: '套', value: 8 });
    expect(metricSchema.parse({ label: '轮训', value: 1, unit: '周' }).normalised).toMatchObject({ kind: '时长', unit: '天', value: 7 });
    expect(metricSchema.safeParse({ label: '某物', value: 1, unit: '担' }).success).toBe(false);
  });

  it('takes a unit an editor adds under its kind', () => {
    const added = readFileSync(UNITS_FILE, 'utf8').replace(/(- kind: 重量\n {2}base: 公斤\n {2}additive: true\n {2}units:\n)/, '$1    担: 50\n');
    expect(added).toContain('担: 50');
    const units = loadUnits(write(added));
    expect(units['担']).toEqual({ kind: '重量', base: '公斤', factor: 50, additive: true });
    expect(Object.keys(units)).toEqual(expect.arrayContaining(Object.keys(UNITS)));
  });

  it.each([
    ['- kind: 重量\n  base: 公斤\n  additive: true\n  units:\n    吨: 1000\n', '基本单位“公斤”必须列在 units 里，折算数为 1'],
    [
      '- kind: 甲\n  base: 个\n  additive: false\n  units:\n    个: 1\n- kind: 乙\n  base: 座\n  additive: false\n  units:\n    座: 1\n    个: 2\n',
      '单位“个”重复',
    ],
    ['- kind: 长度\n  base: 公里\n  additive: true\n  units:\n    公里: 1\n    "km 2": 1\n', '单位只能由汉字组成（或写 %）'],
    ['- kind: 座数\n  base: 座\n  units:\n    座: 1\n', '0.additive：additive 应写 true'],
  ])('refuses a broken file in Chinese: %j', (text, message) => {
    const file = write(text);
    expect(() => loadUnits(file)).toThrow(`单位表 ${file} 有误`);
    expect(() => loadUnits(file)).toThrow(message);
  });
});
