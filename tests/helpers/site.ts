/** Paths of the sites built for the tests, and a runner for the project's own scripts. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type { Output } from '../../scripts/cli.ts';
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

/** Every file of a built site, by path in sorted order, with its bytes. */
export function siteFiles(site: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(site, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(site, name);
    if (statSync(path).isFile()) out.set(name, readFileSync(path));
  }
  return out;
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

/**
 * Runs a command-line tool's command (scripts/cli.ts) in this process, with what it prints
 * captured as the script's stdout and stderr would be: seconds faster than runScript, which
 * the tests keep for one run of each tool, to show the script itself sets the exit code.
 */
export async function runInProcess(command: (args: string[], out: Output) => Promise<number>, args: string[] = []): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = {
    log: (...parts: unknown[]) => stdout.push(`${format(...parts)}\n`),
    error: (...parts: unknown[]) => stderr.push(`${format(...parts)}\n`),
  };
  const status = await command(args, out);
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}
