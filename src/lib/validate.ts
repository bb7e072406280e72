/**
 * Content checks shared by `npm run check` and the build: every case file is read, its
 * frontmatter parsed and validated against the case schema, its body checked for structure
 * and MDX safety; then the collection as a whole (duplicate ids, links between cases).
 * Each problem names the file, the line, the field and what is wrong, in Chinese.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import { BODY_SECTIONS, caseSchema, type CaseData } from '../schema/case.ts';
import { friendlyProblems } from '../schema/errors.ts';
import { checkMdxBody } from './mdx-safety.ts';

export interface Problem {
  file: string;
  line: number;
  /** Frontmatter field, or 正文 / 文件 for the body and the file as a whole. */
  field: string;
  message: string;
}

export interface CheckedCase {
  file: string;
  data: CaseData;
  body: string;
  /** Line in the file where the body starts, for mapping body problems back. */
  bodyLine: number;
}

/** Large enough for a long case with many figures; a bigger file is a mistake or an attack. */
export const MAX_FILE_BYTES = 512 * 1024;

interface SplitFile {
  frontmatter: string;
  body: string;
  bodyLine: number;
}

/** Splits `---` frontmatter from the body. Accepts a UTF-8 BOM and CRLF line endings. */
export function splitFrontmatter(raw: string): SplitFile | undefined {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return undefined;
  const frontmatter = match[1] ?? '';
  return { frontmatter, body: text.slice(match[0].length), bodyLine: frontmatter.split('\n').length + 3 };
}

/** Checks one file's text; `file` is only used in messages. */
export function checkCaseText(file: string, raw: string): { problems: Problem[]; checked?: CheckedCase } {
  const problems: Problem[] = [];
  const add = (line: number, field: string, message: string) => problems.push({ file, line, field, message });
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    add(1, '文件', `文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB），上限 ${MAX_FILE_BYTES / 1024} KB；请删去多余内容或拆成几个案例`);
    return { problems };
  }
  if (raw.replace(/^\uFEFF/, '').trim() === '') {
    add(1, '文件', '文件是空的；请用 npm run new-case 生成案例模板');
    return { problems };
  }
  const split = splitFrontmatter(raw);
  if (!split) {
    add(1, 'frontmatter', '文件开头缺少 frontmatter：第一行应为 ---，字段写完后再用一行 --- 结束');
    return { problems };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(split.frontmatter, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, 3)) {
      const line = (err.linePos?.[0]?.line ?? 1) + 1;
      add(line, 'frontmatter', `YAML 格式错误（${err.code}）：请检查缩进、冒号后的空格和引号是否成对`);
    }
    return { problems };
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    add(2, 'frontmatter', 'frontmatter 应为“字段: 值”形式的若干行');
    return { problems };
  }
  /** The line of a field's key (or a list item), falling back to its nearest known parent. */
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n > 0; n--) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1) as unknown[], true);
      const key = path[n - 1];
      let start: number | undefined;
      if (isMap(parent)) start = (parent.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key as Scalar | undefined)?.range?.[0];
      else if (isSeq(parent) && typeof key === 'number') start = (parent.items[key] as { range?: [number] } | undefined)?.range?.[0];
      if (start !== undefined) return lineCounter.linePos(start).line + 1;
    }
    return 1;
  };
  const result = caseSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const p of friendlyProblems(result.error, data)) add(lineOf(p.path), p.field, p.message);
  }
  const expectedName = result.success ? `${result.data.id}.mdx` : undefined;
  if (expectedName && basename(file) !== expectedName)
    add(lineOf(['id']), 'id', `文件名应与 id 一致：请把文件命名为 ${expectedName}`);

  for (const p of checkBody(split.body)) add(split.bodyLine + p.line - 1, '正文', p.message);

  if (problems.length > 0 || !result.success) return { problems };
  return { problems, checked: { file, data: result.data, body: split.body, bodyLine: split.bodyLine } };
}

