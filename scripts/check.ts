/**
 * `npm run check` (content part): validates every case file and the collection as a whole,
 * printing `file:line  field  message` in Chinese for each problem. Exits 1 on any error;
 * notices (drafts) are printed but do not fail. Never prints a stack trace: an editor cannot
 * act on one, and a broken vocabulary file is an editor's mistake too.
 *
 *   node scripts/check.ts [DIR]
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

try {
  // Imported here, not at the top, so that a broken content/measures.yaml (read when the
  // schema loads) is reported like any other problem.
  const { SITE } = await import('../src/config.ts');
  const { PROJECT_ROOT } = await import('../src/lib/paths.ts');
  const { checkCaseDirectory, formatProblem } = await import('../src/lib/validate.ts');
  const dir = resolve(PROJECT_ROOT, process.argv[2] ?? SITE.casesDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`内容检查无法完成：找不到案例文件夹 ${dir}`);
    process.exitCode = 1;
  } else {
    const { problems, notices, cases } = checkCaseDirectory(dir, process.cwd());
    for (const n of notices) console.log(formatProblem(n));
    for (const p of problems) console.error(formatProblem(p));
    const drafts = cases.filter((c) => c.data.draft).length;
    if (problems.length > 0) {
      console.error(`\n内容检查未通过：${problems.length} 处问题。`);
      process.exitCode = 1;
    } else {
      console.log(`内容检查通过：${cases.length} 个案例（其中草稿 ${drafts} 个，不会发布）。`);
    }
  }
} catch (error) {
  console.error(`内容检查无法完成：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
