import { describe, expect, it } from 'vitest';
import { findVillage, villagePlaceName } from '../../src/lib/gazetteer.ts';
import { checkCaseText, formatProblem } from '../../src/lib/validate.ts';
import { mutated } from '../helpers/case-text.ts';

const FILE = 'content/cases/test-case.mdx';
/** 涞源县北石佛镇 lists its villages as 牌坊村村民委员会, 北石佛村村民委员会 …: names that end in 村 already. */
const inBeishifo = (village: string) =>
  mutated((d) => {
    d['region'] = { province: '河北省', city: '保定市', county: '涞源县', town: '北石佛镇', village };
    d['level'] = '村';
  });

describe('village names as GB/T 2260 writes them', () => {
  it.each([
    ['陈家庄村委会', '陈家庄村'],
    ['牌坊村村民委员会', '牌坊村'],
    ['小红门村民委员会', '小红门村'],
    ['沟口子村村民委会', '沟口子村'],
    ['多福巷社区居委会', '多福巷社区'],
    ['芍药居五社区居民居委会', '芍药居五社区'],
    ['新兴里居委会', '新兴里'],
    ['机场工作区社区', '机场工作区社区'],
  ])('%s is the committee of %s', (committee, place) => expect(villagePlaceName(committee)).toBe(place));

  it('finds a village by the name an editor writes or by its committee, never with 村 doubled', () => {
    expect(findVillage('130630109', '牌坊村')?.code).toBe('130630109208');
    expect(findVillage('130630109', '牌坊村村民委员会')?.code).toBe('130630109208');
    expect(findVillage('130630109', '牌坊村村')).toBeUndefined();
  });

  it('the content check accepts 牌坊村 and tells what to do with 牌坊村村', () => {
    expect(checkCaseText(FILE, inBeishifo('牌坊村')).problems.map(formatProblem)).toEqual([]);
    const [problem] = checkCaseText(FILE, inBeishifo('牌坊村村')).problems.map(formatProblem);
    expect(problem).toMatch(/^content\/cases\/test-case\.mdx:\d+ {2}region\.village {2}“牌坊村村” 不是北石佛镇下辖的村或社区（GB\/T 2260 里没有）：/);
    expect(problem).toContain('请删去 village，把村名写进正文，并在 region.note 里说明它属于哪个行政村');
    expect(problem).toContain('可选：北石佛村、石道沟村');
  });
});
