/** Copies of the real cases for tests that change files in a case folder. */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../src/lib/paths.ts';

/** A fresh copy of content/cases in `<work>/<name>/cases` (no 专题 beside it); returns that folder. */
export function casesCopy(work: string, name: string): string {
  const dir = join(work, name, 'cases');
  rmSync(join(work, name), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(fromRoot('content', 'cases'), dir, { recursive: true });
  return dir;
}
