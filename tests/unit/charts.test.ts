import { describe, expect, it } from 'vitest';
import { PROVINCE_TILES, SHADES, barLengths, comparableFigures, provinceTiles } from '../../src/lib/charts.ts';
import { provinces } from '../../src/lib/gazetteer.ts';

describe('bars', () => {
  it('scale to the largest value and keep a small non-zero value visible', () => {
    expect(
      barLengths(
        [
          { label: 'a', value: 10 },
          { label: 'b', value: 5 },
          { label: 'c', value: 0 },
          { label: 'd', value: 0.01 },
        ],
        200,
      ),
    ).toEqual([200, 100, 0, 1]);
    expect(barLengths([{ label: 'a', value: 0 }], 200)).toEqual([0]);
  });
});

describe('the province tile map', () => {
  it('has one tile per province-level division, each on its own cell, and finds every mainland one in GB/T 2260', () => {
    expect(PROVINCE_TILES).toHaveLength(34);
    expect(new Set(PROVINCE_TILES.map((t) => `${t.row},${t.col}`)).size).toBe(34);
    const tiles = provinceTiles(provinces, new Map());
    expect(
      tiles
        .filter((t) => t.code)
        .map((t) => t.code)
        .sort(),
    ).toEqual(provinces.map((p) => p.code).sort());
  });

  it('shades provinces with cases by their rank, the most cases darkest, and leaves the others unshaded', () => {
    const code = (short: string) => provinces.find((p) => p.name.startsWith(short))!.code;
    const tiles = provinceTiles(
      provinces,
      new Map([
        [code('北京'), 1],
        [code('湖北'), 3],
        [code('贵州'), 9],
        [code('福建'), 9],
      ]),
    );
    const shade = (short: string) => tiles.find((t) => t.short === short)!.shade;
    expect(shade('北京')).toBe(1);
    expect(shade('贵州')).toBe(shade('福建'));
    expect(shade('贵州')).toBeGreaterThan(shade('湖北'));
    expect(shade('贵州')).toBeLessThanOrEqual(SHADES);
    expect(shade('新疆')).toBe(0);
  });
});

describe('figures compared on a measure page', () => {
  const f = (href: string, kind: string, value: number) => ({
    caseTitle: href,
    href,
    label: 'x',
    display: String(value),
    kind,
    unit: kind === '金额' ? '元' : '人',
    value,
  });

  it('takes the kind the most cases report, largest first', () => {
    const picked = comparableFigures([f('a', '金额', 5), f('b', '金额', 9), f('a', '人数', 3), f('c', '金额', 1), f('b', '人数', 4)]);
    expect(picked?.kind).toBe('金额');
    expect(picked?.figures.map((x) => x.value)).toEqual([9, 5, 1]);
  });

  it('between kinds reported by as many cases, takes the one with more figures', () => {
    const picked = comparableFigures([f('a', '人数', 3), f('b', '人数', 4), f('a', '金额', 5), f('b', '金额', 9), f('b', '金额', 2)]);
    expect(picked?.kind).toBe('金额');
    expect(picked?.figures.map((x) => x.value)).toEqual([9, 5, 2]);
  });

  it('shows nothing when no kind is reported by two cases', () => {
    expect(comparableFigures([f('a', '金额', 5), f('a', '金额', 6), f('b', '人数', 1)])).toBeUndefined();
  });
});
