/**
 * Cases are written in the project's own words: facts and figures carry over, sentences do
 * not. No sentence of a seed report (at least 12 characters, ignoring spacing and
 * punctuation) may stand whole in a case body; titles cited in 《》 are the exception.
 * Runs only where ../shared/seeds exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { fromRoot, PROJECT_ROOT } from '../../src/lib/paths.ts';
import { splitFrontmatter } from '../../src/lib/validate.ts';

const SEEDS = join(PROJECT_ROOT, '..', 'shared', 'seeds');
const SHORTEST = 12;
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
/** Spacing and punctuation differ between a report and a rewrite without changing the words. */
const squeeze = (text: string) => text.replace(/[\s，,。.、；;：:！!？?（）()“”"‘’'《》<>—\-]/g, '');

const seedsHere = existsSync(SEEDS);
if (!seedsHere) console.warn(`未找到 ${SEEDS}，跳过“不照搬原文”检查`);

describe.skipIf(!seedsHere)('cases do not copy their sources', () => {
  const sentences = seedsHere
    ? readdirSync(SEEDS).flatMap((f) =>
        toSimplified(readFileSync(join(SEEDS, f), 'utf8'))
          .split(/[。！？；!?;\n]/)
          .map(squeeze)
          .filter((s) => s.length >= SHORTEST),
      )
    : [];
  const dir = fromRoot('content', 'cases');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')) : [];

  it('reads sentences from every seed', () => {
    expect(sentences.length).toBeGreaterThan(100);
  });

  it.each(files)('%s contains no whole sentence of a seed', (name) => {
    const body = squeeze(splitFrontmatter(readFileSync(join(dir, name), 'utf8'))!.body.replace(/《[^》]*》/g, '｜'));
    expect(sentences.filter((s) => body.includes(s))).toEqual([]);
  });
});
