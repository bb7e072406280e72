/**
 * How long ranking the 相关案例 of every case takes (src/lib/related.ts), on the bench corpus
 * at several sizes, to show the work grows linearly with the number of cases.
 *
 *   npm run bench:related -- [--sizes 1000,10000,30000] [--runs 5] [--seed S]
 *
 * Only the frontmatter the ranking reads is generated and parsed (id, province, level,
 * measures), not whole case files; the build ranks the same fields of the loaded cases once.
 * `npm run bench` calls `timeRelated` for its report.
 */
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { generateCase, DEFAULT_SEED } from '../corpus/generate.ts';
import { relatedCases, type RelatedInput } from '../../src/lib/related.ts';

export interface RelatedTiming {
  cases: number;
  /** Median wall time of one ranking of every case, over `runs` runs. */
  medianMs: number;
  runs: number;
  /** Candidate cases visited in one ranking (the same every run). */
  visits: number;
}

/** The ranking's input for cases 0..n-1 of the corpus drawn with `seed`. */
export function corpusInput(n: number, seed = DEFAULT_SEED): RelatedInput[] {
  return Array.from({ length: n }, (_, i) => {
    const { text } = generateCase(i, seed);
    const data = parse(text.slice(4, text.indexOf('\n---\n'))) as { id: string; region: { province: string }; level: string; measures: string[] };
    return { id: data.id, province: data.region.province, level: data.level, measures: data.measures };
  });
}

export function timeRelated(sizes: readonly number[], runs = 5, seed = DEFAULT_SEED): RelatedTiming[] {
  const largest = corpusInput(Math.max(...sizes), seed);
  return sizes.map((n) => {
    const input = largest.slice(0, n);
    const times: number[] = [];
    let visits = 0;
    for (let run = 0; run < runs; run++) {
      const stats = { visits: 0 };
      const started = performance.now();
      relatedCases(input, { stats });
      times.push(performance.now() - started);
      visits = stats.visits;
    }
    times.sort((a, b) => a - b);
    return { cases: n, medianMs: times[Math.floor(times.length / 2)]!, runs, visits };
  });
}

export function formatRelatedTimings(timings: readonly RelatedTiming[]): string[] {
  return timings.map(
    (t) =>
      `${t.cases.toLocaleString('en-US')} 个案例：${t.medianMs.toFixed(0)} ms（${t.runs} 次的中位数），访问候选 ${t.visits.toLocaleString('en-US')} 次，每案例 ${(t.visits / t.cases).toFixed(0)} 次、${((t.medianMs * 1000) / t.cases).toFixed(1)} µs`,
  );
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,30000' },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  console.log('相关案例排序用时（src/lib/related.ts，全部案例一次）：');
  for (const line of formatRelatedTimings(timeRelated(sizes, Number(values.runs), Number(values.seed)))) console.log(`  ${line}`);
}
