/**
 * Who did the work, read from the report's own words: 康桥村党总支 → a village, 溱东镇党委 → a
 * town, 汇川区区委 → a county. The case's `level` is the actor's level, which is not always the
 * smallest place the report names (a county's report names many villages as examples).
 */
import type { Level } from '../../schema/region.ts';

/** Bodies that act for a place: a party organisation or committee, named right after the place. */
const ORGANISATION = /(?:党总支|党支部|党委|党工委|党组织|两委|“两委”|村委会|居委会|[区县市州省]委)/gu;
/** Longest place name considered in front of an organisation. */
const MAX_PLACE = 12;

export interface Actor {
  /** The place as written in front of the organisation: 康桥村. */
  place: string;
  level: Level;
  /** The words that named the actor: 康桥村党总支. */
  words: string;
}

/**
 * The first actor in `text` whose place is one of `places` (name → level). Only a real place
 * counts: in 增强村党组织服务功能 the 村 is not a village's name, and no known place ends there.
 */
export function findActor(text: string, places: ReadonlyMap<string, Level>): Actor | undefined {
  for (const m of text.matchAll(ORGANISATION)) {
    const end = m.index;
    // The longest known place that ends where the organisation starts: 门头沟区妙峰山镇 → 妙峰山镇.
    // 汇川区委 names 汇川区 with its last character shared: try the name with it put back.
    const shared = /^[区县市州省]委$/u.test(m[0]) ? m[0][0]! : '';
    for (let len = Math.min(MAX_PLACE, end); len >= 2; len--) {
      const written = text.slice(end - len, end);
      for (const place of [written, ...(shared ? [`${written}${shared}`] : [])]) {
        const level = places.get(place);
        if (level) return { place, level, words: `${written}${m[0]}` };
      }
    }
  }
  return undefined;
}
