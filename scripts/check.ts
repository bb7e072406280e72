/**
 * `npm run check` (content part): validates every case file and the collection as a whole,
 * printing `file:line  field  message` in Chinese for each problem. Exits 1 on any problem.
 *
 *   node scripts/check.ts [DIR]
 */
import { resolve } from 'node:path';
import { SITE } from '../src/config.ts';
import { PROJECT_ROOT } from '../src/lib/paths.ts';
import { checkCaseDirectory, formatProblem } from '../src/lib/validate.ts';

const dir = resolve(PROJECT_ROOT, process.argv[2] ?? SITE.casesDir);
try {
  const { problems, cases } = checkCaseDirectory(dir, process.cwd());
  for (const p of problems) console.error(formatProblem(p));
  const drafts = cases.filter((c) => c.data.draft).length;
  if (problems.length > 0) {
    console.error(`\n内容检查未通过：${problems.length} 处问题。`);
    process.exitCode = 1;
  } else {
    console.log(`内容检查通过：${cases.length} 个案例（其中草稿 ${drafts} 个，不会发布）。`);
  }
} catch (error) {
  console.error(`内容检查无法完成：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
