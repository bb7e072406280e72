/** Paths of the sites built for the tests, and a runner for the project's own scripts. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';

/** Separate runs (CASEBOOK_TEST_RUN) get separate folders, so two test runs cannot clobber each other. */
export const BUILDS = join(PROJECT_ROOT, '.tmp', 'test-builds', process.env['CASEBOOK_TEST_RUN'] ?? 'default');
/** The site built at the root path. */
export const ROOT_SITE = join(BUILDS, 'root');
/** The same site built under a sub-path, as a deployment to https://host/casebook/ would be. */
export const SUB_SITE = join(BUILDS, 'sub');
export const SUB_BASE = '/casebook/';
/** The public address the sub-path site is built for (CASEBOOK_SITE); the root site has none. */
export const SUB_ADDRESS = 'https://casebook.example.org';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<script>` as npm would, with the project's Node. */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}): RunResult {
  const result = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(PROJECT_ROOT, 'scripts', script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
