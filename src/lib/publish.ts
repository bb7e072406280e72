/**
 * Atomic publishing of a built site. The output folder (dist/) is a symbolic link to one
 * finished build kept in a versions folder beside it (.dist-versions/). A build writes into a
 * new folder there and, only when it has succeeded, points the link at it with a single
 * rename(2), which the operating system performs whole: a reader, a web server or a build
 * killed at any moment sees either the previous site or the new one, never neither.
 *
 * Clean-up removes what killed builds left (their staging folders and half-made links) and
 * versions no longer linked; it never touches the version dist/ points to, nor the staging
 * folder of a build that is still running. A build hands what it finds, and the version it
 * replaced, to a process of its own at the lowest priority, which outlives the build: deleting
 * the 57,000 files and folders of a 10,000-case version took 7–10 s that the person building
 * waited for after the site was already published, and deleting it while the next build ran
 * slowed that build as much (scripts/bench/notes.md). That process first renames each folder to
 * removing-<its pid>-…, so a build that starts meanwhile leaves the folder to it; a removal that
 * did not finish is taken over by the next build's clean-up.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export interface PublishPaths {
  /** The published site: a link to the current version. */
  out: string;
  /** Where versions and staging folders live. */
  versions: string;
}

export function publishPaths(out: string): PublishPaths {
  return { out, versions: join(dirname(out), `.${basename(out)}-versions`) };
}

/**
 * Where a build of `out` from `casesDir` keeps Astro's caches (the content store, the check memo,
 * the pages a rebuild can reuse). Each output folder and cases folder has its own, so parallel
 * builds (tests, benchmarks) never share one and a cache never outlives the corpus it was made from.
 */
export function buildCacheDir(projectRoot: string, out: string, casesDir: string): string {
  const key = `${out}-${casesDir}`.replace(/[^\w-]/g, '_');
  return join(projectRoot, 'node_modules', '.astro', `cache-${key}`);
}

const STAGING = 'staging-';
const REMOVING = 'removing-';
/** The process a folder belongs to: the build of a staging folder, the remover of a removing one. */
const owner = (name: string, prefix: string): number => Number(name.slice(prefix.length).split('-')[0]);
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The version folder the output link points to, if it is one. */
export function currentVersion({ out, versions }: PublishPaths): string | undefined {
  if (!existsSync(out) || !lstatSync(out).isSymbolicLink()) return undefined;
  return resolve(dirname(out), readlinkSync(out)).startsWith(`${versions}/`) ? resolve(dirname(out), readlinkSync(out)) : undefined;
}

/**
 * Removes what earlier builds left behind, except `inUse` (this build's own staging folder), and
 * returns a short Chinese line for each folder of a killed build it removed, so the person
 * building knows. With `inBackground`, the folders are removed by a detached process that
 * outlives this one.
 */
export async function cleanUp(paths: PublishPaths, { inUse, inBackground = false }: { inUse?: string; inBackground?: boolean } = {}): Promise<string[]> {
  const said: string[] = [];
  const dir = dirname(paths.out);
  // Links made for a swap that a killed build never performed.
  if (existsSync(dir)) for (const name of readdirSync(dir)) if (name.startsWith(`${basename(paths.out)}.link-`)) rmSync(join(dir, name), { force: true });
  if (!existsSync(paths.versions)) return said;
  const current = currentVersion(paths);
  const unused: string[] = [];
  for (const name of readdirSync(paths.versions)) {
    const path = join(paths.versions, name);
    if (path === current || path === inUse) continue;
    if (name.startsWith(REMOVING) && alive(owner(name, REMOVING))) continue;
    if (name.startsWith(STAGING)) {
      const pid = owner(name, STAGING);
      if (alive(pid) && pid !== process.pid) continue;
      said.push(`已清理一次中断的构建留下的临时文件夹 ${name}`);
    }
    unused.push(path);
  }
  if (inBackground) {
    removeInBackground(unused);
    return said;
  }
  // The asynchronous rm removes a folder's files several at a time: the 42,000 files of a
  // 10,000-case version go in about half the time rmSync takes (docs/benchmarks.md).
  await Promise.all(unused.map((path) => rm(path, { recursive: true, force: true })));
  if (readdirSync(paths.versions).length === 0) rmSync(paths.versions, { recursive: true, force: true });
  return said;
}

/**
 * Removes folders in a detached Node process at the lowest priority, and does not wait for it.
 * The process claims each folder by renaming it removing-<its pid>-<name> (a folder another
 * build already took is skipped), then deletes it.
 */
function removeInBackground(folders: string[]): void {
  if (folders.length === 0) return;
  const remove = `const { renameSync, rmSync } = require('node:fs');
    const { basename, dirname, join } = require('node:path');
    for (const path of process.argv.slice(1)) {
      const claimed = join(dirname(path), '${REMOVING}' + process.pid + '-' + basename(path).replace(/^${REMOVING}\\d+-/, ''));
      try { renameSync(path, claimed); } catch { continue; }
      rmSync(claimed, { recursive: true, force: true });
    }`;
  const child = spawn(process.execPath, ['-e', remove, ...folders], { detached: true, stdio: 'ignore' });
  try {
    if (child.pid) setPriority(child.pid, 19);
  } catch {
    // Not allowed here: it runs at the build's own priority.
  }
  child.unref();
}

/** A fresh folder to build into. */
export function stagingFolder({ versions }: PublishPaths): string {
  const path = join(versions, `${STAGING}${process.pid}-${Date.now()}`);
  mkdirSync(path, { recursive: true });
  return path;
}

/**
 * Makes a finished staging folder the published site. An output that is still a plain folder
 * (from before publishing used links) is moved into the versions folder first; that one move
 * cannot be made atomic, and happens once.
 */
export function publish(paths: PublishPaths, staging: string): string {
  const version = join(paths.versions, `site-${basename(staging).slice(STAGING.length)}`);
  renameSync(staging, version);
  if (existsSync(paths.out) && !lstatSync(paths.out).isSymbolicLink()) renameSync(paths.out, join(paths.versions, `site-before-links-${Date.now()}`));
  const link = `${paths.out}.link-${process.pid}`;
  symlinkSync(join(basename(paths.versions), basename(version)), link);
  renameSync(link, paths.out);
  return version;
}
