/**
 * Turns a raw report (pasted text or a saved web page) into the data of a draft case: the
 * cleaned text, the original title and script, publisher and date, a proposed region, year,
 * measures and figures, and a list of what could not be decided. Pure apart from reading the
 * gazetteer; writing the file is the CLI's job.
 */
import { vocabulary } from '../../schema/vocabulary.ts';
import type { Level, RegionInput } from '../../schema/region.ts';
import { MAX_MEASURES, currentYear } from '../../schema/case.ts';
import { DEFAULT_EDITOR, TODO_MARKER, idFromRegion, placeholderBody, placeholders } from '../scaffold.ts';
import { EDITORS_NOTE, editorLine, isChromeLine, mainlandQuotes, splitLines, stripChrome, withoutColumnTags } from './chrome.ts';
import { datelinePublisher, publicationDate, workYears } from './dates.ts';
import { htmlToText } from './html.ts';
import { matchMeasures } from './measures.ts';
import { extractFigures, type UnusedNumber } from './metrics.ts';
import { proposeRegion, type ProposeOptions } from './region.ts';
import { detectScript, toSimplified } from './script.ts';

export type ArticleKind = 'txt' | 'html';

export interface ImportOptions extends ProposeOptions {
  /** Id to use instead of the one derived from place and year. */
  id?: string | undefined;
  /** Today's date, for a source without a publication date. */
  today?: Date;
  /** Most figures kept (default 100, more than any report so far); the rest are listed as unused. */
  maxMetrics?: number;
}

export interface ImportedDraft {
  /** Case id proposed (place + year), not yet made unique against existing files. */
  id: string;
  data: Record<string, unknown>;
  body: string;
  /** YAML comments: the evidence per field and the sentence of each figure. */
  comments: { fields: Record<string, string>; metrics: string[] };
  /** What the importer could not decide, in Chinese. */
  undecided: string[];
  /** The cleaned article text, simplified, one paragraph per line. */
  text: string;
  /** Every number in `text` not made a figure, with its line in `text` and why. */
  unused: UnusedNumber[];
}

const HEADER_LINES = 10;
const TITLE_LENGTH = /^.{4,80}$/u;
/** Site name after the title in <title>: 标题-东台报业网, 标题_人民网. */
const SITE_SUFFIX = /^(.{4,80}?)\s*[-_|—–]\s*([^-_|—–]{2,20})$/u;
const SOURCE_LINE = /(?:来源|來源)\s*[:：]\s*([^\s|]+)/;
const SPEECH = /各位领导|同志们|我发言的题目|谢谢大家|谢谢！|谢谢!/;

interface Header {
  titleIndex?: number | undefined;
  /** How sure the title is: a repeated line or one next to the date line is sure. */
  titleSure: boolean;
  siteName?: string | undefined;
  bodyStart: number;
}

function findHeader(lines: readonly string[], dateLine: number | undefined, dateline: boolean, heading?: string): Header {
  const head = lines.slice(0, HEADER_LINES);
  const usable = (i: number) =>
    i >= 0 && i < head.length && TITLE_LENGTH.test(withoutColumnTags(head[i]!)) && !isChromeLine(head[i]!) && !EDITORS_NOTE.test(head[i]!) && i !== dateLine;
  let siteName: string | undefined;
  let titleIndex: number | undefined;
  let titleSure = false;
  if (heading) {
    const at = head.findLastIndex((l) => l === heading);
    if (at !== -1) [titleIndex, titleSure] = [at, true];
  }
  // A page title repeated as "标题-网站名" above the article's own heading.
  for (let i = 0; titleIndex === undefined && i < head.length; i++) {
    const m = SITE_SUFFIX.exec(head[i]!);
    const at = m ? head.findLastIndex((l, j) => j !== i && l === m[1]) : -1;
    if (m && at !== -1) [titleIndex, titleSure, siteName] = [at, true, m[2]];
  }
  if (titleIndex === undefined && dateLine !== undefined && usable(dateLine - 1)) [titleIndex, titleSure] = [dateLine - 1, true];
  if (titleIndex === undefined) {
    const first = head.findIndex((_, i) => usable(i));
    if (first !== -1) titleIndex = first;
  }
  // A dateline (……8月6日电) opens the first paragraph; a date line stands on its own.
  const afterDate = dateLine === undefined ? -1 : dateline ? dateLine - 1 : dateLine;
  let bodyStart = Math.max(titleIndex ?? -1, afterDate) + 1;
  // 来源/点击数 lines right after the date belong to the header too.
  while (bodyStart < lines.length && bodyStart < HEADER_LINES && isChromeLine(lines[bodyStart]!)) bodyStart++;
  return { titleIndex, titleSure, siteName, bodyStart };
}

