/** Finding the line of a character offset in a text, for messages that name `file:line`. */

/** Offsets at which each line of `text` starts (the first is 0). */
export function lineStarts(text: string): number[] {
  return [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
}

/** The 1-based line holding `offset`, by binary search over `starts` (from lineStarts). */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
