/**
 * When each case joined the casebook and when it was last revised: the case's own `added` and
 * `updated` fields win; otherwise the first and last commit that touched its file; a file git
 * does not know yet (a new case in a pull request) takes the build's date.
 */
import { execFileSync } from 'node:child_process';
import { relative } from 'node:path';
import { formatDate } from './format.ts';

export interface FileDates {
  added: string;
  updated: string;
}

/**
 * Reads `git log --format=%x00%as --name-only` (newest commit first): each commit is a NUL, its
 * date, then the files it touched. Returns, per file, the dates of its oldest and newest commit.
 */
export function parseGitLog(log: string): Map<string, FileDates> {
  const dates = new Map<string, FileDates>();
  for (const commit of log.split('\0').slice(1)) {
    const [date, ...files] = commit.split('\n').map((l) => l.trim());
    for (const file of files.filter(Boolean)) {
      const known = dates.get(file);
      // Newest first: the first date seen is the last revision, each later one an earlier commit.
      dates.set(file, { added: date!, updated: known?.updated ?? date! });
    }
  }
  return dates;
}

/** The git dates of every file under `dir`, keyed by path relative to `root`; empty without git. */
export function gitDates(root: string, dir: string): Map<string, FileDates> {
  try {
    const log = execFileSync('git', ['log', '--format=%x00%as', '--name-only', '--', relative(root, dir) || '.'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return parseGitLog(log);
  } catch {
    // Not a git checkout (a downloaded archive), or git missing: the fields and the build date remain.
    return new Map();
  }
}

/** The dates to show for a case: its fields first, then git, then `today`. */
export function caseDates(fields: { added?: string | undefined; updated?: string | undefined }, git: FileDates | undefined, today: string): FileDates {
  const added = fields.added ?? git?.added ?? today;
  const updated = fields.updated ?? git?.updated ?? added;
  // A revision cannot come before the case existed (a field set by hand, a rebased history).
  return { added, updated: updated < added ? added : updated };
}

/**
 * 引用本案例: editor, title, casebook, dates and the stable address — absolute when the site's
 * public address is known, the site path otherwise (a local preview).
 */
export function citationLine(c: { editor: string; title: string; path: string }, dates: FileDates, casebook: string, address: string | undefined): string {
  const where = address ? new URL(c.path, address).href : c.path;
  const revised = dates.updated !== dates.added ? `，${formatDate(dates.updated)}修订` : '';
  return `${c.editor}：《${c.title}》，${casebook}，${formatDate(dates.added)}收录${revised}。${where}`;
}
