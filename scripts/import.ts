/**
 * `npm run import -- <article.txt|.html> [--out DIR] [--id ID] [--reports DIR]`: turns a raw
 * report into a draft case (draft: true) for an editor to finish, and says what it could not
 * decide. The report's cleaned text is kept in reports/<id>.txt (git-ignored: reports are not
 * ours to publish), where `npm run check` finds it to list sentences the case still copies.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE } from '../src/config.ts';
import { importArticle, type ArticleKind } from '../src/lib/import/article.ts';
import { PROJECT_ROOT } from '../src/lib/paths.ts';
import { REPORTS_DIR, reportFileName } from '../src/lib/own-words.ts';
import { isValidId, renderCase, uniqueId, writeNewFile } from '../src/lib/scaffold.ts';
import { checkCaseText, formatProblem } from '../src/lib/validate.ts';
import { isEntryPoint, runCommand, UsageError, type Output } from './cli.ts';

const USAGE = '用法：npm run import -- <文章.txt|文章.html> [--out 目录] [--id 案例id] [--reports 报道文件夹]';
const KINDS: Record<string, ArticleKind> = { '.txt': 'txt', '.text': 'txt', '.html': 'html', '.htm': 'html' };

/** `npm run import` with these arguments; returns the exit code. */
export const importCommand = (args: string[], out: Output = console): Promise<number> => runCommand(() => main(args, out), out, '导入失败');

function main(args: string[], out: Output): void {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { out: { type: 'string' }, id: { type: 'string' }, reports: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`参数有误：${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return void out.log(USAGE);
  if (positionals.length !== 1) throw new UsageError(`请给出一个文章文件。\n${USAGE}`);
  const input = resolve(process.cwd(), positionals[0]!);
  if (!existsSync(input) || !statSync(input).isFile()) throw new UsageError(`找不到文件 ${positionals[0]}`);
  const kind = KINDS[extname(input).toLowerCase()];
  if (!kind) throw new UsageError(`不支持的文件类型“${extname(input) || '（无扩展名）'}”：只能导入 .txt 或 .html 文件`);
  if (values.id !== undefined && !isValidId(values.id))
    throw new UsageError(`--id“${values.id}”不合格式：只能用小写英文字母、数字和单个连字符，如 shashi-three-ventures`);

  const draft = importArticle(readFileSync(input, 'utf8'), kind, { id: values.id });
  const dir = resolve(PROJECT_ROOT, values.out ?? SITE.casesDir);
  const id = values.id ?? uniqueId(dir, draft.id);
  draft.data['id'] = id;
  const file = join(dir, `${id}.mdx`);
  const text = renderCase(draft.data, draft.body, draft.comments);
  const shown = relative(process.cwd(), file) || file;
  // Refuse to write a draft `npm run check` would reject: that is a bug here, not the editor's.
  const { problems } = checkCaseText(file, text);
  if (problems.length > 0) throw new Error(`生成的草稿未通过检查：\n${problems.map(formatProblem).join('\n')}`);
  try {
    writeNewFile(file, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${shown} 已存在，不会覆盖；请换一个 --id 或 --out 目录。`);
    throw error;
  }
  // The case file is new, so any report under its id belongs to an earlier, deleted draft.
  const reportsDir = resolve(PROJECT_ROOT, values.reports ?? REPORTS_DIR);
  const report = join(reportsDir, reportFileName(id));
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(report, `${draft.text}\n`, 'utf8');
  const d = draft.data as {
    level: string;
    region: { province: string; city?: string; county?: string; town?: string };
    year: number;
    measures: string[];
    metrics: unknown[];
    source: { script: string; type: string };
  };
  out.log(`已生成草稿 ${shown}（draft: true）`);
  out.log(`  地区：${[d.region.province, d.region.city, d.region.county, d.region.town].filter(Boolean).join(' ')}`);
  out.log(
    `  年份：${d.year}\u3000层级：${d.level}\u3000原文：${d.source.script}体${d.source.type}\u3000措施 ${d.measures.length} 项\u3000数据 ${d.metrics.length} 项（另有 ${draft.unused.length} 个数字未记为数据）`,
  );
  if (draft.undecided.length > 0) {
    out.log('未能确定，请编辑核实：');
    for (const u of draft.undecided) out.log(`  - ${u}`);
  }
  const reportShown = relative(process.cwd(), report) || report;
  if (draft.unused.length > 0) {
    out.log(`未记为数据的数字 ${draft.unused.length} 个（行号是 ${reportShown} 的行），请逐一核对，需要的手工补进 metrics 或写进正文：`);
    for (const u of draft.unused) out.log(`  ${reportShown}:${u.line}  ${u.text}  ${u.reason}`);
  }
  out.log('正文“背景”一节是原文摘录，标有“待改写”；改写全部“待改写”处后才能把 draft 改为 false。');
  out.log(`原文保存在 ${reportShown}（不进入版本库）；npm run check 会对照它，列出正文里与原文雷同的句子。`);
}

if (isEntryPoint(import.meta.url)) process.exitCode = await importCommand(process.argv.slice(2));
