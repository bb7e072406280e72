/**
 * The same MDX safety rules as `npm run check`, applied inside the MDX compiler itself: if an
 * unsafe construct ever reaches compilation (`astro dev`, a bare `astro build`, a check that
 * was skipped), compilation stops before any of the file's code could run.
 */
import { treeProblems } from './mdx-safety.ts';

export default function remarkCaseSafety() {
  return (tree: unknown, file: { path?: string }) => {
    const problems = treeProblems(tree);
    if (problems.length === 0) return;
    const where = file.path ?? '案例文件';
    throw new Error(`${where} 含有不允许的内容，已停止编译：\n${problems.map((p) => `  第 ${p.line} 行（正文）：${p.message}`).join('\n')}`);
  };
}
