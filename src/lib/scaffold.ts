/**
 * Draft cases for `npm run new-case` and `npm run import`: placeholders that already satisfy
 * the schema (drafts are validated too), ids derived from the place, the YAML rendering with
 * editor comments, and writing without ever overwriting.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { Document, isMap, isSeq, type Node } from 'yaml';
import { BODY_SECTIONS, CASE_ID_PATTERN, LIMITS, caseSchema, type CaseInput } from '../schema/case.ts';
import { friendlyProblems, parseWithChineseErrors } from '../schema/errors.ts';

/**
 * Marks text an editor still has to write. validate.ts refuses a published (non-draft) case
 * that contains it, so placeholders and imported source text cannot go out by mistake.
 */
export const TODO_MARKER = '待改写';
const todo = (text: string): string => `${TODO_MARKER}：${text}`;

export const DEFAULT_EDITOR = '案例库编辑部';

/** Frontmatter fields an editor has to write from scratch, as schema-valid placeholders. */
export function placeholders(today = new Date()): Pick<CaseInput, 'summary' | 'objectives' | 'questions'> & { source: CaseInput['source'] } {
  return {
    summary: todo(`用一到两句话（不超过${LIMITS.summary.max}字）概括做法和成效。`),
    source: {
      publisher: todo('发布单位'),
      title: todo('原文标题（按原文繁简照录）'),
      date: today.toISOString().slice(0, 10),
      script: '简',
      type: '报道',
    },
    objectives: [todo('学习目标一，如“理解……的做法”。'), todo(`学习目标二（共${LIMITS.objectives.min}至${LIMITS.objectives.max}条）。`)],
    questions: [todo('讨论题一……？'), todo(`讨论题二（共${LIMITS.questions.min}至${LIMITS.questions.max}题）……？`)],
  };
}

/** Body with the four required sections, each holding a note on what belongs there. */
export function placeholderBody(background = `${todo('当地概况和面临的问题。')}\n`): string {
  const hints: Record<(typeof BODY_SECTIONS)[number], string> = {
    背景: background,
    主要做法: `${todo('分条写做法，可用 ### 小标题和 **粗体：**正文。')}\n`,
    成效: `${todo('写成效，数字与 metrics 一致。')}\n`,
    经验与启示: `${todo('写可供借鉴的经验和需要注意的问题。')}\n`,
  };
  return BODY_SECTIONS.map((s) => `## ${s}\n\n${hints[s]}`).join('\n');
}

const PLACE_SUFFIX = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|街道|社区|省|市|区|县|旗|盟|镇|乡|村)$/;

/** ASCII slug of free text: 'Miao Feng-Shan!' → miao-feng-shan. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Pinyin of a place name without its division suffix: 妙峰山镇 → miaofengshan. */
export function placeSlug(name: string): string {
  const bare = name.replace(PLACE_SUFFIX, '') || name;
  return slugify(pinyin(bare, { toneType: 'none', type: 'array', nonZh: 'removed' }).join(''));
}

/** A base id from the smallest named place (a village case after its village) and the year: miaofengshan-2003. */
export function idFromRegion(region: CaseInput['region'], year: number): string {
  const place = region.village ?? region.town ?? region.county ?? region.city ?? region.province;
  return [placeSlug(place) || 'case', String(year)].join('-');
}

/** `base`, or base-2, base-3 … whichever has no file in `dir` yet. */
export function uniqueId(dir: string, base: string): string {
  if (!existsSync(join(dir, `${base}.mdx`))) return base;
  for (let n = 2; ; n++) if (!existsSync(join(dir, `${base}-${n}.mdx`))) return `${base}-${n}`;
}

export const isValidId = (id: string): boolean => CASE_ID_PATTERN.test(id) && id.length <= 80;

/** Frontmatter key order, as CONTRIBUTING.md shows it. */
const FIELD_ORDER = [
  'id',
  'title',
  'summary',
  'region',
  'level',
  'year',
  'period',
  'measures',
  'metrics',
  'source',
  'objectives',
  'questions',
  'editor',
  'draft',
];

