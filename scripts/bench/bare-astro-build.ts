/**
 * Builds the bare stack over a corpus: Astro 7 + MDX (scripts/bench/bare-astro/, one plain
 * page per case from the same MDX files) and then Pagefind over the pages with its defaults.
 * Run by scripts/bench.ts as a child process, so its wall time and peak memory are measured
 * the same way as the casebook's build.
 *
 *   node scripts/bench/bare-astro-build.ts CORPUS_DIR OUT_DIR [--again]
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { indexWithDefaults } from './baseline.ts';
import { PROJECT_ROOT } from '../../src/lib/paths.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { again: { type: 'boolean', default: false } } });
const [corpus, out] = positionals.map((p) => resolve(p));
if (!corpus || !out) throw new Error('用法：node scripts/bench/bare-astro-build.ts 案例目录 输出目录 [--again]');
const root = join(PROJECT_ROOT, 'scripts', 'bench', 'bare-astro');
const cache = join(PROJECT_ROOT, '.tmp', 'bench', 'bare-astro-cache');
// Cold by default; --again keeps Astro's caches and the last output, as an editor's rebuild would.
if (!values.again) {
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  rmSync(join(root, '.astro'), { recursive: true, force: true });
}
Object.assign(process.env, { BARE_CORPUS: corpus, BARE_OUT: out, BARE_CACHE: cache, ASTRO_TELEMETRY_DISABLED: '1' });
delete process.env['BASE_URL'];

let started = performance.now();
// Bundler warnings about MDX modules would fill the log; errors still show.
await build({ root, logLevel: 'error' });
console.log(`astro build ${Math.round(performance.now() - started)} ms`);
started = performance.now();
const pages = await indexWithDefaults(out);
console.log(`pagefind ${Math.round(performance.now() - started)} ms, ${pages} pages`);
