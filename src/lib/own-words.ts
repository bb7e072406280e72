/**
 * The own-words check of `npm run check`: a case body compared with the report it was written
 * from. Each copied run becomes one line in the checker's `file:line 字段 说明` form. Reports
 * are kept out of the repository (the importer saves them under reports/, which git ignores),
 * so the comparison runs wherever an editor has the report and nowhere else.
 */
import { copiedRunMessage, findCopiedRuns } from './copied-runs.ts';
import { detectScript, toSimplified } from './import/script.ts';
import type { Problem } from './validate.ts';

/** Folder, relative to the project root, where `npm run import` keeps each raw report as <case id>.txt. */
export const REPORTS_DIR = 'reports';

/** Where the kept report of a case lives inside a reports folder. */
export const reportFileName = (id: string): string => `${id}.txt`;

/** One problem per copied run of `body`; a Traditional report is compared in Simplified, as the case is written. */
export function copiedRunProblems(c: { file: string; body: string; bodyLine: number }, report: string): Problem[] {
  const simplified = toSimplified(report, detectScript(report).script);
  return findCopiedRuns(c.body, simplified, { firstLine: c.bodyLine }).map((run) => ({
    file: c.file,
    line: run.line,
    field: '正文',
    message: copiedRunMessage(run),
  }));
}
