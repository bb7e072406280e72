/**
 * Content checks shared by `npm run check` and the build: every case file is read, its
 * frontmatter parsed and validated against the case schema, its body checked for structure
 * and MDX safety; then the collection as a whole (duplicate ids, links between cases, drafts).
 * Each problem names the file, the line, the field and what is wrong, in Chinese.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { BODY_SECTIONS, CASE_ID_PATTERN, caseSchema, type CaseData } from '../schema/case.ts';
import { friendlyProblems, parseWithChineseErrors } from '../schema/errors.ts';
import { numberStyleProblems } from './number-style.ts';
import { analyseBody, type BodyLink, type BodyNode } from './mdx-safety.ts';
import { IMAGE_EXTENSIONS, isImageName, readCaseImage, type CaseImage } from './case-images.ts';
import { CASE_PAGE_IDS, renderTree, type RenderedBody } from './render-body.ts';
import { pagePath, sitePaths } from './site-paths.ts';
import { headTokens } from './search-record.ts';
import { HEAD_TOKENS } from './search-tokens.ts';
import { checkCollectionDirectory, collectionsDirFor } from './validate-collections.ts';
import { FORBIDDEN_CHARS, forbiddenMessage, readYamlData } from './yaml-data.ts';
import { decodeUtf8, NOT_UTF8, unsafeEntryProblem } from './content-files.ts';
import type { CollectionRecord } from '../schema/collection.ts';

export interface Problem {
  file: string;
  line: number;
  /** Frontmatter field, or 正文 / 文件 / frontmatter for the body, the file and its header. */
  field: string;
  message: string;
}

export interface CheckedCase {
  file: string;
  data: CaseData;
  body: string;
  /** Line in the file where the body starts, for mapping body problems back. */
  bodyLine: number;
  /** The parsed body, checked; checkCaseDirectory renders it and drops it. */
  tree?: BodyNode | undefined;
}

/** A case that passed every check, with its body rendered: what the site is built from. */
export interface PublishableCase extends Omit<CheckedCase, 'tree'> {
  rendered: RenderedBody;
  images: CaseImage[];
}

/**
 * What the collection-level checks need from a file even when the file has other problems,
 * so that a copied case with an unchanged id is still reported as a duplicate.
 */
export interface CaseFacts {
  file: string;
  id?: string;
  idLine: number;
  draft: boolean;
  /** Link targets in the body, with their line in the file. */
  links: BodyLink[];
  /** Image sources in the body, with their line in the file. */
  images: BodyLink[];
}

export interface TextResult {
  /** Errors: any one of them fails the check and the build. */
  problems: Problem[];
  /** Things an editor should know that do not fail anything, e.g. that a case is a draft. */
  notices: Problem[];
  checked?: CheckedCase;
  facts: CaseFacts;
}

/** Large enough for a long case with many figures (the longest seed is 21 KB); a bigger file is a mistake or an attack. */
export const MAX_FILE_BYTES = 128 * 1024;

const SECTION_LIST = BODY_SECTIONS.map((s) => `## ${s}`).join('、');

const tooBig = (bytes: number) => `文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB），上限 ${MAX_FILE_BYTES / 1024} KB；请删去多余内容或拆成几个案例`;

interface SplitFile {
  frontmatter: string;
  body: string;
  bodyLine: number;
}

/**
 * Splits `---` frontmatter from the body. Accepts one UTF-8 BOM, CRLF line endings and spaces
 * after `---`; `checkCaseText` has refused lone CRs and further BOMs before this runs.
 */
