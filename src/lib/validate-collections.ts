/**
 * The check of 专题 files (content/collections/<id>.yaml), run by checkCaseDirectory, so
 * `npm run check`, the build and the dev server accept and refuse the same files. A collection
 * is plain YAML, read as data and never executed; it is refused with the same Chinese
 * `file:line 字段 说明` lines as a case: bad YAML, a field out of shape, a case id that names
 * no case, a draft or the same case twice.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectionSchema, type CollectionRecord } from '../schema/collection.ts';
import { CASE_ID_PATTERN } from '../schema/ids.ts';
import { closest, friendlyProblems, listAllowed, parseWithChineseErrors } from '../schema/errors.ts';
import { numberStyleProblems } from './number-style.ts';
import type { Problem } from './validate.ts';
import { decodeUtf8, NOT_UTF8, unsafeEntryProblem } from './content-files.ts';
import { FORBIDDEN_CHARS, forbiddenMessage, readYamlData } from './yaml-data.ts';

/** A collection lists a few dozen ids and a paragraph; anything bigger is a mistake. */
export const MAX_COLLECTION_BYTES = 64 * 1024;

/** What a collection needs to know of a case: whether it exists and whether it is a draft. */
export type CaseIndex = ReadonlyMap<string, { draft: boolean }>;

export interface CollectionCheck {
  problems: Problem[];
  /** Collections without problems, in file-name order. */
  collections: CollectionRecord[];
}

/** Where collections live: beside the cases folder (content/cases → content/collections). */
export const collectionsDirFor = (casesDir: string): string => join(casesDir, '..', 'collections');

/** Checks every file of a collections folder; a missing folder is no collections at all. */
export function checkCollectionDirectory(dir: string, cases: CaseIndex, root = process.cwd()): CollectionCheck {
  const problems: Problem[] = [];
  const collections: CollectionRecord[] = [];
  if (!existsSync(dir)) return { problems, collections };
  const fileOf = (path: string) => relative(root, path) || path;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const file = fileOf(path);
    const refused = entryProblem(name, path);
    if (refused) {
      problems.push({ file, line: 1, field: '文件', message: refused });
      continue;
    }
    const text = decodeUtf8(readFileSync(path));
    if (text === undefined) {
      problems.push({ file, line: 1, field: '文件', message: NOT_UTF8 });
      continue;
    }
    const result = checkCollectionText(file, name.slice(0, -'.yaml'.length), text, cases);
    problems.push(...result.problems);
    if (result.collection) collections.push(result.collection);
  }
  return { problems, collections };
}

/** What a folder entry that is not a collection file is told; undefined for those that are. */
function entryProblem(name: string, path: string): string | undefined {
  const stat = lstatSync(path);
  const unsafe = unsafeEntryProblem(name, stat);
  if (unsafe) return unsafe;
  if (stat.isDirectory()) return '专题文件夹里不能有子文件夹；每个专题是一个 .yaml 文件';
  if (!stat.isFile()) return '这不是一个普通文件；专题文件夹里只放 .yaml 文件';
  if (!name.endsWith('.yaml')) return '专题文件的扩展名应为 .yaml（不是 .yml、.json 或其他）；专题文件夹里只放专题';
  if (stat.size > MAX_COLLECTION_BYTES)
    return `文件太大（${Math.ceil(stat.size / 1024)} KB），上限 ${MAX_COLLECTION_BYTES / 1024} KB；专题只写标题、简介、对象和案例 id`;
  return undefined;
}

/** Checks one collection file's text; `id` comes from its file name. */
export function checkCollectionText(file: string, id: string, raw: string, cases: CaseIndex): { problems: Problem[]; collection?: CollectionRecord } {
  const problems: Problem[] = [];
  const add = (line: number, field: string, message: string) => problems.push({ file, line, field, message });
  const done = () => ({ problems: problems.sort((a, b) => a.line - b.line) });
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const bad = FORBIDDEN_CHARS.exec(line)?.[0];
    if (bad !== undefined) add(i + 1, '文件', forbiddenMessage(bad));
  });
  if (text.trim() === '') add(1, '文件', '文件是空的；专题要写 title、intro、audience 和 cases（见 CONTRIBUTING.md）');
  if (problems.length > 0) return done();

  const yaml = readYamlData(text, {
    firstLine: 1,
    field: '文件',
    fieldAt: () => '文件',
    shape: '专题文件应为“字段: 值”形式的若干行：title、intro、audience、cases；冒号要用半角“:”且后面有空格',
  });
  for (const p of yaml.problems) add(p.line, p.field, p.message);
  const { data, lineOf } = yaml;
  if (!data || problems.length > 0) return done();
  const result = parseWithChineseErrors(collectionSchema, data);
  if (!result.success) for (const p of friendlyProblems(result.error, data)) add(lineOf(p.path), p.field, p.message);

  // Comments are notes to editors and never published; the rest follows the casebook's number style.
  for (const p of numberStyleProblems(lines.map((l) => (/^\s*#/.test(l) ? '' : l)))) add(p.line, fieldAt(lines, p.line), p.message);

  const ids = (data as { cases?: unknown }).cases;
  if (Array.isArray(ids)) {
    // Drafts are not offered: a collection cannot list them.
    const known = [...cases]
      .filter(([, c]) => !c.draft)
      .map(([caseId]) => caseId)
      .sort();
    const seen = new Set<string>();
    ids.forEach((caseId, i) => {
      if (typeof caseId !== 'string' || !CASE_ID_PATTERN.test(caseId)) return;
      const line = lineOf(['cases', i]);
      const field = `cases.${i}`;
      const found = cases.get(caseId);
      if (seen.has(caseId)) add(line, field, `案例“${caseId}”重复列出；每个案例在专题里只列一次`);
      else if (!found) {
        const guess = closest(caseId, known);
        add(
          line,
          field,
          `找不到案例“${caseId}”${guess ? `（是否想写“${guess}”？）` : ''}；请写 content/cases 里案例的 id（文件名去掉 .mdx）；可选：${listAllowed(known)}`,
        );
      } else if (found.draft) add(line, field, `案例“${caseId}”是草稿，不会发布，专题页会缺这一篇；请先发布该案例，或从专题里删去`);
      seen.add(caseId);
    });
  }
  // The file name is the id and the address (/collections/<id>/).
  if (!CASE_ID_PATTERN.test(id)) add(1, '文件', `文件名“${id}.yaml”不能作专题 id：只能用小写英文字母、数字和单个连字符，如 party-building-basics.yaml`);
  if (problems.length > 0 || !result.success) return done();
  return { ...done(), collection: { id, ...result.data } };
}

/** The top-level field a line belongs to. */
function fieldAt(lines: readonly string[], line: number): string {
  for (let l = line; l >= 1; l--) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[l - 1] ?? '')?.[1];
    if (key) return key;
  }
  return '文件';
}
