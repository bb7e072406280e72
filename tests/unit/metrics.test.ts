/** Honest numbers: a normalised figure, a sum and a comparison keep the source's hedge. */
import { describe, expect, it } from 'vitest';
import { compareFigures, formatNormalised, normalise, sumFigures, type Figure } from '../../src/lib/metrics.ts';
import { UNITS } from '../../src/schema/units.ts';
import { metricSchema, withDerived, writtenPart } from '../../src/schema/metric.ts';
import type { Qualifier } from '../../src/schema/units.ts';

const n = (value: number, unit: string, qualifier?: Qualifier, max?: number) => normalise({ value, unit, qualifier, max } satisfies Figure);

describe('normalise', () => {
  it.each([
    ['exact', n(50, '万元'), { approximate: false, bound: '', atLeast: 500000, atMost: 500000 }],
    ['约', n(300, '人', '约'), { approximate: true, bound: '', atLeast: undefined, atMost: undefined }],
    ['多', n(300, '万元', '多'), { approximate: true, bound: 'lower', atLeast: 3000000, atMost: undefined }],
    ['余', n(80, '人', '余'), { approximate: true, bound: 'lower', atLeast: 80, atMost: undefined }],
    ['超过', n(90, '%', '超过'), { approximate: false, bound: 'lower', atLeast: 90, atMost: undefined }],
    ['以上', n(5, '万亩', '以上'), { approximate: false, bound: 'lower', atLeast: 33333500, atMost: undefined }],
    ['不足', n(5, '人', '不足'), { approximate: false, bound: 'upper', atLeast: undefined, atMost: 5 }],
    ['以下', n(2, '万元', '以下'), { approximate: false, bound: 'upper', atLeast: undefined, atMost: 20000 }],
    ['近', n(300, '户', '近'), { approximate: true, bound: 'upper', atLeast: undefined, atMost: 300 }],
    ['达', n(3, '亿元', '达'), { approximate: false, bound: '', atLeast: 300000000, atMost: 300000000 }],
    ['range', n(2, '万元', undefined, 5), { approximate: false, bound: '', atLeast: 20000, atMost: 50000 }],
    ['约 range', n(2, '万元', '约', 5), { approximate: true, bound: '', atLeast: 20000, atMost: 50000 }],
  ])('%s keeps what the source said', (_name, figure, expected) => {
    expect({ approximate: figure.approximate, bound: figure.bound, atLeast: figure.atLeast, atMost: figure.atMost }).toEqual(expected);
  });

  it('writes the base-unit figure with its hedge, never as an exact number', () => {
    expect(formatNormalised(n(300, '万元', '多'))).toBe('超过3000000元');
    expect(formatNormalised(n(700, '万人次', '余'))).toBe('超过7000000人次');
    expect(formatNormalised(n(3, '万人', '约'))).toBe('约30000人');
    expect(formatNormalised(n(5, '万亩', '以上'))).toBe('33333500平方米以上');
    expect(formatNormalised(n(2, '万元', undefined, 5))).toBe('20000—50000元');
    expect(formatNormalised(n(50, '万元'))).toBe('500000元');
  });
});

describe('kinds that add up', () => {
  it('keeps villages, projects and organisations apart and adds only kinds of one sort of thing', () => {
    // 个 counts projects and organisations alike (content/cases use it for both), so it cannot add up.
    for (const unit of ['个', '项', '家', '件', '次', '%', '周', '年']) expect(UNITS[unit]?.additive, unit).toBe(false);
    for (const unit of ['元', '万元', '人', '名', '户', '村', '公斤', '亩']) expect(UNITS[unit]?.additive, unit).toBe(true);
    expect(new Set(['村', '个', '项', '家'].map((u) => UNITS[u]?.kind)).size).toBe(4);
  });
});

describe('sumFigures', () => {
  const total = (...figures: ReturnType<typeof n>[]) => [...sumFigures(figures).values()].map((t) => t.display);

  it('is exact only when every part is', () => {
    expect(total(n(50, '万元'), n(3150, '万元'), n(200, '元'))).toEqual(['32000200元']);
    expect(sumFigures([n(50, '万元'), n(200, '元')]).get('金额')).toMatchObject({ exact: true, value: 500200, count: 2 });
  });

  it('says 至少 when a part is a lower bound or 多/余', () => {
    expect(total(n(300, '万元', '多'), n(50, '万元'))).toEqual(['至少3500000元']);
    expect(total(n(80, '人', '余'), n(20, '名'), n(1, '万人', '超过'))).toEqual(['至少10100人']);
    expect(sumFigures([n(300, '万元', '多'), n(50, '万元')]).get('金额')?.exact).toBe(false);
  });

  it('says 至多 for upper bounds, 约 when the hedges point both ways or a part is 约', () => {
    expect(total(n(300, '户', '近'), n(20, '户'))).toEqual(['至多320户']);
    expect(total(n(300, '户', '近'), n(20, '户', '以上'))).toEqual(['约320户']);
    expect(total(n(3, '万人', '约'), n(500, '人'))).toEqual(['约30500人']);
  });

  it('adds ranges as ranges', () => {
    expect(total(n(2, '万元', undefined, 5), n(1, '万元'))).toEqual(['30000—60000元']);
  });

  it('leaves out kinds that do not add up, and keeps kinds apart', () => {
    const totals = sumFigures([n(3, '个'), n(5, '项'), n(90, '%'), n(1, '年'), n(2, '村'), n(3, '村'), n(10, '人')]);
    expect([...totals.keys()].sort()).toEqual(['人数', '村数']);
    expect(totals.get('村数')?.display).toBe('5村');
  });
});

describe('compareFigures', () => {
  it('answers only what the sources guarantee', () => {
    expect(compareFigures(n(300, '万元', '多'), n(200, '万元'))).toBe(1);
    expect(compareFigures(n(200, '万元'), n(300, '万元', '超过'))).toBe(-1);
    expect(compareFigures(n(50, '万元'), n(500000, '元'))).toBe(0);
    expect(compareFigures(n(300, '人', '约'), n(280, '人'))).toBeUndefined();
    expect(compareFigures(n(300, '人', '近'), n(280, '人'))).toBeUndefined();
    expect(compareFigures(n(300, '人', '近'), n(400, '人'))).toBe(-1);
    expect(compareFigures(n(3, '个'), n(2, '项'))).toBeUndefined();
  });
});

describe('a metric in the content store', () => {
  // The store keeps a metric as written and the pages work out the rest again (src/lib/cases.ts):
  // what the pages show must be exactly what the schema gave.
  it.each([
    { label: '发放贴息贷款', value: 350, unit: '万元' },
    { label: '带动就业', value: 300, unit: '人', qualifier: '余', note: '含季节性务工' },
    { label: '流转土地', value: 2, max: 5, unit: '万亩', qualifier: '约' },
    { label: '满意率', value: 90, unit: '%', qualifier: '超过' },
  ])('keeps $label as written and gives back the same metric', (written) => {
    const parsed = metricSchema.parse(written);
    expect(writtenPart(parsed)).toEqual(written);
    expect(withDerived(writtenPart(parsed))).toEqual(parsed);
  });
});
