/**
 * The project root, found by walking up from this module to the nearest package.json. Astro
 * bundles this module into dist/.prerender/ during a build, so paths relative to
 * import.meta.url alone would break there.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const fromRoot = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
