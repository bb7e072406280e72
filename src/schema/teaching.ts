/**
 * 教学说明: optional notes for the instructor who teaches a case. Every part is optional, so an
 * editor can add what they have; what is written is checked against the case itself (answer
 * points against the discussion questions, the class plan against the hours) in caseSchema.
 */
import { z } from 'astro/zod';

/** One 课时 is a 45-minute class period; a class plan is measured against it. */
export const MINUTES_PER_HOUR = 45;

/** Sizes an editor writes to; CONTRIBUTING.md states them. */
export const TEACHING_LIMITS = {
  /** Courses the case suits. */
  courses: { min: 1, max: 8 },
  /** Characters of the audience line. */
  audience: { min: 4, max: 100 },
  /** Whole 课时. */
  hours: { min: 1, max: 16 },
  /** Steps of the class plan, and minutes of one step. */
  plan: { min: 1, max: 12 },
  minutes: { min: 1, max: 180 },
  /** Answer points for one question. */
  points: { min: 1, max: 8 },
  /** Key terms. */
  keyTerms: { min: 1, max: 12 },
  /** Least characters of a course, a step, an answer point or a term's meaning. */
  itemLength: 2,
} as const;

const item = z.string().min(TEACHING_LIMITS.itemLength);

export const teachingSchema = z.strictObject({
  /** Courses the case suits: 基层党建实务, 农村集体经济. */
  courses: z.array(item).min(TEACHING_LIMITS.courses.min).max(TEACHING_LIMITS.courses.max).optional(),
  /** Who the class is for: 村党组织书记、乡镇组织委员. */
  audience: z.string().min(TEACHING_LIMITS.audience.min).max(TEACHING_LIMITS.audience.max).optional(),
  /** Suggested time in 课时 of 45 minutes. */
  hours: z.number().int().min(TEACHING_LIMITS.hours.min).max(TEACHING_LIMITS.hours.max).optional(),
  /** The class plan, step by step; with `hours`, the minutes add up to hours × 45. */
  plan: z
    .array(
      z.strictObject({
        /** What the class does in this step. */
        step: item,
        /** How long it takes. */
        minutes: z.number().int().min(TEACHING_LIMITS.minutes.min).max(TEACHING_LIMITS.minutes.max),
      }),
    )
    .min(TEACHING_LIMITS.plan.min)
    .max(TEACHING_LIMITS.plan.max)
    .optional(),
  /**
   * For each discussion question, in the order of `questions`, the points a good answer covers.
   * Instructors only: handouts for trainees leave them out.
   */
  answers: z.array(z.array(item).min(TEACHING_LIMITS.points.min).max(TEACHING_LIMITS.points.max)).optional(),
  /** Terms the class should be able to explain, each with its meaning in this case. */
  keyTerms: z
    .array(z.strictObject({ /** The term. */ term: z.string().min(2).max(20), /** What it means here. */ meaning: item }))
    .min(TEACHING_LIMITS.keyTerms.min)
    .max(TEACHING_LIMITS.keyTerms.max)
    .optional(),
});

export type TeachingNotes = z.output<typeof teachingSchema>;

type Issue = { path: (string | number)[]; message: string; input: unknown };

/** 第 3 题 or 第 3—5 题: the questions, counted from 1, that have no answer points. */
const missingQuestions = (answered: number, questions: number): string =>
  answered + 1 === questions ? `第${questions}题` : `第${answered + 1}—${questions}题`;

/**
 * What does not fit the rest of the case: answer lists that do not match the questions one to
 * one, and a class plan whose minutes are not the hours' 45 minutes each. Paths are relative to
 * the case, for the checker's line numbers.
 */
export function teachingIssues(teaching: TeachingNotes, questions: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const { answers, plan, hours } = teaching;
  if (answers && answers.length > questions.length)
    answers.slice(questions.length).forEach((points, i) =>
      issues.push({
        path: ['teaching', 'answers', questions.length + i],
        message: `多出的一组答案要点：讨论题只有${questions.length}道；answers 按顺序每道题一组，请删去或补上对应的讨论题`,
        input: points,
      }),
    );
  if (answers && answers.length < questions.length)
    issues.push({
      path: ['teaching', 'answers'],
      message: `只有${answers.length}组答案要点，讨论题有${questions.length}道；answers 按顺序每道题一组，请为${missingQuestions(answers.length, questions.length)}补上要点`,
      input: answers.length,
    });
  if (plan && hours !== undefined) {
    const total = plan.reduce((sum, s) => sum + s.minutes, 0);
    if (total !== hours * MINUTES_PER_HOUR)
      issues.push({
        path: ['teaching', 'plan'],
        message: `教学安排合计${total}分钟，与 hours 的${hours}课时（${hours * MINUTES_PER_HOUR}分钟，每课时${MINUTES_PER_HOUR}分钟）不符；请调整各步的 minutes 或 hours`,
        input: total,
      });
  }
  return issues;
}

/** Minutes of a plan, for the page. */
export const planMinutes = (plan: readonly { minutes: number }[]): number => plan.reduce((sum, s) => sum + s.minutes, 0);
