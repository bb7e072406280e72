/**
 * Cases are written in the project's own words: facts and figures carry over, sentences do
 * not. No run of 15 or more characters shared with a seed report may stand in a case body,
 * compared the way `npm run check` compares a case with its report (src/lib/copied-runs.ts):
 * spaces and punctuation ignored, full-width and half-width alike, quotations and titles in
 * “” 「」 《》 excepted. That covers every whole clause of 15 or more characters (split at
 * 。！？；，、 and line breaks) and any copied stretch that crosses clause boundaries.
 * Runs only where ../shared/seeds exists; no seed text is kept in the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { MIN_COPIED_RUN, copiedRunMessage, findCopiedRuns } from '../../src/lib/copied-runs.ts';
import { fromRoot, PROJECT_ROOT } from '../../src/lib/paths.ts';
import { splitFrontmatter } from '../../src/lib/validate.ts';

const SEEDS = join(PROJECT_ROOT, '..', 'shared', 'seeds');
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const seedsHere = existsSync(SEEDS);
if (!seedsHere) console.warn(`未找到 ${SEEDS}，跳过“不照搬原文”检查`);

describe.skipIf(!seedsHere)('cases do not copy their sources', () => {
  const seeds = seedsHere
    ? readdirSync(SEEDS)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => ({ name: f, text: toSimplified(readFileSync(join(SEEDS, f), 'utf8')) }))
    : [];
  const dir = fromRoot('content', 'cases');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')) : [];

  it('reads every seed, and the comparison finds a clause of a seed in a text that holds it', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    for (const seed of seeds) {
      // A clause taken from the seed at run time (one without quotations, which are excepted),
      // re-spaced as an editor might: it must be found.
      const clause = seed.text
        .split(/[。！？；，、!?;,\n]/)
        .map((c) => c.trim())
        .find((c) => [...c.replace(/\s/g, '')].length >= MIN_COPIED_RUN + 5 && !/[“”《》「」"]/.test(c));
      expect(clause, seed.name).toBeDefined();
      const respaced = `## 背景\n\n开头。${clause!.replace(/(\d+)/g, ' $1 ')}。结尾。`;
      expect(findCopiedRuns(respaced, seed.text).length, seed.name).toBe(1);
    }
  });

  it.each(files)('%s shares no run of 15 or more characters with any seed', (name) => {
    const split = splitFrontmatter(readFileSync(join(dir, name), 'utf8'))!;
    const copied = seeds.flatMap((seed) =>
      findCopiedRuns(split.body, seed.text, { firstLine: split.bodyLine }).map((run) => `${name}:${run.line} ${copiedRunMessage(run)}（${seed.name}）`),
    );
    expect(copied).toEqual([]);
  });
});
