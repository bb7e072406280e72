/** Where a case comes from. Publication date and year of the work are separate on purpose. */
import { z } from 'astro/zod';

export const SCRIPTS = ['简', '繁'] as const;
export const SOURCE_TYPES = ['报道', '讲话', '文件', '其他'] as const;

/**
 * A calendar date written YYYY-MM-DD. The casebook's YAML reading keeps dates as text (no
 * parser-specific date objects), and a day that does not exist (2014-02-30) is refused rather
 * than rolled over into the next month.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine(
    (d) => {
      const date = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
    },
    { message: '不是日历上存在的日期' },
  );

export const sourceSchema = z.strictObject({
  /** Who published it: 人民网, 新华网贵州频道, 区委组织部. */
  publisher: z.string().min(1),
  /** Title as published, in the original script. */
  title: z.string().min(1),
  /** Publication date, YYYY-MM-DD. */
  date: isoDate,
  /** Address of the original, only when known. */
  url: z.url({ protocol: /^https?$/, error: '应为 http(s) 网址' }).optional(),
  /** Where a copy of the original is kept (a web archive's address), when the original may move or vanish. */
  archive: z.url({ protocol: /^https?$/, error: '应为 http(s) 网址' }).optional(),
  /** Script of the original: 简 (Simplified) or 繁 (Traditional). */
  script: z.enum(SCRIPTS),
  /** What kind of text the source is. */
  type: z.enum(SOURCE_TYPES).default('报道'),
  /** Reporter, speaker or responsible editor, when named. */
  author: z.string().min(1).optional(),
});

export type Source = z.output<typeof sourceSchema>;
