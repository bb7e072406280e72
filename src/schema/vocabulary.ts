/**
 * The measure vocabulary lives in content/measures.yaml so editors can extend it by pull
 * request; this module reads it once at build time and checks its own shape.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { fromRoot } from '../lib/paths.ts';
import { friendlyProblems, parseWithChineseErrors } from './errors.ts';

export const VOCABULARY_FILE = fromRoot('content', 'measures.yaml');

const asciiId = z.string().regex(/^[a-z][a-z0-9-]*$/, '只能用小写英文字母、数字和连字符');

export const categorySchema = z.object({
  /** Stable ASCII key of the category. */
  id: asciiId,
  /** Chinese name shown to readers. */
  name: z.string().min(1),
  /** One line saying what belongs here. */
  definition: z.string().min(1),
});

export const measureSchema = z.object({
  /** Stable ASCII key used in case frontmatter, URLs and search filters. */
  id: asciiId,
  /** Chinese name shown to readers, e.g. 选派第一书记. */
  name: z.string().min(1),
  /** The category id this measure is grouped under. */
  category: z.string(),
  /** One-line definition shown on the measure's page. */
  definition: z.string().min(1),
  /** Other names readers search by (两委 for 村两委); a search for one finds the measure's cases. */
  aliases: z.array(z.string().min(2)).default([]),
  /** Words that suggest the measure in an article; used by the importer only. */
  keywords: z.array(z.string()).default([]),
});

export const vocabularySchema = z.object({ categories: z.array(categorySchema).min(1), measures: z.array(measureSchema).min(1) }).superRefine((v, ctx) => {
  const categoryIds = new Set(v.categories.map((c) => c.id));
  const seen = new Set<string>();
  v.measures.forEach((m, i) => {
    if (!categoryIds.has(m.category)) ctx.addIssue({ code: 'custom', path: ['measures', i, 'category'], message: `未知分类“${m.category}”` });
    if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: ['measures', i, 'id'], message: `措施 id“${m.id}”重复` });
    seen.add(m.id);
  });
});

export type Measure = z.output<typeof measureSchema>;
export type MeasureCategory = z.output<typeof categorySchema>;
export type Vocabulary = z.output<typeof vocabularySchema>;

export function loadVocabulary(file = VOCABULARY_FILE): Vocabulary {
  const data: unknown = parse(readFileSync(file, 'utf8'));
  const result = parseWithChineseErrors(vocabularySchema, data);
  if (!result.success) {
    const lines = friendlyProblems(result.error, data).map((p) => `  ${p.field}：${p.message}`);
    throw new Error(`措施词表 ${file} 有误：\n${lines.join('\n')}`);
  }
  return result.data;
}

export const vocabulary: Vocabulary = loadVocabulary();
export const measureIds = vocabulary.measures.map((m) => m.id) as [string, ...string[]];
export const measuresById = new Map(vocabulary.measures.map((m) => [m.id, m]));
export const categoriesById = new Map(vocabulary.categories.map((c) => [c.id, c]));