/** Structure and safety of the Markdown body. Lines are relative to the body. */
export function checkBody(body: string): { line: number; message: string }[] {
  if (body.trim() === '') return [{ line: 1, message: `正文是空的；正文应依次包含 ${BODY_SECTIONS.map((s) => `## ${s}`).join('、')} 四节` }];
  const safety = checkMdxBody(body);
  if (safety.length > 0) return safety;
  const problems: { line: number; message: string }[] = [];
  const headings = [...body.matchAll(/^##[ \t]+(.+?)[ \t]*$/gm)].map((m) => ({
    title: m[1] ?? '',
    line: body.slice(0, m.index).split('\n').length,
  }));
  let cursor = 0;
  for (const section of BODY_SECTIONS) {
    const at = headings.findIndex((h, i) => i >= cursor && h.title === section);
    if (at === -1) {
      const elsewhere = headings.some((h) => h.title === section);
      problems.push({
        line: headings[cursor]?.line ?? 1,
        message: elsewhere
          ? `“## ${section}”的位置不对；正文须依次为 ${BODY_SECTIONS.map((s) => `## ${s}`).join('、')}`
          : `缺少“## ${section}”一节；正文须依次包含 ${BODY_SECTIONS.map((s) => `## ${s}`).join('、')}`,
      });
    } else cursor = at + 1;
  }
  if (headings.some((h) => h.title === '讨论题'))
    problems.push({ line: headings.find((h) => h.title === '讨论题')!.line, message: '讨论题请写在 frontmatter 的 questions 字段里，不要写进正文' });
  return problems;
}

/** Links from one case to another: /cases/<id>/ with or without the site's base. */
const CASE_LINK = /\]\((?:[^)\s]*?)\/cases\/([a-z0-9-]+)\/?[)#\s]/g;

/** Checks every `.mdx` file of a folder and the collection as a whole. */
export function checkCaseDirectory(dir: string, root = process.cwd()): { problems: Problem[]; cases: CheckedCase[] } {
  const problems: Problem[] = [];
  const cases: CheckedCase[] = [];
  const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
  for (const name of files) {
    const path = join(dir, name);
    const file = relative(root, path) || path;
    if (!name.endsWith('.mdx')) {
      if (statSync(path).isFile()) problems.push({ file, line: 1, field: '文件', message: '案例文件的扩展名应为 .mdx' });
      continue;
    }
    const size = statSync(path).size;
    const raw = size > MAX_FILE_BYTES ? 'x'.repeat(MAX_FILE_BYTES + 1) : readFileSync(path, 'utf8');
    const result = size > MAX_FILE_BYTES ? { problems: [{ file, line: 1, field: '文件', message: `文件太大（${(size / 1024 / 1024).toFixed(1)} MB），上限 ${MAX_FILE_BYTES / 1024} KB；请删去多余内容或拆成几个案例` }] } : checkCaseText(file, raw);
    problems.push(...result.problems);
    if ('checked' in result && result.checked) cases.push(result.checked);
  }
  const byId = new Map<string, CheckedCase>();
  for (const c of cases) {
    const first = byId.get(c.data.id);
    if (first) problems.push({ file: c.file, line: 2, field: 'id', message: `id“${c.data.id}”与 ${first.file} 重复；每个案例的 id 必须唯一` });
    else byId.set(c.data.id, c);
  }
  for (const c of cases) {
    for (const m of c.body.matchAll(CASE_LINK)) {
      const target = m[1] ?? '';
      const line = c.bodyLine + c.body.slice(0, m.index).split('\n').length - 1;
      const linked = byId.get(target);
      if (!linked) problems.push({ file: c.file, line, field: '正文', message: `链接指向不存在的案例“${target}”` });
      else if (linked.data.draft && !c.data.draft) problems.push({ file: c.file, line, field: '正文', message: `链接指向草稿案例“${target}”，草稿不会发布` });
    }
  }
  return { problems, cases };
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}  ${p.field}  ${p.message}`;
}
