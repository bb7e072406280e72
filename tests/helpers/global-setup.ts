import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';
import { BUILDS, ROOT_SITE, SUB_ADDRESS, SUB_BASE, SUB_SITE, runScript } from './site.ts';

/**
 * Builds the site twice with `scripts/build.ts`, the same command `npm run build` runs: the
 * sub-path site as a published one (its public address set), the root site as a local preview
 * (none). Each build's output is kept beside it (`<site>.log`) for the tests that read it.
 */
export default function setup(): void {
  rmSync(BUILDS, { recursive: true, force: true });
  for (const [out, base, address] of [
    [ROOT_SITE, '/', ''],
    [SUB_SITE, SUB_BASE, SUB_ADDRESS],
  ] as const) {
    const result = runScript('build.ts', ['--out', relative(PROJECT_ROOT, out), '--base', base], { CASEBOOK_SITE: address });
    if (result.status !== 0 || !existsSync(out)) throw new Error(`测试用站点构建失败（base ${base}）：\n${result.stdout}\n${result.stderr}`);
    writeFileSync(`${out}.log`, result.stdout + result.stderr);
  }
}
