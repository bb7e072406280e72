/**
 * Dates in an article. The publication date stands on a date line near the title
 * (2014年09月11日16:16, 2020-05-07 09:10:36) or in a dateline (新华网贵州频道8月6日电);
 * years in the running text (2003年, 去年) are years of the work, which may lie decades
 * before publication.
 */
import { FIRST_YEAR } from '../../schema/case.ts';

const pad = (n: string | number): string => String(n).padStart(2, '0');

export interface PublicationDate {
  /** YYYY-MM-DD, or only month and day when a dateline gives no year. */
  date?: string;
  monthDay?: { month: number; day: number };
  /** Index of the line the date was found on. */
  line: number;
}

const FULL_DATE = /(?<!\d)((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))/;
const DATELINE = /^(\S{2,20}?)(\d{1,2})月(\d{1,2})日电/;

const valid = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * A date line is short: in a paragraph a full date (2003年10月12日，镇党委……) is an event,
 * not the publication, even when it opens the paragraph.
 */
export function publicationDate(lines: readonly string[], searchLines = 8): PublicationDate | undefined {
  for (let i = 0; i < Math.min(lines.length, searchLines); i++) {
    const line = lines[i]!;
    const m = FULL_DATE.exec(line);
    if (m && line.length <= 60) {
      const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
      if (valid(y, mo, d)) return { date: `${y}-${pad(mo)}-${pad(d)}`, line: i };
    }
    const dl = DATELINE.exec(line);
    if (dl) return { monthDay: { month: Number(dl[2]), day: Number(dl[3]) }, line: i };
  }
  return undefined;
}

/** The publisher named in a dateline: 新华网贵州频道8月6日电 → 新华网贵州频道. */
export function datelinePublisher(line: string): string | undefined {
  return DATELINE.exec(line)?.[1];
}

export interface WorkYears {
  /** Proposed main year of the work. */
  year?: number;
  /** First and last year mentioned, when they differ. */
  period?: { start: number; end: number };
  /** Each year with how often it was mentioned. */
  counts: Map<number, number>;
}

/**
 * Years of the work, from 2003年 in the text and from 今年/去年/前年 read against the
 * publication year. Years after publication are plans, not work done, and are left out.
 * The most mentioned year wins; a tie goes to the later year, the one the results belong to.
 */
export function workYears(body: string, publishedYear?: number): WorkYears {
  const counts = new Map<number, number>();
  const add = (y: number) => counts.set(y, (counts.get(y) ?? 0) + 1);
  const last = publishedYear ?? new Date().getFullYear();
  for (const m of body.matchAll(/(?<![\d.])((?:19|20)\d{2})\s*年(?!代)/g)) {
    const y = Number(m[1]);
    if (y >= FIRST_YEAR && y <= last) add(y);
  }
  if (publishedYear !== undefined) {
    const relative: [RegExp, number][] = [
      [/今年/g, 0],
      [/去年/g, 1],
      [/前年/g, 2],
    ];
    for (const [re, back] of relative) for (const _ of body.matchAll(re)) add(publishedYear - back);
  }
  if (counts.size === 0) return { counts };
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const years = [...counts.keys()];
  const start = Math.min(...years);
  const end = Math.max(...years);
  return { year: ranked[0]![0], counts, ...(start < end ? { period: { start, end } } : {}) };
}
