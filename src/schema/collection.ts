/**
 * 专题: an ordered set of cases for one course, kept in content/collections/<id>.yaml. The file
 * name is the id and forms the URL (/collections/<id>/). Which case ids exist is only known
 * with the cases at hand, so that check lives with them (src/lib/validate-collections.ts).
 */
import { z } from 'astro/zod';
import { CASE_ID_PATTERN } from './ids.ts';

/** Sizes an editor writes to; CONTRIBUTING.md states them. */
export const COLLECTION_LIMITS = {
  title: { min: 4, max: 40 },
  intro: { min: 20, max: 600 },
  audience: { min: 4, max: 100 },
  cases: { min: 1, max: 30 },
  courses: { min: 1, max: 8 },
  hours: { min: 1, max: 60 },
} as const;

export const collectionSchema = z.strictObject({
  /** The collection's title: 抓党建促集体经济. */
  title: z.string().min(COLLECTION_LIMITS.title.min).max(COLLECTION_LIMITS.title.max),
  /** A paragraph on what the cases share and how to teach them together. */
  intro: z.string().min(COLLECTION_LIMITS.intro.min).max(COLLECTION_LIMITS.intro.max),
  /** Who the course is for. */
  audience: z.string().min(COLLECTION_LIMITS.audience.min).max(COLLECTION_LIMITS.audience.max),
  /** Case ids, in the order they are taught. */
  cases: z
    .array(z.string().regex(CASE_ID_PATTERN, '只能用小写英文字母、数字和单个连字符，即案例文件名去掉 .mdx'))
    .min(COLLECTION_LIMITS.cases.min)
    .max(COLLECTION_LIMITS.cases.max),
  /** Courses the collection serves. */
  courses: z.array(z.string().min(2)).min(COLLECTION_LIMITS.courses.min).max(COLLECTION_LIMITS.courses.max).optional(),
  /** 课时 for the whole collection; without it, the pages add up the cases' own teaching hours. */
  hours: z.number().int().min(COLLECTION_LIMITS.hours.min).max(COLLECTION_LIMITS.hours.max).optional(),
});

export type CollectionData = z.output<typeof collectionSchema>;
/** A collection as the site stores it: its data and its id (the file name). */
export type CollectionRecord = CollectionData & { id: string };
