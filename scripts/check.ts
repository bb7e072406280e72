/**
 * `npm run check` (content part): validates every case file, the cases as a whole and the
 * 专题 files beside them (content/collections), printing `file:line  field  message` in
 * Chinese for each problem. Exits 1 on any error;
 * notices (drafts) are printed but do not fail. Never prints a stack trace: an editor cannot
 * act on one, and a broken vocabulary file is an editor's mistake too.
 *
 * Then the own-words check: each case whose raw report is at hand (kept by `npm run import`
 * in reports/<id>.txt, or named with --report) is compared with it, and every run of 15 or
 * more characters copied from it is listed. These lines are warnings, since only the editor
 * can rewrite them; --strict makes them errors.
 *
 *   node scripts/check.ts [DIR] [--report FILE --case ID] [--reports DIR] [--strict] [--astro]
 *
 * --astro runs `astro check` after a content check that passed; package.json passes it, so
 * that `npm run check -- --report …` hands the flags to this script rather than to astro.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isEntryPoint, runCommand, UsageError, type Output } from './cli.ts';

const USAGE = '用法：npm run check -- [案例文件夹] [--report 原始报道.txt --case 案例id] [--reports 报道文件夹] [--strict]';

/** `npm run check` with these arguments; returns the exit code. */
export const checkCommand = (args: string[], out: Output = console): Promise<number> => runCommand(() => main(args, out), out, '内容检查无法完成');

async function main(args: string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        report: { type: 'string' },
        case: { type: 'string' },
        reports: { type: 'string' },
        strict: { type: 'boolean' },
        astro: { type: 'boolean' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`参数有误：${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`只能给出一个案例文件夹。\n${USAGE}`);
  if (values.report !== undefined && values.case === undefined) throw new UsageError(`--report 要和 --case 一起用，说明这篇报道是哪个案例的原文。\n${USAGE}`);

  // Imported here, not at the top, so that a broken content/measures.yaml (read when the
  // schema loads) is reported like any other problem.
  const { SITE } = await import('../src/config.ts');
  const { PROJECT_ROOT } = await import('../src/lib/paths.ts');
  const { checkCaseDirectory, formatProblem } = await import('../src/lib/validate.ts');
  const { REPORTS_DIR, copiedRunProblems, reportFileName } = await import('../src/lib/own-words.ts');
  const dir = resolve(PROJECT_ROOT, positionals[0] ?? SITE.casesDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`找不到案例文件夹 ${dir}`);
  const reportArg = values.report === undefined ? undefined : resolve(process.cwd(), values.report);
  if (reportArg !== undefined && (!existsSync(reportArg) || !statSync(reportArg).isFile())) throw new UsageError(`找不到原始报道 ${values.report}`);

  const { problems, notices, cases, collections } = checkCaseDirectory(dir, process.cwd());
  if (values.case !== undefined && !cases.some((c) => c.data.id === values.case) && !problems.some((p) => p.file.endsWith(`/${values.case}.mdx`)))
    throw new UsageError(`没有 id 为“${values.case}”的案例`);

  // Own words: the named report for the named case, otherwise each case's kept report if any.
  const reportsDir = resolve(PROJECT_ROOT, values.reports ?? REPORTS_DIR);
  const copied = [];
  let compared = 0;
  for (const c of cases) {
    if (values.case !== undefined && c.data.id !== values.case) continue;
    const file = reportArg ?? join(reportsDir, reportFileName(c.data.id));
    if (!existsSync(file)) continue;
    compared++;
    copied.push(...copiedRunProblems(c, readFileSync(file, 'utf8')));
  }
  const strict = values.strict === true;

  for (const n of notices) out.log(formatProblem(n));
  for (const p of problems) out.error(formatProblem(p));
  for (const p of copied) (strict ? out.error : out.log)(formatProblem(p));
  const drafts = cases.filter((c) => c.data.draft).length;
  let failed = problems.length > 0;
  if (problems.length > 0) out.error(`\n内容检查未通过：${problems.length} 处问题。`);
  else out.log(`内容检查通过：${cases.length} 个案例（其中草稿 ${drafts} 个，不会发布）${collections.length > 0 ? `，${collections.length} 个专题` : ''}。`);
  if (compared > 0) {
    if (copied.length === 0) out.log(`与原始报道对照：${compared} 个案例，没有发现照抄原文的句子。`);
    else if (strict) {
      out.error(`与原始报道对照：${compared} 个案例中有 ${copied.length} 处与原文雷同（--strict：算作问题）；请用自己的话改写。`);
      failed = true;
    } else
      out.log(`与原始报道对照：${compared} 个案例中有 ${copied.length} 处与原文雷同；请用自己的话改写（这是提醒，不影响检查结果；加 --strict 时算作问题）。`);
  }
  if (failed) return 1;
  if (values.astro)
    return spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'check'], { stdio: 'inherit' }).status ?? 1;
  return 0;
}

if (isEntryPoint(import.meta.url)) process.exitCode = await checkCommand(process.argv.slice(2));
