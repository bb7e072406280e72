/** Chinese renderings of dates, years and region paths. */

/** 2014-09-11 → 2014年9月11日 */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The year of the work, with its span when it ran over several years: 2003年（2002—2004年）. */
export function formatYears(year: number, period?: { start: number; end: number }): string {
  if (!period || (period.start === year && period.end === year)) return `${year}年`;
  return `${year}年（${period.start}—${period.end}年）`;
}

/** 北京市 › 门头沟区 › 妙峰山镇 */
export const formatRegion = (path: readonly string[]): string => path.join(' › ');
