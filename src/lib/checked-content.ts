/**
 * scripts/build.ts checks the content before it starts Astro, in the same process as the
 * integration that would check it again. Astro loads its config through its own module graph,
 * so module state is not shared between the two, but globalThis is. On 10,000 cases one check
 * takes over a minute, so the second is skipped when the first covered the same folder.
 */
const KEY = Symbol.for('casebook.checkedContent');

interface CheckedContent {
  dir: string;
  published: number;
}

type WithChecked = typeof globalThis & { [KEY]?: CheckedContent };

export function rememberCheckedContent(dir: string, published: number): void {
  (globalThis as WithChecked)[KEY] = { dir, published };
}

/** The number of published cases, if this folder was checked without problems in this process. */
export function publishedIfChecked(dir: string): number | undefined {
  const checked = (globalThis as WithChecked)[KEY];
  return checked?.dir === dir ? checked.published : undefined;
}
