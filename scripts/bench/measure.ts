/** Wall time, peak memory and output size of a build, measured from outside the build. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessRun {
  status: number | null;
  ms: number;
  /** Highest resident memory of the process and its children together, sampled every 250 ms. */
  peakRssBytes: number;
  /** Highest resident memory of each program in the tree (node, pagefind_extended, …). */
  peakByProgram: Record<string, number>;
  output: string;
}

function treeRss(pid: number, byProgram: Record<string, number>): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '?';
      total += rss;
      byProgram[name] = Math.max(byProgram[name] ?? 0, rss);
      for (const task of readdirSync(`/proc/${p}/task`))
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) visit(Number(child));
    } catch {
      /* the process ended between two reads, or /proc is not there (not Linux) */
    }
  };
  visit(pid);
  return total;
}

/** Runs a command, echoing nothing, and keeps its output for the report of a failure. */
export function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peak = 0;
    const peakByProgram: Record<string, number> = {};
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!, peakByProgram))), 250);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sampler);
      resolve({ status, ms: performance.now() - started, peakRssBytes: peak, peakByProgram, output });
    });
  });
}

export interface DirSize {
  bytes: number;
  files: number;
}

export function dirSize(dir: string): DirSize {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

export interface Summary {
  median: number;
  p90: number;
  max: number;
}

/** Nearest-rank percentiles: with 24 queries, p90 is the 22nd smallest value. */
export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, p90: rank(90), max: sorted.at(-1) ?? NaN };
}
