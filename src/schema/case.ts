/**
 * The case schema: the single source of truth for what a case is. The content collection,
 * `npm run check`, the scaffold, the importer, the codebook and the CSV export all derive
 * from this module.
 */
import { z } from 'astro/zod';
import { LEVELS, regionSchema } from './region.ts';
import { metricSchema } from './metric.ts';
import { isoDate, sourceSchema } from './source.ts';
import { measureIds } from './vocabulary.ts';
import { CASE_ID_PATTERN } from './ids.ts';
import { teachingIssues, teachingSchema } from './teaching.ts';
import { MAX_PRIMARY_MEASURES } from '../lib/measure-use.ts';

/** Cases describe work in the People's Republic; nothing can be dated after this year. */
export const FIRST_YEAR = 1949;
export const currentYear = (): number => new Date().getFullYear();

const year = z.number().int().min(FIRST_YEAR).max(currentYear());

export { CASE_ID_PATTERN };

/**
 * A case lists every measure it uses; the bound only catches a pasted list or a slip, since
 * the whole vocabulary is not much larger.
 */
export const MAX_MEASURES = 20;
export { MAX_PRIMARY_MEASURES };

/**
 * Sizes an editor writes to. CONTRIBUTING.md states each of them, and a unit test holds the
 * guide to these values, so the two cannot drift apart.
 */
export const LIMITS = {
  /** Characters of the title. */
  title: { min: 4, max: 60 },
  /** Characters of the summary. */
  summary: { min: 10, max: 150 },
  /** Measures listed. */
  measures: { min: 1, max: MAX_MEASURES },
  /** How many of the first measures may be 主要措施. */
  primaryMeasures: { min: 1, max: MAX_PRIMARY_MEASURES },
  /** 学习目标. */
  objectives: { min: 1, max: 6 },
  /** 讨论题. */
  questions: { min: 2, max: 8 },
  /** Least characters of one objective or question. */
  itemLength: 4,
} as const;

export const caseSchema = z
  .strictObject({
    /** Stable ASCII id, kebab-case; it forms the URL (/cases/<id>/) and never changes. */
    id: z.string().max(80).regex(CASE_ID_PATTERN, '只能用小写英文字母、数字和单个连字符，如 shashi-three-ventures'),
    /** Title in Chinese: place, then the method. */
    title: z.string().min(LIMITS.title.min).max(LIMITS.title.max),
    /** One or two sentences on what was done and what came of it. */
    summary: z.string().min(LIMITS.summary.min).max(LIMITS.summary.max),
    /** Where the work happened, checked against GB/T 2260. */
    region: regionSchema,
    /** Level of the actor that did the work: 村, 乡镇, 县区, 地市 or 省. */
    level: z.enum(LEVELS),
    /** Main year of the work (not of the report); used by the year filter. */
    year,
    /** Span of the work when it ran over several years. */
    period: z.strictObject({ /** First year. */ start: year, /** Last year. */ end: year }).optional(),
    /** Every measure id from content/measures.yaml the case uses, most important first. */
    measures: z.array(z.enum(measureIds)).min(LIMITS.measures.min).max(LIMITS.measures.max),
    /** How many of the first measures are 主要措施 (1–3); without it, the first three (or all, if fewer). */
    primaryMeasures: z.number().int().min(LIMITS.primaryMeasures.min).max(LIMITS.primaryMeasures.max).optional(),
    /** Figures from the source, each with its unit and the source's hedge. */
    metrics: z.array(metricSchema).default([]),
    /** The report, speech or document the case is written from. */
    source: sourceSchema,
    /** 学习目标: what a trainee should take away. */
    objectives: z.array(z.string().min(LIMITS.itemLength)).min(LIMITS.objectives.min).max(LIMITS.objectives.max),
    /** 讨论题: questions for a class, shown at the end of the case and on handouts. */
    questions: z.array(z.string().min(LIMITS.itemLength)).min(LIMITS.questions.min).max(LIMITS.questions.max),
    /** 教学说明: courses, audience, 课时, class plan, answer points per question, key terms (src/schema/teaching.ts). */
    teaching: teachingSchema.optional(),
    /** Who wrote the case and answers for it. */
    editor: z.string().min(1),
    /**
     * When the case joined the casebook and when it was last revised, YYYY-MM-DD. Either may be
     * left out: the build then takes it from git (first and last commit of the file), and a file
     * git does not know yet takes the build's date. A date written here always wins over git.
     */
    added: isoDate.optional(),
    updated: isoDate.optional(),
    /** Drafts are validated but left out of the built site and the search index. */
    draft: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    if (c.period && c.period.start > c.period.end)
      ctx.addIssue({ code: 'custom', path: ['period', 'start'], message: `起始年 ${c.period.start} 晚于结束年 ${c.period.end}`, input: c.period.start });
    if (c.period && (c.year < c.period.start || c.year > c.period.end))
      ctx.addIssue({ code: 'custom', path: ['year'], message: `应在 period ${c.period.start}—${c.period.end} 之内`, input: c.year });
    if (c.primaryMeasures !== undefined && c.primaryMeasures > c.measures.length)
      ctx.addIssue({
        code: 'custom',
        path: ['primaryMeasures'],
        message: `多于 measures 的项数（${c.measures.length} 项）；主要措施只能从列出的措施里数`,
        input: c.primaryMeasures,
      });
    if (c.teaching) for (const issue of teachingIssues(c.teaching, c.questions)) ctx.addIssue({ code: 'custom', ...issue, params: { bare: true } });
    const seen = new Set<string>();
    c.measures.forEach((m, i) => {
      if (seen.has(m)) ctx.addIssue({ code: 'custom', path: ['measures', i], message: '措施重复列出', input: m });
      seen.add(m);
    });
  });

export type CaseInput = z.input<typeof caseSchema>;
export type CaseData = z.output<typeof caseSchema>;

/** The body sections every case has, in this order (讨论题 comes from `questions`). */
export const BODY_SECTIONS = ['背景', '主要做法', '成效', '经验与启示'] as const;
