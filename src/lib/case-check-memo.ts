/**
 * Remembers, between builds, what checking and rendering each case file gave, so a rebuild
 * after an editor changed one case checks and renders only that case (about 5 ms a
 * case, most of the content loader's time at 10,000 cases). Only the content loader uses it;
 * `npm run check` always checks every file.
 *
 * An outcome is reused only when nothing it was made from can have changed:
 *   - the file's bytes, its path and the site's base path are the same (the key);
 *   - the code is the same: every file under src/, the vocabulary and units files and the
 *     lockfile are hashed into a fingerprint, and a memo made with another one is dropped;
 *   - the body shows no image (an image file can change beside an unchanged case, so those
 *     cases are checked every time; they are few).
 * The folder-wide checks (duplicate ids, links between cases, 专题) always run on the outcomes.
 *
 * The memo is kept in parts, each holding the files whose names fall in it, and a save writes
 * only the parts whose files changed: at 10,000 cases the whole memo is 127 MB, and serialising
 * all of it took the loader about 1.7 s on every rebuild after one case changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CaseCheckMemo, FileOutcome } from './validate.ts';
import { PROJECT_ROOT } from './paths.ts';

interface Saved {
  fingerprint: string;
  outcomes: Map<string, FileOutcome>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Parts of the memo, named by the first hex digit of the hash of a file's name. */
const PARTS = 16;
const partOf = (name: string): number => parseInt(sha256(name).slice(0, 1), 16);
const partFile = (dir: string, part: number) => join(dir, `${part.toString(16).padStart(2, '0')}.bin`);

/** Every file below `dir`, in a fixed order. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** The code and settings an outcome depends on (see the module comment). */
export function codeFingerprint(root = PROJECT_ROOT): string {
  const hash = createHash('sha256').update(process.version);
  const inputs = [...filesBelow(join(root, 'src')), ...['content/measures.yaml', 'content/units.yaml', 'package-lock.json'].map((f) => join(root, f))];
  for (const path of inputs)
    hash
      .update(path)
      .update('\0')
      .update(existsSync(path) ? readFileSync(path) : '')
      .update('\0');
  return hash.digest('hex');
}

export interface StoredMemo extends CaseCheckMemo {
  /** Outcomes reused since the last save. */
  readonly reused: number;
  /** Whether an earlier build left an outcome for these bytes, so they need not be checked ahead. */
  knows(file: string, base: string, bytes: Buffer): boolean;
  /**
   * An outcome checked ahead, in a worker thread (src/lib/check-ahead.ts): `recall` hands it
   * out instead of computing it, once, and it is kept like any other outcome.
   */
  learn(file: string, base: string, bytes: Buffer, outcome: FileOutcome): void;
  /** Writes this run's outcomes (only those of files that still exist), replacing the old ones. */
  save(): void;
}

/** The memo kept in the folder `dir`, valid for code with this fingerprint. */
export function caseCheckMemo(dir: string, fingerprint = codeFingerprint()): StoredMemo {
  // The outcomes of the last save, part by part.
  let previous: Map<string, FileOutcome>[] = [];
  for (let part = 0; part < PARTS; part++) {
    try {
      const saved = deserialize(readFileSync(partFile(dir, part))) as Saved;
      previous[part] = saved.fingerprint === fingerprint ? saved.outcomes : new Map();
    } catch {
      // No memo yet, or one this Node cannot read: its files are checked.
      previous[part] = new Map();
    }
  }
  const next = new Map<string, FileOutcome>();
  const checkedAhead = new Map<string, FileOutcome>();
  let reused = 0;
  const keyOf = (name: string, base: string, bytes: Buffer) => `${partOf(name).toString(16)}\0${name}\0${base}\0${sha256(bytes)}`;
  const partOfKey = (key: string) => parseInt(key.slice(0, 1), 16);
  const known = (key: string) => previous[partOfKey(key)]!.get(key);
  return {
    get reused() {
      return reused;
    },
    knows: (name, base, bytes) => known(keyOf(name, base, bytes)) !== undefined,
    learn(name, base, bytes, outcome) {
      checkedAhead.set(keyOf(name, base, bytes), outcome);
    },
    recall(name, base, bytes, compute) {
      const key = keyOf(name, base, bytes);
      const outcomeBefore = known(key);
      if (outcomeBefore) {
        reused++;
        next.set(key, outcomeBefore);
        return outcomeBefore;
      }
      const outcome = checkedAhead.get(key) ?? compute();
      checkedAhead.delete(key);
      if (outcome.facts.images.length === 0) next.set(key, outcome);
      return outcome;
    },
    save() {
      mkdirSync(dir, { recursive: true });
      const parts = Array.from({ length: PARTS }, () => new Map<string, FileOutcome>());
      for (const [key, outcome] of next) parts[partOfKey(key)]!.set(key, outcome);
      parts.forEach((outcomes, part) => {
        // The same keys hold the same outcomes (a key names the file's bytes): nothing to write.
        const before = previous[part]!;
        if (outcomes.size === before.size && [...outcomes.keys()].every((key) => before.has(key)) && existsSync(partFile(dir, part))) return;
        // Written aside and renamed, so a killed build never leaves half a part.
        const file = partFile(dir, part);
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, serialize({ fingerprint, outcomes } satisfies Saved));
        renameSync(temporary, file);
      });
      previous = parts;
      next.clear();
      checkedAhead.clear();
      reused = 0;
    },
  };
}
