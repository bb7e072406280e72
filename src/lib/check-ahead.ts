/**
 * Checks and renders, in worker threads, the case files a memo does not know yet, so that
 * `checkCaseDirectory` then finds each file's outcome ready and only runs the folder-wide
 * checks. At 10,000 cases checking and rendering is most of a cold build's content loading,
 * and each file's check is independent of the others, so it spreads over the machine's cores.
 *
 * Nothing here decides what is accepted: the workers run the same `checkCaseFile` on the same
 * bytes, and a file the workers could not check (a worker that failed to start, or died) is
 * simply checked again in the calling thread by `checkCaseDirectory`.
 */
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { readdirSync } from 'node:fs';
import { typeScriptWorker } from './worker-thread.ts';
import type { StoredMemo } from './case-check-memo.ts';
import { entryProblem, readCaseBytes, type FileOutcome } from './validate.ts';

/** One file for a worker: checkCaseFile's arguments. */
export interface CheckJob {
  dir: string;
  folder: string;
  file: string;
  bytes: Uint8Array;
  base: string;
}

/** Fewer files than this are checked faster in the calling thread than a worker starts (about half a second). */
const MIN_FILES_FOR_WORKERS = 200;
/** Files sent to a worker at a time: big enough that messages cost little, small enough to keep both busy to the end. */
const BATCH = 25;
/** Each worker loads the schema, the gazetteer and the Markdown parser (about 150 MB); more than four gains little. */
const MAX_WORKERS = 4;

const WORKER_FILE = new URL('./check-ahead-worker.ts', import.meta.url);

export interface CheckAheadOptions {
  /** Worker threads to use; fewer than two is not worth it. */
  workers?: number;
  /** Below this many files to check, none are checked ahead. */
  minFiles?: number;
}

/**
 * Checks ahead the `.mdx` files of `dir` that `memo` does not know and teaches it their
 * outcomes. Returns how many files the workers checked (0 when there were too few to be worth it).
 */
export async function checkAhead(
  dir: string,
  root: string,
  base: string,
  memo: StoredMemo,
  { workers = Math.min(availableParallelism(), MAX_WORKERS), minFiles = MIN_FILES_FOR_WORKERS }: CheckAheadOptions = {},
): Promise<number> {
  const fileOf = (path: string) => relative(root, path) || path;
  const jobs: CheckJob[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return 0; // checkCaseDirectory reports a missing folder.
  }
  for (const name of names) {
    if (!name.endsWith('.mdx')) continue;
    const path = join(dir, name);
    // The same refusals as checkCaseDirectory's, before a byte is read: a symlink is never followed.
    if (entryProblem(name, path) !== undefined) continue;
    const bytes = readCaseBytes(path);
    if (typeof bytes === 'string' || memo.knows(fileOf(path), base, bytes)) continue;
    jobs.push({ dir, folder: fileOf(dir), file: fileOf(path), bytes, base });
  }
  if (jobs.length < minFiles || workers < 2) return 0;
  const outcomes = await runInWorkers(jobs, workers);
  for (const [i, outcome] of outcomes.entries()) if (outcome) memo.learn(jobs[i]!.file, base, Buffer.from(jobs[i]!.bytes), outcome);
  return outcomes.filter(Boolean).length;
}

/** Each job's outcome, or undefined where its worker failed. */
function runInWorkers(jobs: readonly CheckJob[], count: number): Promise<(FileOutcome | undefined)[]> {
  const outcomes: (FileOutcome | undefined)[] = new Array(jobs.length);
  let nextJob = 0;
  const work = () =>
    new Promise<void>((done) => {
      const worker = typeScriptWorker(WORKER_FILE);
      let batchStart = 0;
      const send = () => {
        if (nextJob >= jobs.length) {
          void worker.terminate().then(() => done());
          return;
        }
        batchStart = nextJob;
        nextJob = Math.min(nextJob + BATCH, jobs.length);
        worker.postMessage(jobs.slice(batchStart, nextJob));
      };
      worker.on('message', (batch: FileOutcome[]) => {
        batch.forEach((outcome, i) => (outcomes[batchStart + i] = outcome));
        send();
      });
      // The files of a failed worker stay without an outcome and are checked in the calling thread.
      worker.on('error', (error) => {
        if (process.env['CASEBOOK_VERBOSE']) console.error(error);
        void worker.terminate().then(() => done());
      });
      send();
    });
  return Promise.all(Array.from({ length: count }, work)).then(() => outcomes);
}
