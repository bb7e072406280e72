import { existsSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { BUILDS, ROOT_SITE, SUB_BASE, SUB_SITE, runScript } from './site.ts';

/** Builds the site twice with `scripts/build.ts`, the same command `npm run build` runs. */
export default function setup(): void {
  rmSync(BUILDS, { recursive: true, force: true });
  for (const [out, base] of [
    [ROOT_SITE, '/'],
    [SUB_SITE, SUB_BASE],
  ] as const) {
    const result = runScript('build.ts', ['--out', relative(PROJECT_ROOT, out), '--base', base]);
    if (result.status !== 0 || !existsSync(out)) throw new Error(`测试用站点构建失败（base ${base}）：\n${result.stdout}\n${result.stderr}`);
  }
}
