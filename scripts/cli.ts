/**
 * What the command-line tools (check, import, new-case) share: each is a function from its
 * arguments to an exit code that prints through an Output, so the tests run it in-process and
 * capture what an editor would read; the script runs it only when node was started with it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a command prints: the console, or a test's capture. */
export type Output = Pick<Console, 'log' | 'error'>;

/** A mistake in how the command was called: printed as it is, without the failure prefix. */
export class UsageError extends Error {}

/**
 * Runs a command and returns its exit code. It never throws: a usage error prints its message,
 * anything else `failure` and the reason, never a stack trace (an editor cannot act on one).
 */
export async function runCommand(command: () => number | void | Promise<number | void>, out: Output, failure: string): Promise<number> {
  try {
    return (await command()) ?? 0;
  } catch (error) {
    out.error(error instanceof UsageError ? error.message : `${failure}：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Whether the module at `moduleUrl` is the script node was started with. */
export const isEntryPoint = (moduleUrl: string): boolean => process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