export interface RenderComments {
  /** Comment above a top-level field, e.g. how the region was proposed. */
  fields?: Record<string, string>;
  /** Comment above each metric, in order: the sentence it came from. */
  metrics?: string[];
}

const oneLine = (s: string): string => ` ${s.replace(/\s+/g, ' ').trim()}`;

/** The case file: YAML frontmatter (fields in the documented order, with comments) and body. */
export function renderCase(data: Record<string, unknown>, body: string, comments: RenderComments = {}): string {
  const ordered = Object.fromEntries(
    [...FIELD_ORDER.filter((k) => k in data), ...Object.keys(data).filter((k) => !FIELD_ORDER.includes(k))].map((k) => [k, data[k]]),
  );
  const doc = new Document(ordered, { keepUndefined: false });
  const measures = doc.get('measures', true) as Node | undefined;
  if (isSeq(measures)) measures.flow = true;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = String((pair.key as { value?: unknown }).value ?? pair.key);
      const comment = comments.fields?.[key];
      if (comment) (pair.key as Node).commentBefore = comment.split('\n').map(oneLine).join('\n');
    }
  }
  const metrics = doc.get('metrics', true) as Node | undefined;
  if (isSeq(metrics))
    comments.metrics?.forEach((c, i) => {
      const item = metrics.items[i] as Node | undefined;
      if (item && c) item.commentBefore = oneLine(c);
    });
  return `---\n${doc.toString({ lineWidth: 0 })}---\n\n${body.trimEnd()}\n`;
}

/** Writes a new file; never replaces one (the `wx` flag fails if it exists). */
export function writeNewFile(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, { encoding: 'utf8', flag: 'wx' });
}

/** Command-line flag for each frontmatter field, so schema problems name what to change. */
const FLAG_OF: Record<string, string> = {
  id: '--id',
  title: '--title',
  'region.province': '--province',
  'region.city': '--city',
  'region.county': '--county',
  'region.town': '--town',
  level: '--level',
  year: '--year',
  measures: '--measures',
  editor: '--editor',
};

/** Schema problems of scaffold data, one Chinese line each, named by flag where there is one. */
export function optionProblems(data: Record<string, unknown>): string[] {
  const result = parseWithChineseErrors(caseSchema, data);
  if (result.success) return [];
  return friendlyProblems(result.error, data).map((p) => {
    const field = p.field.replace(/\.\d+$/, '');
    const flag = FLAG_OF[field] ?? FLAG_OF[p.field];
    return `${flag ? `${flag}（${p.field}）` : p.field}：${p.message}`;
  });
}

export interface NewCaseOptions {
  id?: string | undefined;
  slug?: string | undefined;
  title: string;
  province: string;
  city?: string | undefined;
  county?: string | undefined;
  town?: string | undefined;
  level: string;
  year: number;
  measures: string[];
  editor?: string | undefined;
}

/** The data of a new draft: the editor's answers plus placeholders for everything else. */
export function newCaseData(o: NewCaseOptions, id: string, today = new Date()): Record<string, unknown> {
  const region: Record<string, string> = { province: o.province };
  for (const key of ['city', 'county', 'town'] as const) if (o[key]) region[key] = o[key]!;
  const p = placeholders(today);
  return {
    id,
    title: o.title,
    summary: p.summary,
    region,
    level: o.level,
    year: o.year,
    measures: o.measures,
    metrics: [],
    source: p.source,
    objectives: p.objectives,
    questions: p.questions,
    editor: o.editor ?? DEFAULT_EDITOR,
    draft: true,
  };
}

/** The base id for a new case: --id as given, else --slug, else place and year. */
export function baseId(o: NewCaseOptions): string {
  if (o.id) return o.id;
  if (o.slug) return slugify(o.slug) || 'case';
  return idFromRegion({ province: o.province, city: o.city, county: o.county, town: o.town }, o.year);
}

export const METRICS_HINT = '数据：每项写 label（所指）、value（数字）、unit（单位），可加 qualifier（约 近 超过 不足 达 / 余 多 以上 以下）和 max（区间上限）';