function findPublisher(lines: readonly string[], siteName?: string, pageTitle?: string): string | undefined {
  for (const l of lines.slice(0, HEADER_LINES + 2)) {
    const m = SOURCE_LINE.exec(l);
    if (m && m[1] && !/^(?:未知|本站|网络)$/.test(m[1])) return m[1].replace(/责任编辑.*$/, '');
    const d = datelinePublisher(l);
    if (d) return d;
  }
  if (siteName) return siteName;
  const fromPage = pageTitle ? SITE_SUFFIX.exec(pageTitle)?.[2] : undefined;
  if (fromPage) return fromPage;
  const crumb = lines
    .slice(0, HEADER_LINES)
    .map((l) => /(?:当前位置|您的位置)\s*[:：]\s*([^>»＞\s]+)/.exec(l)?.[1])
    .find(Boolean);
  return crumb;
}

/** The reporter in a closing byline: （陈娟 吴超兰 徐海琴）, (帅旭). */
function bylineAuthor(lastLine: string | undefined): string | undefined {
  const m = lastLine ? /[（(]([\p{Script=Han}、，, ]{2,24})[）)]\s*$/u.exec(lastLine) : undefined;
  return m?.[1]?.trim().replace(/\s+/g, '、');
}

/** Markdown and MDX read these characters as syntax; the quoted source must stay plain text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~&$]/g, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1');
}

export function importArticle(raw: string, kind: ArticleKind, options: ImportOptions = {}): ImportedDraft {
  const undecided: string[] = [];
  const html = kind === 'html' ? htmlToText(raw) : undefined;
  const original = splitLines(html ? html.text : raw);
  const { script } = detectScript(original.join('\n'));
  const lines = original.map((l) => mainlandQuotes(toSimplified(l, script)));
  const heading = html?.heading ? mainlandQuotes(toSimplified(html.heading.trim(), script)) : undefined;

  const pub = publicationDate(lines);
  const dateline = pub?.monthDay !== undefined;
  const header = findHeader(lines, pub?.line, dateline, heading);
  let body = stripChrome(lines.slice(header.bodyStart)).map((l, i) => (i === 0 && dateline ? l.replace(/^\S{2,20}?\d{1,2}月\d{1,2}日电\s*/, '') : l));
  body = body.filter(Boolean);
  const author = editorLine(lines) ?? bylineAuthor(body.at(-1));

  const sourceTitle = header.titleIndex !== undefined ? original[header.titleIndex]! : html?.heading;
  // A column tag (【基层党建】) names the page's section, not the work.
  const titleLine = header.titleIndex !== undefined ? lines[header.titleIndex]! : heading;
  const title = titleLine !== undefined ? withoutColumnTags(titleLine) || undefined : undefined;
  if (!title) undecided.push('标题不确定：未找到标题，请填写 title 和 source.title');
  else if (!header.titleSure) undecided.push(`标题不确定：暂取第一行“${title}”`);

  const text = body.join('\n');
  // 编者按 is the publisher speaking about the report: not the work's measures or figures.
  const noteLines = new Map<number, string>();
  body.forEach((l, i) => {
    if (EDITORS_NOTE.test(l)) noteLines.set(i + 1, '在编者按里，是编者的话，不是报道的数据');
  });
  const ownText = body
    .filter((_, i) => !noteLines.has(i + 1))
    .map(withoutColumnTags)
    .join('\n');
  const region = proposeRegion(`${title ?? ''}\n${ownText}`, options);
  undecided.push(...region.undecided);

  const years = workYears(ownText, pub?.date ? Number(pub.date.slice(0, 4)) : undefined);
  let date = pub?.date;
  if (!date && pub?.monthDay && years.year) {
    const { month, day } = pub.monthDay;
    date = `${years.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    undecided.push(`发布日期只写了月日，年份按正文取 ${years.year} 年，请核实`);
  }
  const today = options.today ?? new Date();
  if (!date) {
    date = today.toISOString().slice(0, 10);
    undecided.push(`未找到发布日期（暂填今天 ${date}，须改正）`);
  }
  const publishedYear = Number(date.slice(0, 4));
  let year = years.year;
  if (year === undefined) {
    year = Math.min(publishedYear, currentYear());
    undecided.push(`未找到年份：正文没有写明工作年份，暂用发布年份 ${year}`);
  }

  const measures = matchMeasures(`${title ?? ''}\n${ownText}`, vocabulary.measures).slice(0, MAX_MEASURES);
  if (measures.length === 0) undecided.push(`未能判断措施：暂填 ${vocabulary.measures[0]!.id}，须改正`);
  const figures = extractFigures(text, { max: options.maxMetrics ?? 100, skipLines: noteLines });
  const metrics = figures.metrics;
  if (metrics.length === 0) undecided.push('未找到数字：metrics 为空');

  const publisher = findPublisher(lines, header.siteName, html?.pageTitle ? toSimplified(html.pageTitle, script) : undefined);
  if (!publisher) undecided.push('未找到发布者：请填写 source.publisher');

  const p = placeholders(today);
  const caseTitle = title && title.length >= 4 ? title.slice(0, 60) : `${TODO_MARKER}：案例标题`;
  const data: Record<string, unknown> = {
    id: options.id ?? idFromRegion(region.region, year),
    title: caseTitle,
    summary: p.summary,
    region: region.region satisfies RegionInput,
    level: region.level satisfies Level,
    year,
    ...(years.period && years.period.start <= year && year <= years.period.end ? { period: years.period } : {}),
    measures: measures.length > 0 ? measures.map((m) => m.id) : [vocabulary.measures[0]!.id],
    metrics: metrics.map(({ sentence: _s, line: _l, ...m }) => m),
    source: {
      publisher: publisher ?? `${TODO_MARKER}：发布单位`,
      title: sourceTitle ?? `${TODO_MARKER}：原文标题`,
      date,
      script,
      type: SPEECH.test(text) ? '讲话' : '报道',
      ...(author ? { author } : {}),
    },
    objectives: p.objectives,
    questions: p.questions,
    editor: DEFAULT_EDITOR,
    draft: true,
  };

  const yearList = [...years.counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([y, n]) => `${y}（${n} 次）`)
    .join('、');
  const fields: Record<string, string> = {
    region: `导入时推断，请核实：${region.evidence.join('；') || '无可靠依据'}`,
    year: `正文提到的年份：${yearList || '无'}；发布日期 ${date} 只是来源的日期`,
    measures: `按关键词推断：${measures.map((m) => `${m.id}（${m.keywords.map((k) => k.keyword).join('、')}）`).join('；') || '无'}`,
    metrics: `以下数字由导入程序摘出，label 须改写；每项上方是原文句子和它在原始报道里的行号，核对后删去注释。未记为数据的 ${figures.unused.length} 个数字由 npm run import 逐条列出`,
  };
  const quote = body.map((l) => `> ${escapeMarkdown(l)}`).join('\n>\n');
  const background = `（${TODO_MARKER}：以下为原文摘录，发布前须改写）\n\n${quote}\n`;
  return {
    id: String(data['id']),
    data,
    body: placeholderBody(background),
    comments: { fields, metrics: metrics.map((m) => `原文第 ${m.line} 行：${m.sentence}`) },
    undecided,
    text,
    unused: figures.unused,
  };
}