export function splitFrontmatter(raw: string): SplitFile | undefined {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const match = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return undefined;
  return { frontmatter: match[1] ?? '', body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** Checks one file's text; `file` is only used in messages and to compare the file name with the id. */
export function checkCaseText(file: string, raw: string): TextResult {
  const problems: Problem[] = [];
  const notices: Problem[] = [];
  const facts: CaseFacts = { file, idLine: 1, draft: false, links: [], images: [] };
  const add = (line: number, field: string, message: string) => problems.push({ file, line, field, message });
  const done = (): TextResult => ({ problems: problems.sort((a, b) => a.line - b.line), notices, facts });

  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    add(1, '文件', tooBig(bytes));
    return done();
  }
  if (raw.replace(/^\uFEFF/, '').trim() === '') {
    add(1, '文件', '文件是空的；请用 npm run new-case 生成案例模板');
    return done();
  }
  if (/\r(?!\n)/.test(raw)) {
    add(
      raw.slice(0, raw.search(/\r(?!\n)/)).split(/\r\n|\n/).length,
      '文件',
      '文件用了单独的 CR 作换行符（旧式 Mac 格式）；请在编辑器里把换行符改为 LF 后保存',
    );
    return done();
  }
  const split = splitFrontmatter(raw);
  const fileLines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .split('\n');
  /** The top-level field a frontmatter line belongs to, for lines YAML could not tell us about. */
  const fieldAtLine = (line: number): string => {
    if (line >= (split?.bodyLine ?? Infinity)) return '正文';
    for (let l = line; l >= 2; l--) {
      const key = /^([A-Za-z_][\w-]*)\s*:/.exec(fileLines[l - 1] ?? '')?.[1];
      if (key) return key;
    }
    return 'frontmatter';
  };
  fileLines.forEach((text, i) => {
    const bad = FORBIDDEN_CHARS.exec(text)?.[0];
    if (bad !== undefined) add(i + 1, fieldAtLine(i + 1), forbiddenMessage(bad));
  });
  if (problems.length > 0) return done();
  if (!split) {
    add(1, 'frontmatter', '文件开头缺少 frontmatter：第一行应为 ---，字段写完后再用一行 --- 结束');
    return done();
  }
  const yaml = readYamlData(split.frontmatter, {
    firstLine: 2,
    field: 'frontmatter',
    fieldAt: fieldAtLine,
    shape:
      split.frontmatter.trim() === ''
        ? 'frontmatter 是空的；请在两行 --- 之间写上案例的字段（可用 npm run new-case 生成模板）'
        : 'frontmatter 应为“字段: 值”形式的若干行；冒号要用半角“:”且后面有空格',
  });
  for (const p of yaml.problems) add(p.line, p.field, p.message);
  const { data, lineOf } = yaml;
  if (!data) return done();
  const written = data as Record<string, unknown>;
  if (typeof written['id'] === 'string' && CASE_ID_PATTERN.test(written['id'])) {
    facts.id = written['id'];
    facts.idLine = lineOf(['id']);
  }
  facts.draft = written['draft'] === true;
  if (facts.draft)
    notices.push({ file, line: lineOf(['draft']), field: 'draft', message: '提示：这是草稿，已检查但不会发布到网站和搜索索引；写完后把 draft 改为 false' });

  // new-case and import mark placeholders and copied source text with 待改写 (scaffold.ts TODO_MARKER).
  const todoAt = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .findIndex((l) => l.includes('待改写'));
  if (todoAt !== -1 && !facts.draft)
    add(todoAt + 1, todoAt + 1 >= split.bodyLine ? '正文' : 'frontmatter', '仍有“待改写”的占位文字或原文摘录；全部改写后才能发布（否则请保留 draft: true）');

  const result = parseWithChineseErrors(caseSchema, data);
  if (!result.success) {
    for (const p of friendlyProblems(result.error, data)) add(lineOf(p.path), p.field, p.message);
  }
  // The search index ranks matches in these fields first by their position (search-tokens.ts).
  const head = result.success ? headTokens(result.data).length : 0;
  if (head > HEAD_TOKENS)
    add(
      lineOf(['summary']),
      'summary',
      `标题、摘要、地区和措施名称（含别称）合计 ${head} 个字词，超过搜索索引为它们留的 ${HEAD_TOKENS} 个；请缩短摘要或标题，或减少措施`,
    );
  if (facts.id && basename(file) !== `${facts.id}.mdx`)
    add(facts.idLine, 'id', `文件名应与 id 一致：请把文件命名为 ${facts.id}.mdx（或把 id 改为 ${basename(file).replace(/\.[^.]*$/, '')}）`);

  // YAML comments quote the source (# 原文第 N 行：…) and are never published, so they keep its
  // writing. A draft still holds imported source text; there the rule is a reminder, not a refusal.
  const published = fileLines.map((line) => (/^\s*#/.test(line) ? '' : line));
  const region = (data as { region?: Record<string, unknown> } | undefined)?.region ?? {};
  const placeNames = ['province', 'city', 'county', 'town', 'village'].map((k) => region[k]).filter((v): v is string => typeof v === 'string' && v.length > 1);
  for (const p of numberStyleProblems(published, placeNames)) {
    if (facts.draft) notices.push({ file, line: p.line, field: fieldAtLine(p.line), message: `提示：${p.message}` });
    else add(p.line, fieldAtLine(p.line), p.message);
  }
  const body = checkBody(split.body);
  for (const p of body.problems) add(split.bodyLine + p.line - 1, '正文', p.message);
  const inFile = (l: BodyLink) => ({ url: l.url, line: split.bodyLine + l.line - 1 });
  facts.links = body.links.map(inFile);
  facts.images = body.images.map(inFile);

  if (problems.length > 0 || !result.success) return done();
  return { ...done(), checked: { file, data: result.data, body: split.body, bodyLine: split.bodyLine, tree: body.tree } };
}

/** Structure and safety of the Markdown body. Lines are relative to the body. */
export function checkBody(body: string): { problems: { line: number; message: string }[]; links: BodyLink[]; images: BodyLink[]; tree?: BodyNode | undefined } {
  if (body.trim() === '') return { problems: [{ line: 1, message: `正文是空的；正文应依次包含 ${SECTION_LIST} 四节` }], links: [], images: [] };
  const { problems, headings: all, links, images, tree } = analyseBody(body);
  if (problems.length > 0) return { problems, links, images };
  const headings = all.filter((h) => h.depth === 2);
  let cursor = 0;
  for (const section of BODY_SECTIONS) {
    const at = headings.findIndex((h, i) => i >= cursor && h.text === section);
    if (at === -1) {
      const elsewhere = headings.some((h) => h.text === section);
      problems.push({
        line: (elsewhere ? headings.find((h) => h.text === section)?.line : headings[cursor]?.line) ?? headings.at(-1)?.line ?? 1,
        message: elsewhere ? `“## ${section}”的位置不对；正文须依次为 ${SECTION_LIST}` : `缺少“## ${section}”一节；正文须依次包含 ${SECTION_LIST}`,
      });
    } else cursor = at + 1;
  }
  const questions = headings.find((h) => h.text === '讨论题');
  if (questions) problems.push({ line: questions.line, message: '讨论题请写在 frontmatter 的 questions 字段里，不要写进正文' });
  return { problems, links, images, tree };
}

/** A link to another case: /cases/<id>/, under any base path; links to other sites are not ours to check. */
export function linkedCaseId(url: string): string | undefined {
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return undefined;
  return /(?:^|\/)cases\/([^/?#]+)/.exec(url)?.[1];
}

/** A case file's bytes, or why it cannot be read as one (too big, not a file, unreadable). */
export function readCaseBytes(path: string): Buffer | string {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return '这不是一个文件；案例文件夹里只放 .mdx 文件';
    if (stat.size > MAX_FILE_BYTES) return tooBig(stat.size);
    return readFileSync(path);
  } catch (error) {
    return `无法读取文件（${(error as NodeJS.ErrnoException).code ?? String(error)}）`;
  }
}

/** Facts of a file nothing could be learnt from. */
const noFacts = (file: string): CaseFacts => ({ file, idLine: 1, draft: false, links: [], images: [] });

/** What a folder entry that is not a case or an image is told; undefined for those that are. */
export function entryProblem(name: string, path: string): string | undefined {
  const stat = lstatSync(path);
  const unsafe = unsafeEntryProblem(name, stat);
  if (unsafe) return unsafe;
  if (stat.isDirectory()) return '案例文件夹里不能有子文件夹；案例和它的图片直接放在案例文件夹里';
  if (!stat.isFile()) return '这不是一个普通文件；案例文件夹里只放案例和图片';
  if (!name.endsWith('.mdx') && !isImageName(name)) return `案例文件的扩展名应为 .mdx；案例文件夹里只放案例和案例用到的图片（${IMAGE_EXTENSIONS.join(' ')}）`;
  return undefined;
}

/** Links an editor may write: other sites over http(s), e-mail, and pages of this site. */
const EXTERNAL_LINK = /^(https?:\/\/|mailto:|tel:)/i;

/** What one case file adds to its folder's result; the folder-wide checks (ids, links, 专题) come after. */
export interface FileOutcome {
  problems: Problem[];
  notices: Problem[];
  facts: CaseFacts;
  /** The case, checked and rendered, when the file itself has no problem. */
  publishable?: PublishableCase;
  /** Ids a link to #fragment on the case's page may name. */
  anchors?: string[];
}

/**
 * A store of earlier outcomes (src/lib/case-check-memo.ts), so a rebuild does not read, check
 * and render again the files that did not change. `compute` is this module's own check.
 */
export interface CaseCheckMemo {
  recall(file: string, base: string, bytes: Buffer, compute: () => FileOutcome): FileOutcome;
}

/**
 * Checks and renders one case file from its bytes, with the images its body shows. Depends on
 * nothing but its arguments and the files it names, so worker threads may run it ahead
 * (src/lib/check-ahead.ts).
 */
export function checkCaseFile(dir: string, folder: string, file: string, bytes: Buffer, base: string): FileOutcome {
  let outcome: FileOutcome = { problems: [], notices: [], facts: noFacts(file) };
  try {
    const raw = decodeUtf8(bytes);
    if (raw === undefined) return { ...outcome, problems: [{ file, line: 1, field: '文件', message: NOT_UTF8 }] };
    const result = checkCaseText(file, raw);
    outcome = { problems: [...result.problems], notices: result.notices, facts: result.facts };
    if (!result.checked?.tree) return outcome;
    const { tree, ...checked } = result.checked;
    const images = new Map<string, CaseImage>();
    for (const ref of result.facts.images) {
      const image = readCaseImage(dir, ref.url, folder);
      if (typeof image === 'string') outcome.problems.push({ file, line: ref.line, field: '正文', message: image });
      else images.set(ref.url, image);
    }
    if (images.size < new Set(result.facts.images.map((i) => i.url)).size) return outcome;
    const rendered = renderTree(tree, { base, images });
    outcome.anchors = [...Object.values(CASE_PAGE_IDS), ...rendered.headings.map((h) => h.slug)];
    outcome.publishable = { ...checked, rendered, images: [...images.values()] };
    return outcome;
  } catch (error) {
    // Whatever went wrong, the editor learns which file did it, in Chinese, without a stack trace.
    if (process.env['CASEBOOK_VERBOSE']) console.error(error);
    const message = '处理这个文件时出现意外错误，文件没有通过检查；请检查最近的改动（设置环境变量 CASEBOOK_VERBOSE=1 可看到技术细节）';
    return { problems: [...outcome.problems, { file, line: 1, field: '文件', message }], notices: outcome.notices, facts: outcome.facts };
  }
}

export interface DirectoryResult {
  /** Errors: any one of them fails the check and the build. */
  problems: Problem[];
  notices: Problem[];
  /** Every case without problems, drafts included, rendered. */
  cases: PublishableCase[];
  /** Every 专题 without problems (src/lib/validate-collections.ts). */
  collections: CollectionRecord[];
}

/**
 * Checks every `.mdx` file of a folder and the collection as a whole, and renders the cases
 * that pass. `npm run check`, the build and the dev server all call this, so they accept and
 * refuse the same files. `base` only changes the links in the rendered bodies.
 */
export function checkCaseDirectory(
  dir: string,
  root = process.cwd(),
  { base = '/', collectionsDir = collectionsDirFor(dir), memo }: { base?: string; collectionsDir?: string; memo?: CaseCheckMemo } = {},
): DirectoryResult {
  const problems: Problem[] = [];
  const notices: Problem[] = [];
  const cases: PublishableCase[] = [];
  const facts: CaseFacts[] = [];
  /** Heading ids of each rendered body, for links to #fragments. */
  const anchors = new Map<string, Set<string>>();
  const fileOf = (path: string) => relative(root, path) || path;
  // The build and the integration call this with CASEBOOK_CASES_DIR as given; a typo there is not a crash.
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return {
      problems: [{ file: fileOf(dir), line: 1, field: '文件', message: '找不到案例文件夹；请检查 CASEBOOK_CASES_DIR 或命令行给出的路径' }],
      notices,
      cases,
      collections: [],
    };
  // The folder that holds the cases folder and the vocabulary is content too.
  const contentDir = join(root, 'content');
  if (dir.startsWith(`${contentDir}/`))
    for (const name of readdirSync(contentDir).sort()) {
      const path = join(contentDir, name);
      const unsafe = unsafeEntryProblem(name, lstatSync(path));
      if (unsafe) problems.push({ file: fileOf(path), line: 1, field: '文件', message: unsafe });
    }
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const file = fileOf(path);
    const refused = entryProblem(name, path);
    if (refused) {
      problems.push({ file, line: 1, field: '文件', message: refused });
      continue;
    }
    if (!name.endsWith('.mdx')) continue;
    const bytes = readCaseBytes(path);
    if (typeof bytes === 'string') {
      problems.push({ file, line: 1, field: '文件', message: bytes });
      facts.push(noFacts(file));
      continue;
    }
    const check = () => checkCaseFile(dir, fileOf(dir), file, bytes, base);
    const outcome = memo ? memo.recall(file, base, bytes, check) : check();
    problems.push(...outcome.problems);
    notices.push(...outcome.notices);
    facts.push(outcome.facts);
    if (outcome.publishable) {
      cases.push(outcome.publishable);
      anchors.set(file, new Set(outcome.anchors));
    }
  }

  const byId = new Map<string, CaseFacts>();
  // The file named after the id owns it; the copies are the ones to report.
  const owners = [...facts].sort((a, b) => Number(basename(b.file) === `${b.id}.mdx`) - Number(basename(a.file) === `${a.id}.mdx`));
  for (const f of owners) {
    if (!f.id) continue;
    const first = byId.get(f.id);
    if (first) problems.push({ file: f.file, line: f.idLine, field: 'id', message: `id“${f.id}”与 ${first.file} 重复；每个案例的 id 必须唯一` });
    else byId.set(f.id, f);
  }
  // Collections name cases by id; a case with problems still has its id (facts), so a collection
  // that lists it is not told the case is missing.
  const collections = checkCollectionDirectory(collectionsDir, byId, root);
  problems.push(...collections.problems);
  // A body may link to a collection's page as to any other page of the site.
  const pages = new Set([...sitePaths(cases.filter((c) => !c.data.draft).map((c) => c.data)), ...collections.collections.map((c) => `/collections/${c.id}/`)]);
  for (const f of facts) {
    for (const link of f.links) {
      const problem = linkProblem(link.url, f, byId, pages, anchors.get(f.file));
      if (problem) problems.push({ file: f.file, line: link.line, field: '正文', message: problem });
    }
  }
  // Report file by file, top to bottom, however the problem was found.
  const order = (a: Problem, b: Problem) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
  const failed = new Set(problems.map((p) => p.file));
  return {
    problems: problems.sort(order),
    notices: notices.sort(order),
    cases: cases.filter((c) => !failed.has(c.file)),
    collections: collections.collections,
  };
}

/** Why a link in a body would not work on the built site, or undefined when it will. */
function linkProblem(url: string, from: CaseFacts, byId: Map<string, CaseFacts>, pages: Set<string>, anchors: Set<string> | undefined): string | undefined {
  if (EXTERNAL_LINK.test(url)) return undefined;
  const shown = url.length > 40 ? `${url.slice(0, 40)}…` : url;
  if (url.startsWith('#')) {
    let id = url.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Not percent-encoded: the id as written.
    }
    if (anchors === undefined || anchors.has(id)) return undefined;
    return `链接 ${shown} 指向本页不存在的位置；# 后面应是本案例某个小标题的文字`;
  }
  if (!url.startsWith('/') || url.startsWith('//'))
    return /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)
      ? `链接 ${shown} 不允许：链接只能用 http(s) 网址、mailto: 或以 / 开头的站内路径`
      : `链接 ${shown} 是相对路径，在案例页上会指错地方；站内链接请以 / 开头，如 /cases/案例id/`;
  const target = linkedCaseId(url);
  if (target !== undefined) {
    const linked = byId.get(target);
    if (!linked) return `链接 ${shown} 指向不存在的案例“${target}”；请核对案例 id`;
    if (linked.draft && !from.draft) return `链接 ${shown} 指向草稿案例“${target}”，草稿不会发布，链接会失效；请先发布该案例或删去链接`;
    return undefined;
  }
  if (pages.has(pagePath(url))) return undefined;
  return `链接 ${shown} 指向网站上不存在的页面；站内链接请用现有页面的路径，如 /cases/案例id/、/measures/措施id/、/years/2020/`;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}  ${p.field}  ${p.message}`;
}
